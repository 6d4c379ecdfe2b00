import { DEFAULT_LOCALE as CONTRACT_DEFAULT, LOCALES as CONTRACT_LOCALES, type Locale } from '@civicgrid/contracts';

export type { Locale };
export const LOCALES: readonly Locale[] = CONTRACT_LOCALES;
export const DEFAULT_LOCALE: Locale = CONTRACT_DEFAULT;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Antd's locale pack for a language, loaded on demand. */
export async function loadAntdLocale(locale: Locale) {
  switch (locale) {
    case 'en':
      return (await import('antd/locale/en_US')).default;
    case 'zh-TW':
      return (await import('antd/locale/zh_TW')).default;
    default:
      return (await import('antd/locale/zh_CN')).default;
  }
}

/** Dayjs's locale for a language, loaded on demand; returns dayjs's name for it. */
export async function loadDayjsLocale(locale: Locale): Promise<string> {
  switch (locale) {
    case 'en':
      return 'en';
    case 'zh-TW':
      await import('dayjs/locale/zh-tw');
      return 'zh-tw';
    default:
      await import('dayjs/locale/zh-cn');
      return 'zh-cn';
  }
}
