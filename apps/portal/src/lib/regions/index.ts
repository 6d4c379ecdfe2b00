export * from './RegionCascader';
export * from './regions.query';
