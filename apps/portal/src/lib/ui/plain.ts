import { useTranslation } from 'react-i18next';
import { inZone, now } from '../time';
import { regionLabel } from '../regions';

/** A claim's status, said as what it means for the person (elder mode's words). */
const PLAIN_STATUS: Record<string, string> = {
  CONFIRMED: 'elder.plain.going',
  CHECKED_IN: 'elder.plain.there',
  WAITLISTED: 'elder.plain.waiting',
  PENDING_APPROVAL: 'elder.plain.asked',
};

/**
 * Plain words for elder mode, in one place for every screen it reaches: a day said as
 * today or tomorrow, times as "from … to …", places left as a count of people, where as
 * a place name, and never a score, a percentage or a status code.
 */
export function usePlainWords() {
  const { t, i18n } = useTranslation();
  const day = (v: string) => {
    const d = inZone(v);
    const today = now();
    if (d.isSame(today, 'day')) return t('elder.plain.today');
    if (d.isSame(today.add(1, 'day'), 'day')) return t('elder.plain.tomorrow');
    return d.format(t('elder.plain.dayFormat'));
  };
  return {
    /** "Today, from 14:00 to 16:00" */
    when(startsAt: string, endsAt: string): string {
      return t('elder.plain.when', { day: day(startsAt), from: inZone(startsAt).format('HH:mm'), to: inZone(endsAt).format('HH:mm') });
    },
    /** "3 places left", or that it is full */
    placesLeft(capacity: number, taken: number): string {
      const left = Math.max(0, capacity - taken);
      return left ? t('elder.plain.placesLeft', { count: left }) : t('elder.plain.full');
    },
    /** The meeting place, or else the area's name */
    where(place: string | null | undefined, region: { name: string; nameEn?: string | null }): string {
      return place?.trim() || regionLabel(region, i18n.language);
    },
    /** What a claim's status means for the person */
    status(status: string): string {
      return PLAIN_STATUS[status] ? t(PLAIN_STATUS[status]) : t('elder.plain.going');
    },
  };
}
