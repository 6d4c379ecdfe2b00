import en from '../../../locales/en.json';

describe('initI18n', () => {
  it("should start with the language's messages only, and add the fallback's at the first missing key", async () => {
    let mod!: typeof import('../i18n');
    jest.isolateModules(() => {
      mod = jest.requireActual<typeof import('../i18n')>('../i18n');
    });
    const i18n = await mod.initI18n('en', { en });
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('zh-CN', 'translation')).toBe(false);

    expect(i18n.t('board.title')).toBe(en.board.title);
    expect(i18n.hasResourceBundle('zh-CN', 'translation')).toBe(false);

    const added = new Promise<string>((resolve) => i18n.store.on('added', (lng: string) => resolve(lng)));
    i18n.t('onlyInTheFallback.key');
    expect(await added).toBe('zh-CN');
    expect(i18n.t('board.title', { lng: 'zh-CN' })).not.toBe('board.title');
  });
});
