export * from './internal-path';
