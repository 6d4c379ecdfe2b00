import { localTime, MONDAY } from './testing/factories';
import { availabilityCoverage, availabilitySlots, localDaySegments, localMinuteOfDay, localWeekday, mergeWeeklyAvailability, overlapsAny, segmentSlots } from './time';

describe('local time (Asia/Shanghai, UTC+8)', () => {
  it('should number weekdays from Monday = 0 in local time', () => {
    expect(localWeekday(MONDAY)).toBe(0);
    expect(localWeekday(localTime(5, 9))).toBe(5);
    expect(localWeekday(MONDAY - 1)).toBe(6); // Sunday 23:59:59.999 local
    expect(localMinuteOfDay(localTime(2, 18, 30))).toBe(18 * 60 + 30);
  });

  it('should split a shift at local midnight', () => {
    expect(localDaySegments(localTime(4, 22), localTime(5, 2))).toEqual([
      { weekday: 4, startMinute: 1320, endMinute: 1440 },
      { weekday: 5, startMinute: 0, endMinute: 120 },
    ]);
  });

  it('should measure coverage over merged windows without counting a minute twice', () => {
    const availability = mergeWeeklyAvailability([
      { weekday: 5, startMinute: 480, endMinute: 600 },
      { weekday: 5, startMinute: 540, endMinute: 660 },
      { weekday: 0, startMinute: 0, endMinute: 60 },
    ]);
    expect(availabilityCoverage(localDaySegments(localTime(5, 9), localTime(5, 12)), availability)).toBeCloseTo(2 / 3, 15);
    expect(availabilityCoverage(localDaySegments(localTime(6, 23), localTime(7, 1)), availability)).toBe(0.5);
    expect(availabilityCoverage(localDaySegments(localTime(3, 9), localTime(3, 12)), availability)).toBe(0);
  });

  it('should reject windows outside a day or ending before they start', () => {
    expect(() => mergeWeeklyAvailability([{ weekday: 7, startMinute: 0, endMinute: 60 }])).toThrow(RangeError);
    expect(() => mergeWeeklyAvailability([{ weekday: 1, startMinute: 600, endMinute: 600 }])).toThrow(RangeError);
    expect(() => mergeWeeklyAvailability([{ weekday: 1, startMinute: 0, endMinute: 1441 }])).toThrow(RangeError);
  });

  it('should share a slot whenever shift and availability share a minute', () => {
    const availability = mergeWeeklyAvailability([{ weekday: 2, startMinute: 601, endMinute: 602 }]);
    const slots = availabilitySlots(availability);
    const touching = segmentSlots(localDaySegments(localTime(2, 10, 1), localTime(2, 10, 2)));
    expect(touching.words.some((w, i) => (slots[w] & touching.bits[i]) !== 0)).toBe(true);
    const apart = segmentSlots(localDaySegments(localTime(2, 11), localTime(2, 12)));
    expect(apart.words.some((w, i) => (slots[w] & apart.bits[i]) !== 0)).toBe(false);
  });

  it('should treat touching intervals as not overlapping', () => {
    const starts = Float64Array.of(100, 300);
    const ends = Float64Array.of(200, 400);
    expect(overlapsAny(200, 300, starts, ends)).toBe(false);
    expect(overlapsAny(199, 201, starts, ends)).toBe(true);
    expect(overlapsAny(350, 500, starts, ends)).toBe(true);
    expect(overlapsAny(0, 100, starts, ends)).toBe(false);
  });
});
