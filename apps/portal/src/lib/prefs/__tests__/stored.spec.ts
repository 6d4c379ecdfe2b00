import { readStoredPrefs, storePrefs } from '../stored';

const setLanguages = (languages: string[]) => Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });

describe('stored preferences', () => {
  beforeEach(() => window.localStorage.clear());

  it("should follow the browser's language on a first visit", () => {
    setLanguages(['en-US', 'en']);
    expect(readStoredPrefs().locale).toBe('en');
    setLanguages(['zh-TW', 'zh']);
    expect(readStoredPrefs().locale).toBe('zh-TW');
    setLanguages(['zh-CN']);
    expect(readStoredPrefs().locale).toBe('zh-CN');
  });

  it("should keep following the browser until a language is chosen, then keep the choice", () => {
    setLanguages(['en-US']);
    // Turning elder mode on is no choice of language.
    storePrefs({ ...readStoredPrefs(), elderMode: true }, { localeChosen: false });
    setLanguages(['zh-CN']);
    expect(readStoredPrefs()).toMatchObject({ locale: 'zh-CN', elderMode: true });
    storePrefs({ ...readStoredPrefs(), locale: 'zh-TW' }, { localeChosen: true });
    setLanguages(['en-US']);
    expect(readStoredPrefs().locale).toBe('zh-TW');
  });
});
