import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

type Messages = Record<string, unknown>;

/** Loads one language's messages; each is its own chunk so the first page carries one. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'en':
      return (await import('../../locales/en.json')).default as Messages;
    case 'zh-TW':
      return (await import('../../locales/zh-TW.json')).default as Messages;
    default:
      return (await import('../../locales/zh-CN.json')).default as Messages;
  }
}

/** Starts i18next with the given language (falling back to zh-CN for anything missing). */
export async function initI18n(locale: Locale, preloaded?: Partial<Record<Locale, Messages>>): Promise<typeof i18n> {
  const resources: Record<string, { translation: Messages }> = {};
  for (const l of new Set<Locale>([locale, DEFAULT_LOCALE])) {
    resources[l] = { translation: preloaded?.[l] ?? (await loadMessages(l)) };
  }
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      resources,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else {
    for (const [l, r] of Object.entries(resources)) i18n.addResourceBundle(l, 'translation', r.translation, true, true);
    await i18n.changeLanguage(locale);
  }
  return i18n;
}

/** Switches language, loading its messages first when needed. */
export async function changeLanguage(locale: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'translation')) {
    i18n.addResourceBundle(locale, 'translation', await loadMessages(locale), true, true);
  }
  await i18n.changeLanguage(locale);
}

export { i18n, isLocale };
