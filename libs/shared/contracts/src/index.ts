export * from './error-codes';
export * from './limits';
export * from './claim-status';
