export * from './i18n';
export * from './locales';
export * from './display-name';
export * from './browser-locale';
