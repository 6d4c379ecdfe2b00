import { dayjs, inZone, setTimeZone, TIME_ZONES, DEFAULT_TIME_ZONE } from '../time';

// Instants around the year, on both sides of DST changes in London and New York, on a
// half-hour, at midnight UTC, and with milliseconds.
const INSTANTS = [
  '2026-01-01T00:00:00.000Z',
  // The quarter hours on either side of New York's change (offsets are remembered by quarter).
  '2026-03-08T06:45:00.000Z',
  '2026-03-08T06:59:59.999Z',
  '2026-03-08T07:00:00.000Z',
  '2026-03-08T07:14:59.999Z',
  '2026-03-29T00:59:59.000Z',
  '2026-03-29T01:00:00.000Z',
  '2026-06-30T15:30:00.250Z',
  '2026-10-25T00:59:00.000Z',
  '2026-10-25T01:00:00.000Z',
  '2026-11-01T05:59:00.000Z',
  '2026-11-01T06:00:00.000Z',
  '2026-12-31T23:45:00.000Z',
];

afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

describe('inZone', () => {
  it.each(TIME_ZONES)('should give the same moment, offset and wall clock as dayjs tz() in %s', (zone) => {
    setTimeZone(zone);
    for (const iso of INSTANTS) {
      const ours = inZone(iso);
      const theirs = dayjs(iso).tz(zone);
      expect({ iso, ms: ours.valueOf(), offset: ours.utcOffset(), wall: ours.format('YYYY-MM-DD HH:mm:ss.SSS'), nextDay: ours.add(1, 'day').format('YYYY-MM-DD HH:mm') }).toEqual({
        iso,
        ms: theirs.valueOf(),
        offset: theirs.utcOffset(),
        wall: theirs.format('YYYY-MM-DD HH:mm:ss.SSS'),
        nextDay: theirs.add(1, 'day').format('YYYY-MM-DD HH:mm'),
      });
    }
  });

  it('should keep days in the zone, as a shift\'s time range compares them', () => {
    setTimeZone('Asia/Shanghai');
    expect(inZone('2026-06-30T17:30:00Z').startOf('day').toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(inZone('2026-06-30T17:30:00Z').isSame(inZone('2026-07-01T15:59:00Z'), 'day')).toBe(true);
  });

  it('should leave an invalid date invalid', () => {
    expect(inZone('not a date').isValid()).toBe(false);
  });
});
