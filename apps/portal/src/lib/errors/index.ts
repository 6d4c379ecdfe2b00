export * from './api-error';
export * from './use-form-errors';
