import { checkedInMinutes, checkInWindow } from './claims.service';
import { newCheckInCode } from './tasks.service';

const at = (iso: string) => new Date(iso);

describe('claim rules', () => {
  it('should open check-in 30 minutes before the start and close it at the end', () => {
    const w = checkInWindow({ startsAt: at('2026-12-01T01:00:00Z'), endsAt: at('2026-12-01T03:00:00Z') });
    expect(w).toEqual({ opensAt: at('2026-12-01T00:30:00Z'), closesAt: at('2026-12-01T03:00:00Z') });
  });

  it.each([
    ['2026-12-01T01:00:00Z', '2026-12-01T02:30:00Z', 90],
    ['2026-12-01T01:00:00Z', '2026-12-01T01:00:20Z', 1],
    ['2026-12-01T01:00:00Z', '2026-12-01T01:10:31Z', 11],
    ['2026-12-01T01:00:00Z', '2026-12-03T01:00:00Z', 1440],
  ])('should count the minutes from %s to %s as %i', (from, to, minutes) => {
    expect(checkedInMinutes(at(from), at(to))).toBe(minutes);
  });

  it('should make six-digit check-in codes', () => {
    const codes = Array.from({ length: 200 }, newCheckInCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(150);
  });
});
