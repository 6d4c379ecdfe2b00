export * from './time';
export * from './format';
