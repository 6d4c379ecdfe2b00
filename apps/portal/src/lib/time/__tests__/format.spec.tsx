import { renderHook } from '@testing-library/react';
import { useFormatters } from '../format';
import 'dayjs/locale/zh-cn';
import { DEFAULT_TIME_ZONE, getDayjsLocale, setDayjsLocale, setTimeZone } from '../time';

afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

describe('useFormatters().range', () => {
  const range = () => renderHook(() => useFormatters()).result.current.range;

  it("should give the end's time alone when both ends fall on one day in the user's zone", () => {
    setTimeZone('Asia/Shanghai');
    // 00:30 to 23:30 on 1 July in Shanghai, which are two days in UTC.
    const text = range()('2026-06-30T16:30:00Z', '2026-07-01T15:30:00Z');
    expect(text).toMatch(/^.*00:30 – 23:30$/);
  });

  it("should give the end's date too when the ends fall on two days in the user's zone", () => {
    setTimeZone('Asia/Shanghai');
    // One UTC day, but 23:00 on 1 July to 01:00 on 2 July in Shanghai.
    const text = range()('2026-07-01T15:00:00Z', '2026-07-01T17:00:00Z');
    expect(text).not.toMatch(/– 01:00$/);
    expect(text).toMatch(/01:00$/);
    setTimeZone('UTC');
    expect(range()('2026-07-01T15:00:00Z', '2026-07-01T17:00:00Z')).toMatch(/15:00 – 17:00$/);
  });
});

describe('useFormatters().range, remembered', () => {
  it('should follow a change of zone and of dayjs language', () => {
    const range = () => renderHook(() => useFormatters()).result.current.range;
    setTimeZone('UTC');
    expect(range()('2026-07-01T15:00:00Z', '2026-07-01T17:00:00Z')).toMatch(/15:00 – 17:00$/);
    setTimeZone('Asia/Tokyo');
    expect(range()('2026-07-01T15:00:00Z', '2026-07-01T17:00:00Z')).toMatch(/00:00 – 02:00$/);
    const original = getDayjsLocale();
    try {
      setDayjsLocale('en');
      expect(range()('2026-07-01T03:00:00Z', '2026-07-01T05:00:00Z')).toMatch(/^Wed /);
      setDayjsLocale('zh-cn');
      expect(range()('2026-07-01T03:00:00Z', '2026-07-01T05:00:00Z')).toMatch(/^周三 /);
    } finally {
      setDayjsLocale(original);
    }
  });
});
