import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** Zones offered in the profile; the portal shows every time in the chosen one. */
export const TIME_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC'] as const;

let zone = DEFAULT_TIME_ZONE;
let dayjsLocale = 'zh-cn';

export function setTimeZone(z: string): void {
  zone = z || DEFAULT_TIME_ZONE;
}
export function getTimeZone(): string {
  return zone;
}
/** The dayjs language `inZone` gives its moments. */
export function getDayjsLocale(): string {
  return dayjsLocale;
}
export function setDayjsLocale(l: string): void {
  dayjsLocale = l;
  dayjs.locale(l);
}

const zoneClocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes ahead of UTC that `timeZone`'s clocks are at the instant `ms`. */
function zoneOffsetMinutes(ms: number, timeZone: string): number {
  let clock = zoneClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    zoneClocks.set(timeZone, clock);
  }
  const wall: Record<string, number> = {};
  for (const part of clock.formatToParts(ms)) if (part.type !== 'literal') wall[part.type] = Number(part.value);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour % 24, wall.minute, wall.second);
  return Math.round((wallAsUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * `zoneOffsetMinutes`, remembered: since 1970 zones change offset only on a quarter hour of
 * UTC, so one answer holds for the whole quarter, and the board's cards ask for the same few.
 */
function cachedZoneOffset(ms: number, timeZone: string): number {
  if (ms < 0) return zoneOffsetMinutes(ms, timeZone);
  const key = `${timeZone} ${Math.floor(ms / QUARTER_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= 5000) offsets.clear();
    offset = zoneOffsetMinutes(ms, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * A moment in the user's zone and language: what `dayjs(value).tz(zone)` gives, without its
 * cost. Its `tz()` builds a new Intl formatter (`toLocaleString`) and parses the string it
 * prints, for every call: on a slow phone, the board's times took a good part of its first
 * render. Here one formatter per zone gives the offset.
 */
export function inZone(value: string | number | Date | Dayjs): Dayjs {
  const moment = dayjs(value);
  if (!moment.isValid()) return moment.locale(dayjsLocale);
  const shifted = moment.utcOffset(cachedZoneOffset(moment.valueOf(), zone));
  // As tz() marks it, for offsetName() and the `z` format tokens.
  (shifted as unknown as { $x: { $timezone?: string } }).$x.$timezone = zone;
  return shifted.locale(dayjsLocale);
}

export function now(): Dayjs {
  return inZone(Date.now());
}

/** Check-in opens this long before the start (Limits.checkInOpensMinutesBefore). */
export type CheckInWindow = { state: 'notYet'; opensAt: Dayjs } | { state: 'open' } | { state: 'closed' };

export function checkInWindow(startsAt: string, endsAt: string, opensMinutesBefore: number, at: number = Date.now()): CheckInWindow {
  const opensAt = dayjs(startsAt).subtract(opensMinutesBefore, 'minute');
  if (at < opensAt.valueOf()) return { state: 'notYet', opensAt: inZone(opensAt) };
  if (at >= dayjs(endsAt).valueOf()) return { state: 'closed' };
  return { state: 'open' };
}

export { dayjs };

/** Whole years from a calendar date (YYYY-MM-DD) to today in the user's zone: a person's age. */
export function yearsSince(date: string, today: Dayjs = now()): number {
  const [y, m, d] = date.split('-').map(Number);
  const years = today.year() - y;
  const hadBirthday = today.month() + 1 > m || (today.month() + 1 === m && today.date() >= d);
  return hadBirthday ? years : years - 1;
}

/**
 * The days service may be reported for, YYYY-MM-DD in the user's zone: today back to
 * `maxAgeDays` ago (the API checks the same in Asia/Shanghai days).
 */
export function reportableDays(maxAgeDays: number, at: Dayjs = now()): { min: string; max: string } {
  return { min: at.subtract(maxAgeDays, 'day').format('YYYY-MM-DD'), max: at.format('YYYY-MM-DD') };
}

/** Whether `day` is a YYYY-MM-DD calendar day within `range` (inclusive). */
export function dayWithin(day: string, range: { min: string; max: string }): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || dayjs(`${day}T00:00:00Z`).utc().format('YYYY-MM-DD') !== day) return false;
  return day >= range.min && day <= range.max;
}
