import type * as RRuleTemporalModule from 'rrule-temporal' with { 'resolution-mode': 'import' };
import { Limits } from '@civicgrid/contracts';
import { InvalidInputError } from '@civicgrid/platform';

/**
 * Recurring shifts' rules: iCalendar RRULEs (RFC 5545) computed by `rrule-temporal` in
 * the series' own time zone, so "every Monday at 09:00" stays 09:00 on the wall whatever
 * the zone does (Asia/Shanghai has no daylight saving time, but the computation does not
 * rely on that). Pure functions: no Nest, no database.
 *
 * What a series may say, deliberately less than RRULE allows: FREQ DAILY, WEEKLY or
 * MONTHLY, an INTERVAL, for WEEKLY plain weekdays (BYDAY=MO,WE), and either UNTIL or
 * COUNT or neither. One occurrence per day at most, so a local date names an occurrence
 * (its recurrence id) and an exception is a date. As in iCalendar, COUNT counts the
 * rule's occurrences, the excepted ones included.
 */

// The package's types are written as an ES module; its CommonJS build (dist/index.cjs) is what `require` loads here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RRuleTemporal } = require('rrule-temporal') as typeof RRuleTemporalModule;

export const SERIES_TIME_ZONE = 'Asia/Shanghai';
export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** ISO order: Monday first (the week starts on Monday: WKST=MO). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Recurrence {
  frequency: Frequency;
  interval: number;
  /** WEEKLY only (Monday first); empty for the others */
  byWeekday: Weekday[];
  /** the last date occurrences may fall on (inclusive, in the series' zone), YYYY-MM-DD */
  until: string | null;
  count: number | null;
}

/** A series: its first occurrence's local date and time in its zone, the length, the rule and the dates skipped. */
export interface SeriesRule {
  timeZone: string;
  /** YYYY-MM-DD */
  startsOn: string;
  /** HH:MM */
  startTime: string;
  durationMinutes: number;
  recurrence: Recurrence;
  exceptions: readonly string[];
}

export interface Occurrence {
  /** the local date: the occurrence's identity in its series */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

const MINUTE = 60_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date, YYYY-MM-DD, in the years the API accepts. */
export function isLocalDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12) return false;
  return d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function isLocalTime(value: string): boolean {
  return TIME.test(value);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number);
  return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    zoneFormats.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a zone. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string; seconds: number } {
  const p = Object.fromEntries(zoneFormat(timeZone).formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, seconds: Number(p.second) };
}

/** The instant a wall-clock date and time names in a zone (for a time skipped by a clock change, the one after it). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetAt = (t: number) => {
    const w = wallClock(new Date(t), timeZone);
    const [wy, wmo, wd] = w.date.split('-').map(Number);
    const [wh, wmi] = w.time.split(':').map(Number);
    return Date.UTC(wy, wmo - 1, wd, wh, wmi, w.seconds) - Math.floor(t / 1000) * 1000;
  };
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  return new Date(second === first ? first : Math.max(first, second));
}

function bad(field: string, key: string, message: string): never {
  throw new InvalidInputError(field, key, message);
}

/**
 * Reads RRULE text (`FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10`, with or without `RRULE:`) into a
 * Recurrence, refusing whatever a series cannot say. A UNTIL given as an instant becomes
 * the last local date whose occurrence starts by then.
 */
export function parseRRule(text: string, field: string, timing: { startTime: string; timeZone: string }): Recurrence {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!body || body.length > 200) bad(field, 'shiftSeries.ruleInvalid', 'Give a recurrence rule such as FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const m = /^([A-Za-z]+)=([A-Za-z0-9,+-]+)$/.exec(part);
    if (!m) bad(field, 'shiftSeries.ruleInvalid', `"${part}" is not a part of a recurrence rule`);
    const name = m[1].toUpperCase();
    if (parts.has(name)) bad(field, 'shiftSeries.ruleInvalid', `${name} is given twice`);
    parts.set(name, m[2].toUpperCase());
  }
  for (const name of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL', 'COUNT', 'WKST'].includes(name)) bad(field, 'shiftSeries.ruleUnsupported', `A recurring shift cannot use ${name}`);
  }
  const freq = parts.get('FREQ');
  if (!freq) bad(field, 'shiftSeries.ruleInvalid', 'A recurrence rule needs FREQ');
  if (!(FREQUENCIES as readonly string[]).includes(freq)) bad(field, 'shiftSeries.frequencyUnsupported', `A recurring shift repeats DAILY, WEEKLY or MONTHLY, not ${freq}`);
  if (parts.has('WKST') && parts.get('WKST') !== 'MO') bad(field, 'shiftSeries.ruleUnsupported', 'Weeks start on Monday (WKST=MO)');
  const number = (name: string) => {
    const v = parts.get(name);
    if (v === undefined) return null;
    if (!/^\d{1,6}$/.test(v)) bad(field, 'shiftSeries.ruleInvalid', `${name} must be a whole number`);
    return Number(v);
  };
  const byDay = parts.get('BYDAY');
  const byWeekday = byDay ? byDay.split(',') : [];
  for (const d of byWeekday) if (!(WEEKDAYS as readonly string[]).includes(d)) bad(field, 'shiftSeries.byWeekdayInvalid', `BYDAY takes weekdays such as MO,WE, not ${d}`);
  let until: string | null = null;
  const u = parts.get('UNTIL');
  if (u !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(u);
    const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
    if (!m || !isLocalDate(date)) bad(field, 'shiftSeries.ruleInvalid', 'UNTIL is a date (20270131) or a UTC date-time (20270131T155959Z)');
    if (m[4] === undefined) until = date;
    else {
      const instant = new Date(`${date}T${m[4]}:${m[5]}:${m[6]}Z`);
      if (Number.isNaN(instant.getTime())) bad(field, 'shiftSeries.ruleInvalid', 'UNTIL is not a time of day');
      const local = wallClock(instant, timing.timeZone);
      until = local.time >= timing.startTime ? local.date : addDays(local.date, -1);
    }
  }
  return { frequency: freq as Frequency, interval: number('INTERVAL') ?? 1, byWeekday: byWeekday as Weekday[], until, count: number('COUNT') };
}

/**
 * Checks a recurrence for a series starting on `startsOn` and returns it in its one
 * written form (weekdays sorted, a weekly rule without days taking the first one's).
 * `at` names the fields: `recurrence` or `rrule`.
 */
export function checkRecurrence(r: Recurrence, at: { field: (part: string) => string; startField: string }, startsOn: string): Recurrence {
  if (!(FREQUENCIES as readonly string[]).includes(r.frequency)) bad(at.field('frequency'), 'shiftSeries.frequencyUnsupported', 'A recurring shift repeats DAILY, WEEKLY or MONTHLY');
  if (!Number.isInteger(r.interval) || r.interval < 1 || r.interval > Limits.shiftSeriesIntervalMax) {
    bad(at.field('interval'), 'shiftSeries.intervalRange', `The interval is a whole number from 1 to ${Limits.shiftSeriesIntervalMax}`);
  }
  if (r.count != null && r.until != null) bad(at.field('count'), 'shiftSeries.countAndUntil', 'A recurring shift ends after a number of times or on a date, not both');
  if (r.count != null && (!Number.isInteger(r.count) || r.count < 1 || r.count > Limits.shiftSeriesCountMax)) {
    bad(at.field('count'), 'shiftSeries.countRange', `The number of times is from 1 to ${Limits.shiftSeriesCountMax}`);
  }
  if (r.until != null) {
    if (!isLocalDate(r.until)) bad(at.field('until'), 'shiftSeries.untilInvalid', 'The end date is a calendar date, YYYY-MM-DD');
    if (r.until < startsOn) bad(at.field('until'), 'shiftSeries.untilBeforeStart', 'The end date is before the first occurrence');
    if (r.until > addDays(startsOn, Math.floor(Limits.shiftSeriesUntilMaxYears * 365.25))) {
      bad(at.field('until'), 'shiftSeries.untilTooFar', `A recurring shift may end at most ${Limits.shiftSeriesUntilMaxYears} years after it starts; leave the end open to keep it going`);
    }
  }
  let byWeekday: Weekday[] = [];
  if (r.frequency === 'WEEKLY') {
    const chosen = new Set(r.byWeekday);
    for (const d of chosen) if (!(WEEKDAYS as readonly string[]).includes(d)) bad(at.field('byWeekday'), 'shiftSeries.byWeekdayInvalid', `Not a weekday: ${d}`);
    byWeekday = chosen.size ? WEEKDAYS.filter((d) => chosen.has(d)) : [weekdayOf(startsOn)];
    if (!byWeekday.includes(weekdayOf(startsOn))) bad(at.startField, 'shiftSeries.startNotOnRule', 'The first occurrence must fall on one of the chosen days');
  } else if (r.byWeekday.length) {
    bad(at.field('byWeekday'), 'shiftSeries.byWeekdayOnlyWeekly', 'Days of the week are for a weekly rule');
  }
  return { frequency: r.frequency, interval: r.interval, byWeekday, until: r.until ?? null, count: r.count ?? null };
}

const basic = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The RRULE value as stored and shown: `FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20270131T155959Z` (UNTIL the end of the last day, in UTC). */
export function toRRule(r: Recurrence, timeZone: string): string {
  const parts = [`FREQ=${r.frequency}`, `INTERVAL=${r.interval}`];
  if (r.byWeekday.length) parts.push(`BYDAY=${r.byWeekday.join(',')}`);
  if (r.until) parts.push(`UNTIL=${basic(zonedInstant(r.until, '23:59:59', timeZone))}`);
  if (r.count) parts.push(`COUNT=${r.count}`);
  return parts.join(';');
}

/** The whole rule as iCalendar writes it: DTSTART with its zone, then the RRULE. */
export function toICalendar(rule: SeriesRule): string {
  const lines = [`DTSTART;TZID=${rule.timeZone}:${rule.startsOn.replace(/-/g, '')}T${rule.startTime.replace(':', '')}00`, `RRULE:${toRRule(rule.recurrence, rule.timeZone)}`];
  if (rule.exceptions.length) lines.push(`EXDATE;TZID=${rule.timeZone}:${rule.exceptions.map((d) => `${d.replace(/-/g, '')}T${rule.startTime.replace(':', '')}00`).join(',')}`);
  return lines.join('\n');
}

function engine(rule: SeriesRule): RRuleTemporalModule.RRuleTemporal {
  const dtstart = `DTSTART;TZID=${rule.timeZone}:${rule.startsOn.replace(/-/g, '')}T${rule.startTime.replace(':', '')}00`;
  // A series may run for years: the iteration cap is the library's guard against rules that never match.
  return new RRuleTemporal({ rruleString: `${dtstart}\nRRULE:${toRRule(rule.recurrence, rule.timeZone)}`, maxIterations: 100_000 });
}

interface Zoned {
  epochMilliseconds: number;
  toPlainDate(): { toString(): string };
}

function occurrenceOf(rule: SeriesRule, z: Zoned): Occurrence {
  const startsAt = new Date(z.epochMilliseconds);
  return { date: z.toPlainDate().toString(), startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * MINUTE) };
}

/**
 * Occurrences of the rule in order, from the first, skipping exceptions, while `more`
 * says go on (it sees each kept occurrence). The rule's own end (COUNT, UNTIL) stops it too.
 */
function walk(rule: SeriesRule, more: (o: Occurrence, kept: number) => boolean): Occurrence[] {
  const out: Occurrence[] = [];
  const skipped = new Set(rule.exceptions);
  engine(rule).all((z: Zoned) => {
    const o = occurrenceOf(rule, z);
    if (skipped.has(o.date)) return true;
    if (!more(o, out.length)) return false;
    out.push(o);
    return true;
  });
  return out;
}

/** Occurrences starting in [from, to), exceptions left out. */
export function occurrencesBetween(rule: SeriesRule, from: Date, to: Date): Occurrence[] {
  const skipped = new Set(rule.exceptions);
  return (engine(rule).between(from, to, true) as Zoned[])
    .map((z) => occurrenceOf(rule, z))
    .filter((o) => o.startsAt >= from && o.startsAt < to && !skipped.has(o.date));
}

/** The next `n` occurrences starting after `after`. */
export function nextOccurrences(rule: SeriesRule, after: Date, n: number): Occurrence[] {
  if (n <= 0) return [];
  const found: Occurrence[] = [];
  walk(rule, (o) => {
    if (o.startsAt > after) found.push(o);
    return found.length < n;
  });
  return found;
}

/** The first `n` occurrences. */
export function firstOccurrences(rule: SeriesRule, n: number): Occurrence[] {
  return walk(rule, (_o, kept) => kept < n);
}

const bounded = (rule: SeriesRule) => rule.recurrence.count != null || rule.recurrence.until != null;

/** Every occurrence of a rule that ends (COUNT or UNTIL); null for one that runs on. */
export function allOccurrences(rule: SeriesRule): Occurrence[] | null {
  return bounded(rule) ? walk(rule, () => true) : null;
}

/** The occurrence on a local date, if the rule has one there (exceptions aside). */
export function occurrenceOn(rule: SeriesRule, date: string): Occurrence | null {
  const from = zonedInstant(date, '00:00', rule.timeZone);
  const to = zonedInstant(addDays(date, 1), '00:00', rule.timeZone);
  return occurrencesBetween({ ...rule, exceptions: [] }, from, to).find((o) => o.date === date) ?? null;
}

/** How many of the rule's occurrences (exceptions included, as COUNT counts them) fall before a date. */
export function countBefore(rule: SeriesRule, date: string): number {
  return walk({ ...rule, exceptions: [] }, (o) => o.date < date).length;
}
