export * from './RegionCascader';
export * from './regions.query';
export * from './path';
