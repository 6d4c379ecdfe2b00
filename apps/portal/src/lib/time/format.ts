import { useTranslation } from 'react-i18next';
import { getDayjsLocale, getTimeZone, inZone } from './time';

const ranges = new Map<string, string>();

/**
 * A shift's time range as text, remembered: a board renders each card several times as its
 * data arrives and updates, and formatting in a zone is the costly part of a card.
 */
function cachedRange(key: string, format: () => string): string {
  let text = ranges.get(key);
  if (text === undefined) {
    if (ranges.size >= 2000) ranges.clear();
    text = format();
    ranges.set(key, text);
  }
  return text;
}

/** Formatters bound to the current language's date formats (from the locale files). */
export function useFormatters() {
  const { t } = useTranslation();
  const date = (v: string) => inZone(v).format(t('format.date'));
  const dateTime = (v: string) => inZone(v).format(t('format.dateTime'));
  const time = (v: string) => inZone(v).format(t('format.time'));
  const range = (start: string, end: string) => {
    const dateTimeFormat = t('format.dateTime');
    const timeFormat = t('format.time');
    return cachedRange(`${getTimeZone()} ${getDayjsLocale()} ${dateTimeFormat} ${timeFormat} ${start} ${end}`, () => {
      const s = inZone(start);
      const e = inZone(end);
      // The same calendar day in the zone; isSame(…, 'day') would go through the timezone
      // plugin's slow startOf/endOf for every card.
      return s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD') ? `${s.format(dateTimeFormat)} – ${e.format(timeFormat)}` : `${s.format(dateTimeFormat)} – ${e.format(dateTimeFormat)}`;
    });
  };
  const hours = (minutes: number) => t('format.hours', { hours: Math.round((minutes / 60) * 10) / 10 });
  return { date, dateTime, time, range, hours };
}
