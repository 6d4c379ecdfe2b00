export * from './client';
export * from './transport-events';
export * from './startup';
export * from './live';
export * from './live-context';
