import type { Locale } from './locales';

/** Traditional-character Chinese: Taiwan, Hong Kong, Macau, or any tag written in Hant. */
const TRADITIONAL = /^zh-(tw|hk|mo|hant)\b/i;

/**
 * The portal's language for a browser's preferred languages (navigator.languages), the
 * first one it can serve: Traditional Chinese tags → zh-TW, other Chinese → zh-CN,
 * English → en; a browser asking for none of these gets English.
 */
export function localeForLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const t = tag.trim().replace(/_/g, '-');
    if (TRADITIONAL.test(t)) return 'zh-TW';
    if (/^zh\b/i.test(t)) return 'zh-CN';
    if (/^en\b/i.test(t)) return 'en';
  }
  return 'en';
}

/** This browser's language, as far as the portal serves it. */
export function browserLocale(): Locale {
  if (typeof navigator === 'undefined') return 'en';
  const languages = navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
  return localeForLanguages(languages);
}
