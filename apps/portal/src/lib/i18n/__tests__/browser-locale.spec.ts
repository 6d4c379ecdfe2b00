import { browserLocale, localeForLanguages } from '../browser-locale';

describe('localeForLanguages', () => {
  it.each<[string[], string]>([
    [['zh-TW'], 'zh-TW'],
    [['zh-HK', 'en'], 'zh-TW'],
    [['zh-Hant-CN'], 'zh-TW'],
    [['zh_TW'], 'zh-TW'],
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-Hans-HK'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-TW', 'en'], 'zh-TW'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
  ])('should read %j as %s', (languages, locale) => {
    expect(localeForLanguages(languages)).toBe(locale);
  });
});

describe('browserLocale', () => {
  const original = Object.getOwnPropertyDescriptor(window.navigator, 'languages');
  afterEach(() => {
    if (original) Object.defineProperty(window.navigator, 'languages', original);
    else delete (window.navigator as { languages?: unknown }).languages;
  });

  it("should read the browser's preferred languages", () => {
    Object.defineProperty(window.navigator, 'languages', { value: ['en-US', 'en'], configurable: true });
    expect(browserLocale()).toBe('en');
    Object.defineProperty(window.navigator, 'languages', { value: ['zh-HK'], configurable: true });
    expect(browserLocale()).toBe('zh-TW');
  });
});
