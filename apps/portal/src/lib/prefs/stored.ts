import { isLocale, type Locale } from '../i18n/locales';
import { browserLocale } from '../i18n/browser-locale';
import { DEFAULT_TIME_ZONE } from '../time/time';

export interface Prefs {
  locale: Locale;
  elderMode: boolean;
  timeZone: string;
}

const KEYS = { locale: 'civicgrid.locale', elderMode: 'civicgrid.elderMode', timeZone: 'civicgrid.timeZone' } as const;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Preferences kept in the browser, so they hold while signed out too. Until the person
 * chooses a language (or signs in with one on their profile), the browser's language holds.
 */
export function readStoredPrefs(): Prefs {
  const s = storage();
  const locale = s?.getItem(KEYS.locale);
  return {
    locale: isLocale(locale) ? locale : browserLocale(),
    elderMode: s?.getItem(KEYS.elderMode) === 'true',
    timeZone: s?.getItem(KEYS.timeZone) || DEFAULT_TIME_ZONE,
  };
}

/** Keeps the preferences; the language only once chosen (`localeChosen`), so the browser's holds until then. */
export function storePrefs(p: Prefs, { localeChosen }: { localeChosen: boolean }): void {
  const s = storage();
  if (!s) return;
  if (localeChosen) s.setItem(KEYS.locale, p.locale);
  s.setItem(KEYS.elderMode, String(p.elderMode));
  s.setItem(KEYS.timeZone, p.timeZone);
}
