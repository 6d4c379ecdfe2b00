import { AvailabilityWindow, Instant } from './model';

/** Asia/Shanghai has been UTC+8 without daylight saving since 1991. */
export const LOCAL_UTC_OFFSET_MS = 8 * 3_600_000;
export const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** 1970-01-01 was a Thursday: weekday 3 when Monday is 0. */
const EPOCH_WEEKDAY = 3;

export function toMillis(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid instant');
  return ms;
}

/** A piece of a shift within one local day. */
export interface LocalDaySegment {
  readonly weekday: number;
  readonly startMinute: number;
  readonly endMinute: number;
}

export function localWeekday(epochMs: number): number {
  const day = Math.floor((epochMs + LOCAL_UTC_OFFSET_MS) / MS_PER_DAY);
  return (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;
}

export function localMinuteOfDay(epochMs: number): number {
  const local = epochMs + LOCAL_UTC_OFFSET_MS;
  return (local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE;
}

/** Splits [startMs, endMs) at local midnights, so each piece can be compared with weekly windows. */
export function localDaySegments(startMs: number, endMs: number): LocalDaySegment[] {
  const segments: LocalDaySegment[] = [];
  let cursor = startMs;
  while (cursor < endMs) {
    const local = cursor + LOCAL_UTC_OFFSET_MS;
    const nextMidnight = (Math.floor(local / MS_PER_DAY) + 1) * MS_PER_DAY - LOCAL_UTC_OFFSET_MS;
    const pieceEnd = Math.min(endMs, nextMidnight);
    const startMinute = localMinuteOfDay(cursor);
    segments.push({ weekday: localWeekday(cursor), startMinute, endMinute: startMinute + (pieceEnd - cursor) / MS_PER_MINUTE });
    cursor = pieceEnd;
  }
  return segments;
}

export type PartOfDay = 'night' | 'morning' | 'afternoon' | 'evening';

export function partOfDay(minuteOfDay: number): PartOfDay {
  if (minuteOfDay < 360) return 'night';
  if (minuteOfDay < 720) return 'morning';
  if (minuteOfDay < 1080) return 'afternoon';
  return 'evening';
}

/**
 * Weekly availability as sorted, disjoint [start, end) minute pairs, flattened:
 * weekday d's pairs are bounds[dayStart[d]] … bounds[dayStart[d + 1] − 1].
 */
export interface WeeklyAvailability {
  readonly dayStart: Int32Array;
  readonly bounds: Float64Array;
}

export function validateWindow(window: AvailabilityWindow): void {
  const { weekday, startMinute, endMinute } = window;
  const ok = Number.isInteger(weekday) && weekday >= 0 && weekday <= 6 && startMinute >= 0 && endMinute <= MINUTES_PER_DAY && startMinute < endMinute;
  if (!ok) throw new RangeError(`invalid availability window ${JSON.stringify(window)}`);
}

/** Merges overlapping windows so coverage never counts a minute twice. */
export function mergeWeeklyAvailability(windows: readonly AvailabilityWindow[]): WeeklyAvailability {
  const byDay: [number, number][][] = [[], [], [], [], [], [], []];
  for (const window of windows) {
    validateWindow(window);
    byDay[window.weekday].push([window.startMinute, window.endMinute]);
  }
  const dayStart = new Int32Array(8);
  const flat: number[] = [];
  byDay.forEach((day, weekday) => {
    dayStart[weekday] = flat.length;
    day.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [start, end] of day) {
      const last = flat.length - 1;
      if (last > dayStart[weekday] && start <= flat[last]) flat[last] = Math.max(flat[last], end);
      else flat.push(start, end);
    }
  });
  dayStart[7] = flat.length;
  return { dayStart, bounds: Float64Array.from(flat) };
}

/** Share of the shift's minutes that fall inside the weekly windows, in [0, 1]. */
export function availabilityCoverage(segments: readonly LocalDaySegment[], availability: WeeklyAvailability): number {
  return coverageIn(segments, availability.dayStart, 0, availability.bounds);
}

/**
 * availabilityCoverage over windows stored in shared arrays (a batch packs all
 * volunteers' windows together): weekday d's pairs are
 * bounds[dayStart[base + d]] … bounds[dayStart[base + d + 1] − 1].
 */
export function coverageIn(segments: readonly LocalDaySegment[], dayStart: Int32Array, base: number, bounds: Float64Array): number {
  let total = 0;
  let covered = 0;
  for (const segment of segments) {
    total += segment.endMinute - segment.startMinute;
    const end = dayStart[base + segment.weekday + 1];
    for (let i = dayStart[base + segment.weekday]; i < end; i += 2) {
      const overlap = Math.min(segment.endMinute, bounds[i + 1]) - Math.max(segment.startMinute, bounds[i]);
      if (overlap > 0) covered += overlap;
    }
  }
  return total > 0 ? Math.min(1, covered / total) : 0;
}

/**
 * Whether [startMs, endMs) overlaps any of the sorted, half-open intervals.
 * Touching ends (one claim ends as the shift starts) is not an overlap.
 */
export function overlapsAny(startMs: number, endMs: number, starts: Float64Array, ends: Float64Array, from = 0, to = starts.length): boolean {
  for (let i = from; i < to; i++) {
    if (starts[i] >= endMs) return false;
    if (ends[i] > startMs) return true;
  }
  return false;
}

/**
 * The week in 15-minute slots (7 × 96 = 672 bits): a slot is set when the time
 * touches it. Two bitmaps sharing no slot share no minute, so a shift can be
 * ruled out for a volunteer without measuring the coverage exactly.
 */
export const SLOT_MINUTES = 15;
const SLOTS_PER_DAY = MINUTES_PER_DAY / SLOT_MINUTES;
export const WEEK_SLOT_WORDS = (7 * SLOTS_PER_DAY) / 32;

function markSlots(words: Int32Array, weekday: number, startMinute: number, endMinute: number): void {
  const first = weekday * SLOTS_PER_DAY + Math.floor(startMinute / SLOT_MINUTES);
  const last = weekday * SLOTS_PER_DAY + Math.ceil(endMinute / SLOT_MINUTES) - 1;
  for (let slot = first; slot <= last; slot++) words[slot >>> 5] |= 1 << (slot & 31);
}

export function availabilitySlots(availability: WeeklyAvailability): Int32Array {
  const words = new Int32Array(WEEK_SLOT_WORDS);
  for (let weekday = 0; weekday < 7; weekday++) {
    const { dayStart, bounds } = availability;
    for (let i = dayStart[weekday]; i < dayStart[weekday + 1]; i += 2) markSlots(words, weekday, bounds[i], bounds[i + 1]);
  }
  return words;
}

/** The shift's slots as (word index, bits) pairs, only the words it touches. */
export function segmentSlots(segments: readonly LocalDaySegment[]): { readonly words: Int32Array; readonly bits: Int32Array } {
  const all = new Int32Array(WEEK_SLOT_WORDS);
  for (const segment of segments) markSlots(all, segment.weekday, segment.startMinute, segment.endMinute);
  const used = [...all.keys()].filter((w) => all[w] !== 0);
  return { words: Int32Array.from(used), bits: Int32Array.from(used, (w) => all[w]) };
}
