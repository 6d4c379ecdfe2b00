import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../../test/render';
import { dayjs } from '../../time';
import { NEW_REPEAT, repeatProblems, toExceptions, toRecurrenceInput } from '../recurrence';
import { RecurrenceSummary } from '../RecurrenceSummary';

const monday = dayjs('2030-03-04 09:00');

describe('recurrence fields', () => {
  it('should send nothing while the shift does not repeat', () => {
    expect(toRecurrenceInput({ ...NEW_REPEAT, enabled: false }, monday)).toBeNull();
    expect(toRecurrenceInput(undefined, monday)).toBeNull();
  });

  it("should send a weekly rule with its days in order, the start's day when none is chosen, and the end chosen", () => {
    expect(toRecurrenceInput({ ...NEW_REPEAT, enabled: true, byWeekday: ['WE', 'MO'], end: 'COUNT', count: 4 }, monday)).toEqual({ frequency: 'WEEKLY', interval: 1, byWeekday: ['MO', 'WE'], count: 4 });
    expect(toRecurrenceInput({ ...NEW_REPEAT, enabled: true, byWeekday: [], end: 'UNTIL', until: dayjs('2030-04-30') }, monday)).toEqual({ frequency: 'WEEKLY', interval: 1, byWeekday: ['MO'], until: '2030-04-30' });
    expect(toRecurrenceInput({ ...NEW_REPEAT, enabled: true, frequency: 'DAILY', interval: 3, end: 'NEVER' }, monday)).toEqual({ frequency: 'DAILY', interval: 3 });
    expect(toExceptions({ exceptions: [dayjs('2030-03-18'), dayjs('2030-03-11'), dayjs('2030-03-18')] })).toEqual(['2030-03-11', '2030-03-18']);
  });

  it('should find what is wrong before sending', () => {
    expect(repeatProblems({ ...NEW_REPEAT, enabled: true, interval: 0 }, monday)).toEqual({ interval: 'recurrence.intervalRange' });
    expect(repeatProblems({ ...NEW_REPEAT, enabled: true, byWeekday: ['TU'] }, monday)).toEqual({ byWeekday: 'recurrence.startNotOnDays' });
    expect(repeatProblems({ ...NEW_REPEAT, enabled: true, end: 'UNTIL', until: dayjs('2030-03-01') }, monday)).toEqual({ until: 'recurrence.untilBeforeStart' });
    expect(repeatProblems({ ...NEW_REPEAT, enabled: true, end: 'COUNT', count: 501 }, monday)).toEqual({ count: 'recurrence.countRange' });
    expect(repeatProblems({ ...NEW_REPEAT, enabled: false, interval: 0 }, monday)).toEqual({});
  });

  it.each([
    [{ frequency: 'WEEKLY' as const, interval: 1, byWeekday: ['MO', 'WE'] as const }, 'Repeats weekly on Mon, Wed'],
    [{ frequency: 'WEEKLY' as const, interval: 2, byWeekday: ['TU'] as const, count: 10 }, 'Repeats every 2 weeks on Tue, 10 times'],
    [{ frequency: 'DAILY' as const, interval: 1, byWeekday: [] as const, until: '2030-04-30' }, 'Repeats daily, until 30 Apr 2030'],
    [{ frequency: 'MONTHLY' as const, interval: 3, byWeekday: [] as const }, 'Repeats every 3 months'],
  ])('should say %j as "%s"', (recurrence, text) => {
    renderWithApp(<RecurrenceSummary recurrence={recurrence} />);
    expect(screen.getByText(text)).toBeInTheDocument();
  });
});
