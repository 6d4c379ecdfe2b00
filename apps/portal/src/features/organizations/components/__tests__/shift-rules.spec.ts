import dayjs from 'dayjs';
import { minimumAgeProblem, shiftProblems } from '../shift-rules';

const NOW = Date.parse('2026-11-24T08:00:00Z');
const at = (iso: string) => dayjs(iso);

describe('shiftProblems', () => {
  it('should accept a future shift with an end after its start and 1–1000 places', () => {
    expect(shiftProblems({ startsAt: at('2026-11-25T01:00:00Z'), endsAt: at('2026-11-25T03:00:00Z'), capacity: 5 }, NOW)).toEqual({});
  });
  it('should refuse a start in the past', () => {
    expect(shiftProblems({ startsAt: at('2026-11-24T07:59:00Z'), endsAt: at('2026-11-24T09:00:00Z'), capacity: 5 }, NOW).startsAt).toBe('createTask.startInPast');
  });
  it('should refuse an end that is not after the start', () => {
    expect(shiftProblems({ startsAt: at('2026-11-25T03:00:00Z'), endsAt: at('2026-11-25T03:00:00Z'), capacity: 5 }, NOW).endsAt).toBe('createTask.endBeforeStart');
  });
  it('should refuse a shift longer than 24 hours', () => {
    expect(shiftProblems({ startsAt: at('2026-11-25T03:00:00Z'), endsAt: at('2026-11-26T03:01:00Z'), capacity: 5 }, NOW).endsAt).toBe('createTask.tooLong');
  });
  it.each([0, 1001, 2.5])('should refuse %p places', (capacity) => {
    expect(shiftProblems({ startsAt: at('2026-11-25T01:00:00Z'), endsAt: at('2026-11-25T03:00:00Z'), capacity }, NOW).capacity).toBe('createTask.capacityRange');
  });
  it('should ask for missing values', () => {
    expect(shiftProblems({}, NOW)).toEqual({ startsAt: 'createTask.startRequired', endsAt: 'createTask.endRequired', capacity: 'createTask.capacityRequired' });
  });
});

describe('a shift\'s place and a task\'s minimum age', () => {
  const shift = { startsAt: at('2026-11-25T01:00:00Z'), endsAt: at('2026-11-25T03:00:00Z'), capacity: 5 };
  it('should take a place of up to 200 characters, or none', () => {
    expect(shiftProblems({ ...shift, place: 'East gate' }, NOW)).toEqual({});
    expect(shiftProblems({ ...shift, place: 'x'.repeat(200) }, NOW)).toEqual({});
    expect(shiftProblems({ ...shift, place: 'x'.repeat(201) }, NOW).place).toBe('createTask.placeTooLong');
  });
  it.each([[null, null], [undefined, null], [12, null], [120, null], [0, 'createTask.minimumAgeRange'], [121, 'createTask.minimumAgeRange'], [12.5, 'createTask.minimumAgeRange']])(
    'should judge a minimum age of %p as %p',
    (age, problem) => {
      expect(minimumAgeProblem(age)).toBe(problem);
    },
  );
});
