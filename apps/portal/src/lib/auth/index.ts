export * from './AuthProvider';
export * from './session';
export * from './session-store';
export * from './token';
