import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../../test/render';
import { PreviewShiftSeriesQuery } from '../../../../../lib/recurrence';
import { TaskShiftSeriesQuery } from '../../../api/task-shift-series';
import { UpdateShiftSeriesMutation } from '../../../api/update-shift-series';
import { ShiftSeriesPanel } from '../ShiftSeriesPanel';

// Mondays, far enough ahead to be upcoming; 09:00–11:00 in Shanghai.
const occurrence = (date: string) => ({ __typename: 'ShiftSeriesOccurrence' as const, date, startsAt: `${date}T01:00:00.000Z`, endsAt: `${date}T03:00:00.000Z` });
const taskSeries = {
  request: { query: TaskShiftSeriesQuery, variables: { id: 't1' } },
  result: {
    data: {
      task: {
        __typename: 'Task' as const,
        id: 't1',
        status: 'PUBLISHED' as const,
        shiftSeries: [
          {
            __typename: 'ShiftSeries' as const,
            id: 'ser1',
            rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=8',
            timeZone: 'Asia/Shanghai',
            startTime: '09:00',
            endTime: '11:00',
            capacity: 2,
            exceptions: [],
            recurrence: { __typename: 'Recurrence' as const, frequency: 'WEEKLY' as const, interval: 1, byWeekday: ['MO'] as 'MO'[], until: null, count: 8 },
            nextOccurrences: [occurrence('2030-03-04'), occurrence('2030-03-11')],
          },
        ],
      },
    },
  },
  maxUsageCount: 5,
};
const preview = {
  request: { query: PreviewShiftSeriesQuery, variables: () => true },
  result: {
    data: {
      previewShiftSeries: {
        __typename: 'ShiftSeriesPreview' as const,
        rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;COUNT=4',
        totalCount: 4,
        windowCount: 4,
        occurrences: [occurrence('2030-03-11'), occurrence('2030-03-14')],
      },
    },
  },
  maxUsageCount: 100,
};

async function typeTime(label: string, value: string) {
  const input = screen.getByLabelText(label);
  await userEvent.click(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

async function openForm() {
  await userEvent.click(await screen.findByRole('button', { name: /^Change this and following/ }));
  return screen.findByRole('form', { name: /from a date on/ });
}

// Time pickers and a preview that follows every field: slow on a busy machine, given more time.
describe('Change this and following', () => {
  it('should send the change from the chosen date with the new times, places and rule, and say what became of the made dates', async () => {
    const sent = jest.fn();
    const update = {
      request: { query: UpdateShiftSeriesMutation, variables: () => true },
      result: (vars: Record<string, unknown>) => {
        sent(vars);
        return {
          data: {
            updateShiftSeries: {
              __typename: 'UpdateShiftSeriesPayload' as const,
              moved: 1,
              cancelled: 2,
              series: { __typename: 'ShiftSeries' as const, id: 'ser2', startsOn: '2030-03-11', rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;COUNT=4' },
              previous: { __typename: 'ShiftSeries' as const, id: 'ser1', rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;UNTIL=20300310T155959Z' },
            },
          },
        };
      },
    };
    renderWithApp(<ShiftSeriesPanel taskId="t1" />, { token: 't', mocks: [taskSeries, preview, update] });
    const form = await openForm();
    expect(within(form).getByText('Dates before the one you choose, and their claims, stay as they are.')).toBeInTheDocument();
    expect(within(form).getByText('Volunteers of dates that move or are called off are told.')).toBeInTheDocument();
    // Pre-filled with the series as it is.
    expect(screen.getByLabelText('Starts at')).toHaveValue('09:00');
    expect(screen.getByLabelText('Ends at')).toHaveValue('11:00');
    expect(screen.getByLabelText('Places')).toHaveValue('2');
    expect(screen.getByRole('checkbox', { name: 'Mon' })).toBeChecked();
    expect(screen.getByLabelText('Number of times')).toHaveValue('8');
    expect(screen.queryByRole('checkbox', { name: 'Repeat this shift' })).not.toBeInTheDocument();

    // From the second date.
    fireEvent.mouseDown(screen.getByLabelText('Change from'));
    await userEvent.click(await screen.findByTitle('Mon 11 Mar, 09:00 – 11:00'));
    await typeTime('Starts at', '10:00');
    await typeTime('Ends at', '12:30');
    const places = screen.getByLabelText('Places');
    await userEvent.clear(places);
    await userEvent.type(places, '3');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Thu' }));
    const count = screen.getByLabelText('Number of times');
    await userEvent.clear(count);
    await userEvent.type(count, '4');
    expect(await within(form).findByText('Next dates')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save this and following' }));
    await waitFor(() => expect(sent).toHaveBeenCalled());
    expect(sent.mock.calls[0][0]).toEqual({
      input: {
        seriesId: 'ser1',
        fromDate: '2030-03-11',
        startTime: '10:00',
        endTime: '12:30',
        capacity: 3,
        recurrence: { frequency: 'WEEKLY', interval: 1, byWeekday: ['MO', 'TH'], count: 4 },
        exceptions: [],
      },
    });
    expect(await screen.findByText('Changed from 11 Mar 2030: 1 made dates moved, 2 called off.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: /from a date on/ })).not.toBeInTheDocument();
  }, 120_000);

  it.each([
    ['a conflict, at the field its key belongs to', { code: 'CONFLICT', key: 'shiftSeries.capacityBelowTaken' }, 'Places', 'More places are already taken on a date than that.'],
    ['a bad input, at the field it names', { code: 'BAD_USER_INPUT', field: 'fromDate', key: 'shiftSeries.notAnOccurrence' }, 'Change from', 'The shift does not repeat on that date.'],
  ])('should show an API refusal of %s', async (_, extensions, label, text) => {
    const refused = { request: { query: UpdateShiftSeriesMutation, variables: () => true }, result: { errors: [new GraphQLError('refused', { extensions })] } };
    renderWithApp(<ShiftSeriesPanel taskId="t1" />, { token: 't', mocks: [taskSeries, preview, refused] });
    await openForm();
    const places = screen.getByLabelText('Places');
    await userEvent.clear(places);
    await userEvent.type(places, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Save this and following' }));
    const error = await screen.findByText(text);
    expect(error.closest('.ant-form-item')).toContainElement(screen.getByLabelText(label));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/^Changed from/)).not.toBeInTheDocument();
  }, 120_000);

  it('should send nothing when nothing is changed', async () => {
    const sent = jest.fn();
    renderWithApp(<ShiftSeriesPanel taskId="t1" />, { token: 't', mocks: [taskSeries, preview, { request: { query: UpdateShiftSeriesMutation, variables: () => true }, result: () => (sent(), { data: null }) }] });
    await openForm();
    await userEvent.click(screen.getByRole('button', { name: 'Save this and following' }));
    expect(await screen.findByText('Nothing is changed yet: change a time, the places or how it repeats.')).toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
  }, 120_000);
});
