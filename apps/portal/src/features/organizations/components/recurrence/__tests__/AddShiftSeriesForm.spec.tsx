import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../../test/render';
import { PreviewShiftSeriesQuery } from '../../../../../lib/recurrence';
import { dayjs } from '../../../../../lib/time';
import { AddShiftSeriesMutation } from '../../../api/add-shift-series';
import { AddShiftSeriesForm } from '../AddShiftSeriesForm';
import { shiftsAndSeries } from '../task-series';

/** A Monday a few weeks ahead, in Shanghai. */
const monday = (() => {
  let d = dayjs().tz('Asia/Shanghai').add(14, 'day');
  while (d.day() !== 1) d = d.add(1, 'day');
  return d.format('YYYY-MM-DD');
})();
const wednesday = dayjs(monday).add(2, 'day').format('YYYY-MM-DD');

async function typeDate(label: RegExp | string, value: string) {
  const input = screen.getByLabelText(label);
  await userEvent.click(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

const preview = {
  request: { query: PreviewShiftSeriesQuery, variables: () => true },
  result: {
    data: {
      previewShiftSeries: {
        __typename: 'ShiftSeriesPreview' as const,
        rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=4',
        totalCount: 4,
        windowCount: 4,
        occurrences: [monday, wednesday].map((d) => ({ __typename: 'ShiftSeriesOccurrence' as const, date: d, startsAt: `${d}T01:00:00.000Z`, endsAt: `${d}T03:00:00.000Z` })),
      },
    },
  },
  maxUsageCount: 100,
};

// Two antd date pickers and a preview that follows every field: the slowest form tests here, given more time on a busy machine.
describe('AddShiftSeriesForm', () => {
  it('should preview the next dates from the API and add the repeating shift as the fields say', async () => {
    const sent = jest.fn();
    const add = {
      request: { query: AddShiftSeriesMutation, variables: () => true },
      result: (vars: Record<string, unknown>) => {
        sent(vars);
        return { data: { addShiftSeries: { __typename: 'ShiftSeries' as const, id: 'ser1', rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=4' } } };
      },
    };
    renderWithApp(<AddShiftSeriesForm taskId="t1" />, { token: 't', mocks: [preview, add] });
    await typeDate('First date starts', `${monday} 09:00`);
    await typeDate('First date ends', `${monday} 11:00`);
    expect(screen.getByRole('checkbox', { name: 'Repeat this shift' })).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mon' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Wed' }));
    const count = screen.getByLabelText('Number of times');
    await userEvent.clear(count);
    await userEvent.type(count, '4');
    expect(await screen.findByText('Next dates')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/4 dates in all\./)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Add repeating shift' }));
    await waitFor(() => expect(sent).toHaveBeenCalled());
    expect(sent.mock.calls[0][0]).toEqual({
      input: {
        taskId: 't1',
        startsAt: `${monday}T01:00:00.000Z`,
        endsAt: `${monday}T03:00:00.000Z`,
        capacity: 5,
        recurrence: { frequency: 'WEEKLY', interval: 1, byWeekday: ['MO', 'WE'], count: 4 },
        exceptions: [],
      },
    });
  }, 90_000);

  it('should refuse days that leave out the first date, before sending', async () => {
    const sent = jest.fn();
    renderWithApp(<AddShiftSeriesForm taskId="t1" />, { token: 't', mocks: [preview, { request: { query: AddShiftSeriesMutation, variables: () => true }, result: () => (sent(), { data: null }) }] });
    await typeDate('First date starts', `${monday} 09:00`);
    await typeDate('First date ends', `${monday} 11:00`);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Tue' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add repeating shift' }));
    expect(await screen.findByText('The first date must fall on one of the chosen days')).toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
  }, 90_000);

  it('should offer the end choices by keyboard, and a last date when it ends on one', async () => {
    renderWithApp(<AddShiftSeriesForm taskId="t1" />, { token: 't', mocks: [preview] });
    const onDate = screen.getByRole('radio', { name: 'On a date' });
    onDate.focus();
    await userEvent.keyboard(' ');
    expect(onDate).toBeChecked();
    expect(await screen.findByLabelText('Last date')).toBeInTheDocument();
    expect(screen.queryByLabelText('Number of times')).not.toBeInTheDocument();
  });
});

describe('new task rows', () => {
  it('should send repeating rows as series and the others as shifts', () => {
    const iso = (d: ReturnType<typeof dayjs>) => d.toISOString();
    const start = dayjs('2030-03-04T01:00:00Z');
    const end = dayjs('2030-03-04T03:00:00Z');
    expect(
      shiftsAndSeries(
        [
          { startsAt: start, endsAt: end, capacity: 3 },
          { startsAt: start, endsAt: end, capacity: 2, repeat: { enabled: true, frequency: 'DAILY', interval: 2, end: 'COUNT', count: 5, exceptions: [] } },
        ],
        iso,
      ),
    ).toEqual({
      shifts: [{ startsAt: '2030-03-04T01:00:00.000Z', endsAt: '2030-03-04T03:00:00.000Z', capacity: 3 }],
      series: [{ startsAt: '2030-03-04T01:00:00.000Z', endsAt: '2030-03-04T03:00:00.000Z', capacity: 2, recurrence: { frequency: 'DAILY', interval: 2, count: 5 }, exceptions: [] }],
    });
  });
});
