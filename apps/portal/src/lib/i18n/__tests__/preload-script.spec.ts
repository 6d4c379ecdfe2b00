import { readStoredPrefs } from '../../prefs/stored';
import { preloadLanguageScript } from '../preload-script';

const FILES = { en: ['/assets/en.js', '/assets/en_US.js'], 'zh-CN': ['/assets/zh-CN.js'], 'zh-TW': ['/assets/zh-TW.js', '/assets/zh_TW.js'] };

/** The files the script announces, run as index.html runs it. */
function announced(): string[] {
  document.head.querySelectorAll('link[rel="modulepreload"]').forEach((l) => l.remove());
  new Function(preloadLanguageScript(FILES))();
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.getAttribute('href')!);
}

describe('preloadLanguageScript', () => {
  const original = Object.getOwnPropertyDescriptor(window.navigator, 'languages');
  afterEach(() => {
    localStorage.clear();
    if (original) Object.defineProperty(window.navigator, 'languages', original);
    else delete (window.navigator as { languages?: unknown }).languages;
  });

  it.each<[string | null, string[]]>([
    [null, ['en-US', 'en']],
    [null, ['zh-CN']],
    [null, ['zh-HK', 'en']],
    [null, ['zh-Hant-CN']],
    [null, ['zh_TW']],
    [null, ['en-GB', 'zh-CN']],
    [null, ['fr-FR', 'zh-TW', 'en']],
    [null, ['fr-FR', 'de']],
    [null, []],
    ['zh-TW', ['en-US']],
    ['en', ['zh-CN']],
    ['xx', ['zh-CN']],
  ])('should announce the chunks of the language the app starts in (stored %s, browser %j)', (stored, languages) => {
    if (stored) localStorage.setItem('civicgrid.locale', stored);
    Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
    expect(announced()).toEqual(FILES[readStoredPrefs().locale]);
  });
});
