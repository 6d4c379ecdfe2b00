import { InvalidInputError } from '@civicgrid/platform';
import {
  allOccurrences,
  checkRecurrence,
  countBefore,
  firstOccurrences,
  nextOccurrences,
  occurrenceOn,
  occurrencesBetween,
  parseRRule,
  Recurrence,
  SeriesRule,
  toICalendar,
  toRRule,
  wallClock,
  weekdayOf,
  zonedInstant,
} from './recurrence';

const TZ = 'Asia/Shanghai';
const at = { field: (p: string) => `recurrence.${p}`, startField: 'startsAt' };
const weekly = (over: Partial<Recurrence> = {}): Recurrence => ({ frequency: 'WEEKLY', interval: 1, byWeekday: [], until: null, count: null, ...over });
const series = (recurrence: Recurrence, over: Partial<SeriesRule> = {}): SeriesRule => ({
  timeZone: TZ,
  startsOn: '2027-03-01',
  startTime: '09:00',
  durationMinutes: 120,
  recurrence,
  exceptions: [],
  ...over,
});
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidInputError) return { field: e.field, key: e.key };
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('recurrence', () => {
  it('should keep 09:00 in Shanghai at 01:00 UTC on every occurrence, across the dates Europe and America change their clocks', () => {
    // 2027-03-14 (America) and 2027-03-28 (Europe) move the clocks; Shanghai's do not move.
    const rule = series(checkRecurrence(weekly({ byWeekday: ['MO', 'WE'], count: 12 }), at, '2027-03-01'));
    const all = allOccurrences(rule)!;
    expect(all).toHaveLength(12);
    expect(all.map((o) => o.startsAt.toISOString().slice(11))).toEqual(Array(12).fill('01:00:00.000Z'));
    expect(all.map((o) => o.endsAt.getTime() - o.startsAt.getTime())).toEqual(Array(12).fill(2 * 3_600_000));
    expect(all.map((o) => weekdayOf(o.date))).toEqual(['MO', 'WE', 'MO', 'WE', 'MO', 'WE', 'MO', 'WE', 'MO', 'WE', 'MO', 'WE']);
    expect(all[0].date).toBe('2027-03-01');
    expect(all.at(-1)!.date).toBe('2027-04-07');
  });

  it('should compute wall-clock times in a zone that changes its clocks, so the local time holds and the UTC time moves', () => {
    const rule = series(checkRecurrence(weekly({ count: 3 }), at, '2027-03-08'), { timeZone: 'America/New_York', startsOn: '2027-03-08' });
    expect(allOccurrences(rule)!.map((o) => o.startsAt.toISOString())).toEqual(['2027-03-08T14:00:00.000Z', '2027-03-15T13:00:00.000Z', '2027-03-22T13:00:00.000Z']);
    expect(zonedInstant('2027-03-14', '02:30', 'America/New_York').toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(wallClock(new Date('2027-03-15T13:00:00Z'), 'America/New_York')).toEqual({ date: '2027-03-15', time: '09:00', seconds: 0 });
  });

  it('should repeat every N weeks on the chosen days, skip the exceptions and stop at UNTIL', () => {
    const r = checkRecurrence(weekly({ interval: 2, byWeekday: ['WE', 'MO'], until: '2027-04-14' }), at, '2027-03-01');
    expect(r.byWeekday).toEqual(['MO', 'WE']);
    const rule = series(r, { exceptions: ['2027-03-17'] });
    expect(allOccurrences(rule)!.map((o) => o.date)).toEqual(['2027-03-01', '2027-03-03', '2027-03-15', '2027-03-29', '2027-03-31', '2027-04-12', '2027-04-14']);
    expect(toRRule(r, TZ)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270414T155959Z');
    expect(toICalendar(rule)).toBe('DTSTART;TZID=Asia/Shanghai:20270301T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270414T155959Z\nEXDATE;TZID=Asia/Shanghai:20270317T090000');
  });

  it('should count the excepted occurrences in COUNT, as iCalendar does', () => {
    const rule = series(checkRecurrence(weekly({ count: 4 }), at, '2027-03-01'), { exceptions: ['2027-03-08'] });
    expect(allOccurrences(rule)!.map((o) => o.date)).toEqual(['2027-03-01', '2027-03-15', '2027-03-22']);
    expect(countBefore(rule, '2027-03-15')).toBe(2);
  });

  it('should find occurrences in a window, the next ones, the first ones and the one on a date', () => {
    const rule = series(checkRecurrence({ frequency: 'DAILY', interval: 3, byWeekday: [], until: null, count: null }, at, '2027-03-01'));
    expect(occurrencesBetween(rule, new Date('2027-03-04T01:00:00Z'), new Date('2027-03-10T01:00:00Z')).map((o) => o.date)).toEqual(['2027-03-04', '2027-03-07']);
    expect(nextOccurrences(rule, new Date('2027-03-04T01:00:00Z'), 2).map((o) => o.date)).toEqual(['2027-03-07', '2027-03-10']);
    expect(firstOccurrences(rule, 2).map((o) => o.date)).toEqual(['2027-03-01', '2027-03-04']);
    expect(occurrenceOn(rule, '2027-03-07')?.startsAt.toISOString()).toBe('2027-03-07T01:00:00.000Z');
    expect(occurrenceOn(rule, '2027-03-08')).toBeNull();
    expect(allOccurrences(rule)).toBeNull();
  });

  it('should read RRULE text into the same recurrence, a UTC UNTIL becoming the last local date whose occurrence starts by then', () => {
    const timing = { startTime: '09:00', timeZone: TZ };
    expect(parseRRule('RRULE:FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=1;COUNT=10', 'rrule', timing)).toEqual({ frequency: 'WEEKLY', interval: 1, byWeekday: ['MO', 'WE'], until: null, count: 10 });
    expect(parseRRule('freq=monthly;until=20270601', 'rrule', timing)).toMatchObject({ frequency: 'MONTHLY', until: '2027-06-01' });
    // 00:30 UTC on 1 June is 08:30 in Shanghai: before that day's 09:00 start.
    expect(parseRRule('FREQ=DAILY;UNTIL=20270601T003000Z', 'rrule', timing).until).toBe('2027-05-31');
    expect(parseRRule('FREQ=DAILY;UNTIL=20270601T013000Z', 'rrule', timing).until).toBe('2027-06-01');
  });

  it.each([
    ['FREQ=HOURLY', 'shiftSeries.frequencyUnsupported'],
    ['FREQ=WEEKLY;BYHOUR=9', 'shiftSeries.ruleUnsupported'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'shiftSeries.byWeekdayInvalid'],
    ['FREQ=WEEKLY;COUNT=x', 'shiftSeries.ruleInvalid'],
    ['FREQ=WEEKLY;COUNT=2;COUNT=3', 'shiftSeries.ruleInvalid'],
    ['BYDAY=MO', 'shiftSeries.ruleInvalid'],
    ['FREQ=WEEKLY;UNTIL=20270230', 'shiftSeries.ruleInvalid'],
    ['', 'shiftSeries.ruleInvalid'],
  ])('should refuse the rule %j with %s', (text, key) => {
    expect(refusal(() => parseRRule(text, 'rrule', { startTime: '09:00', timeZone: TZ }))).toEqual({ field: 'rrule', key });
  });

  it.each([
    [{ interval: 0 }, 'recurrence.interval', 'shiftSeries.intervalRange'],
    [{ interval: 53 }, 'recurrence.interval', 'shiftSeries.intervalRange'],
    [{ count: 3, until: '2027-05-01' }, 'recurrence.count', 'shiftSeries.countAndUntil'],
    [{ count: 0 }, 'recurrence.count', 'shiftSeries.countRange'],
    [{ until: '2027-02-28' }, 'recurrence.until', 'shiftSeries.untilBeforeStart'],
    [{ until: '2033-01-01' }, 'recurrence.until', 'shiftSeries.untilTooFar'],
    [{ byWeekday: ['TU'] as Recurrence['byWeekday'] }, 'startsAt', 'shiftSeries.startNotOnRule'],
    [{ frequency: 'DAILY' as const, byWeekday: ['MO'] as Recurrence['byWeekday'] }, 'recurrence.byWeekday', 'shiftSeries.byWeekdayOnlyWeekly'],
  ])('should refuse %j at %s', (over, field, key) => {
    expect(refusal(() => checkRecurrence(weekly(over), at, '2027-03-01'))).toEqual({ field, key });
  });
});
