import { birthDateProblem, minuteLabel, windowProblem } from '../availability';

describe('weekly availability and birth date rules', () => {
  it('should accept a window that ends after it starts', () => {
    expect(windowProblem({ weekday: 5, startMinute: 480, endMinute: 720 })).toBeNull();
  });

  it.each([
    [{ startMinute: 480, endMinute: 720 }, 'availability.weekdayRequired'],
    [{ weekday: 0, startMinute: 480 }, 'availability.timeRequired'],
    [{ weekday: 0, startMinute: 720, endMinute: 720 }, 'availability.endBeforeStart'],
  ])('should name what is wrong with %j', (w, key) => {
    expect(windowProblem(w)).toBe(key);
  });

  it('should show minutes from midnight as a clock time', () => {
    expect(minuteLabel(510)).toBe('08:30');
    expect(minuteLabel(1440)).toBe('24:00');
  });

  it('should want YYYY-MM-DD, a real day, not in the future', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    expect(birthDateProblem('', today)).toBeNull();
    expect(birthDateProblem('1995-04-12', today)).toBeNull();
    expect(birthDateProblem('1995-4-12', today)).toBe('availability.birthDateFormat');
    expect(birthDateProblem('1995-02-30', today)).toBe('availability.birthDateFormat');
    expect(birthDateProblem('2030-01-01', today)).toBe('availability.birthDateFuture');
  });
});
