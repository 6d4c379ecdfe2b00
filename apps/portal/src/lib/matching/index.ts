export * from './reasons';
export * from './MatchReasons';
