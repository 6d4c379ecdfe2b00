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

let fallback: Promise<void> | null = null;

/**
 * The fallback language's messages, added the first time a key is missing. Every language
 * has every key (test/locales.spec.ts), so the first page carries one language's messages.
 */
function loadFallback(): Promise<void> {
  fallback ??= i18n.hasResourceBundle(DEFAULT_LOCALE, 'translation')
    ? Promise.resolve()
    : loadMessages(DEFAULT_LOCALE).then(
        (messages) => void i18n.addResourceBundle(DEFAULT_LOCALE, 'translation', messages, true, true),
        () => {
          // A chunk that failed to load may load at the next missing key.
          fallback = null;
        },
      );
  return fallback;
}

/** Starts i18next with the given language (falling back to zh-CN for anything missing). */
export async function initI18n(locale: Locale, preloaded?: Partial<Record<Locale, Messages>>): Promise<typeof i18n> {
  const resources: Record<string, { translation: Messages }> = {};
  for (const [l, messages] of Object.entries(preloaded ?? {})) if (messages) resources[l] = { translation: messages };
  resources[locale] ??= { translation: await loadMessages(locale) };
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      resources,
      interpolation: { escapeValue: false },
      returnNull: false,
      // A key the language lacks loads the fallback's messages; screens then render again.
      saveMissing: true,
      missingKeyHandler: () => void loadFallback(),
      react: { bindI18nStore: 'added' },
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
