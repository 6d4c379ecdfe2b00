import { useTranslation } from 'react-i18next';
import { inZone } from './time';

/** Formatters bound to the current language's date formats (from the locale files). */
export function useFormatters() {
  const { t } = useTranslation();
  const date = (v: string) => inZone(v).format(t('format.date'));
  const dateTime = (v: string) => inZone(v).format(t('format.dateTime'));
  const time = (v: string) => inZone(v).format(t('format.time'));
  const range = (start: string, end: string) => {
    const s = inZone(start);
    const e = inZone(end);
    return s.isSame(e, 'day') ? `${s.format(t('format.dateTime'))} – ${e.format(t('format.time'))}` : `${s.format(t('format.dateTime'))} – ${e.format(t('format.dateTime'))}`;
  };
  const hours = (minutes: number) => t('format.hours', { hours: Math.round((minutes / 60) * 10) / 10 });
  return { date, dateTime, time, range, hours };
}
