export * from './AuthProvider';
export * from './session';
export * from './token';
