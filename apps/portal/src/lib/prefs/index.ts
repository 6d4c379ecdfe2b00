export * from './PrefsProvider';
export * from './stored';
