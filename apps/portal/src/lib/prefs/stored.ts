import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales';
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

/** Preferences kept in the browser, so they hold while signed out too. */
export function readStoredPrefs(): Prefs {
  const s = storage();
  const locale = s?.getItem(KEYS.locale);
  return {
    locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
    elderMode: s?.getItem(KEYS.elderMode) === 'true',
    timeZone: s?.getItem(KEYS.timeZone) || DEFAULT_TIME_ZONE,
  };
}

export function storePrefs(p: Prefs): void {
  const s = storage();
  if (!s) return;
  s.setItem(KEYS.locale, p.locale);
  s.setItem(KEYS.elderMode, String(p.elderMode));
  s.setItem(KEYS.timeZone, p.timeZone);
}
