export * from './error-codes';
export * from './limits';
