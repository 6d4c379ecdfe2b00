import { groupRedemptionCode, normalizeRedemptionCode, yuan } from '../code';
import { minutesSeconds } from '../countdown';
import { currentMonth, isMonth, recentMonths } from '../months';
import { starProgress } from '../stars';

describe('redemption codes', () => {
  it('should ignore case, spaces and dashes as typed at the counter', () => {
    expect(normalizeRedemptionCode(' abcd 23-45\n')).toBe('ABCD2345');
  });
  it('should show a code in two groups of four', () => {
    expect(groupRedemptionCode('abcd2345')).toBe('ABCD 2345');
  });
});

describe('money and time', () => {
  it('should write fen as yuan with two decimals', () => {
    expect(yuan(1845)).toBe('18.45');
    expect(yuan(0)).toBe('0.00');
  });
  it('should write seconds as minutes and seconds', () => {
    expect(minutesSeconds(1799)).toBe('29:59');
    expect(minutesSeconds(5)).toBe('0:05');
  });
  it('should take the month in China’s time, where a UTC evening is already the next day', () => {
    // 2026-11-30 17:00 UTC is 1 December, 01:00 in Shanghai.
    const at = Date.UTC(2026, 10, 30, 17, 0);
    expect(currentMonth(at)).toBe('2026-12');
    expect(recentMonths(3, at)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-02')).toBe(true);
  });
});

describe('star levels', () => {
  it.each([
    [0, 0, { next: 1, target: 100, hoursToGo: 100 }],
    [0, 99 * 60 + 30, { next: 1, target: 100, hoursToGo: 0.5 }],
    [1, 150 * 60, { next: 2, target: 300, hoursToGo: 150 }],
    [4, 1200 * 60, { next: 5, target: 1500, hoursToGo: 300 }],
  ])('should give level %i with %i minutes the next level and hours to go', (level, minutes, expected) => {
    expect(starProgress(level, minutes)).toEqual(expected);
  });
  it('should give no next level at five stars or without the minutes', () => {
    expect(starProgress(5, 2000 * 60)).toBeNull();
    expect(starProgress(2, null)).toBeNull();
  });
});
