import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RecurrenceFrequency, RecurrenceInput, Weekday } from '../../gql/graphql';
import { dayjs } from '../time';

/** Monday first, as the API's Weekday (weeks start on Monday). */
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const FREQUENCIES: readonly RecurrenceFrequency[] = ['WEEKLY', 'DAILY', 'MONTHLY'];
export type RepeatEnd = 'NEVER' | 'UNTIL' | 'COUNT';

/** What the "Repeat" fields of a shift hold. */
export interface RepeatDraft {
  enabled?: boolean;
  frequency?: RecurrenceFrequency;
  interval?: number | null;
  byWeekday?: Weekday[];
  end?: RepeatEnd;
  until?: Dayjs | null;
  count?: number | null;
  exceptions?: Dayjs[] | null;
}

export const NEW_REPEAT: RepeatDraft = { enabled: false, frequency: 'WEEKLY', interval: 1, byWeekday: [], end: 'COUNT', count: 8, until: null, exceptions: [] };

/** The day of the week a picked start falls on, in the user's zone. */
export function weekdayOf(value: Dayjs): Weekday {
  // The picker's fields are the wall clock in the user's zone.
  return WEEKDAYS[(value.day() + 6) % 7];
}

const localDate = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The rule as the API takes it, or null while the fields are not filled in enough to send. */
export function toRecurrenceInput(r: RepeatDraft | undefined, startsAt?: Dayjs | null): RecurrenceInput | null {
  if (!r?.enabled || !r.frequency) return null;
  const weekly = r.frequency === 'WEEKLY';
  const days = weekly ? (r.byWeekday?.length ? r.byWeekday : startsAt ? [weekdayOf(startsAt)] : []) : undefined;
  return {
    frequency: r.frequency,
    interval: r.interval ?? 1,
    ...(days ? { byWeekday: WEEKDAYS.filter((d) => days.includes(d)) } : {}),
    ...(r.end === 'UNTIL' && r.until ? { until: localDate(r.until) } : {}),
    ...(r.end === 'COUNT' && r.count ? { count: r.count } : {}),
  };
}

export function toExceptions(r: RepeatDraft | undefined): string[] {
  return [...new Set((r?.exceptions ?? []).map(localDate))].sort();
}

/** What is wrong with the repeat fields, as locale keys per field (checked before sending). */
export function repeatProblems(r: RepeatDraft | undefined, startsAt?: Dayjs | null): Partial<Record<'interval' | 'byWeekday' | 'until' | 'count', string>> {
  const out: Partial<Record<'interval' | 'byWeekday' | 'until' | 'count', string>> = {};
  if (!r?.enabled) return out;
  const i = r.interval;
  if (i == null || !Number.isInteger(i) || i < 1 || i > 52) out.interval = 'recurrence.intervalRange';
  if (r.frequency === 'WEEKLY' && startsAt && r.byWeekday?.length && !r.byWeekday.includes(weekdayOf(startsAt))) out.byWeekday = 'recurrence.startNotOnDays';
  if (r.end === 'UNTIL') {
    if (!r.until) out.until = 'recurrence.untilRequired';
    else if (startsAt && localDate(r.until) < startsAt.format('YYYY-MM-DD')) out.until = 'recurrence.untilBeforeStart';
  }
  if (r.end === 'COUNT' && (r.count == null || !Number.isInteger(r.count) || r.count < 1 || r.count > 500)) out.count = 'recurrence.countRange';
  return out;
}

export interface RecurrenceFacts {
  frequency: RecurrenceFrequency;
  interval: number;
  byWeekday: readonly Weekday[];
  until?: string | null;
  count?: number | null;
}

/** "Repeats weekly on Mon, Wed, 8 times" in the reader's language. */
export function useRecurrenceText() {
  const { t } = useTranslation();
  return (r: RecurrenceFacts) => {
    let text = r.interval > 1 ? t(`recurrence.every.${r.frequency}`, { n: r.interval }) : t(`recurrence.each.${r.frequency}`);
    if (r.frequency === 'WEEKLY' && r.byWeekday.length) text = t('recurrence.onDays', { rule: text, days: r.byWeekday.map((d) => t(`recurrence.day.${d}`)).join(t('common.listSeparator')) });
    if (r.until) text = t('recurrence.untilDate', { rule: text, date: dayjs(r.until).format(t('format.date')) });
    if (r.count) text = t('recurrence.times', { rule: text, n: r.count });
    return text;
  };
}
