import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../../test/render';
import { ClaimShiftSeriesMutation } from '../../../api/claim-shift-series';
import { TaskSeriesQuery } from '../../../api/task-series';
import { SeriesClaimPanel } from '../SeriesClaimPanel';

const occurrence = (date: string) => ({ __typename: 'ShiftSeriesOccurrence' as const, date, startsAt: `${date}T01:00:00.000Z`, endsAt: `${date}T03:00:00.000Z` });
const taskSeries = (standing: boolean) => ({
  request: { query: TaskSeriesQuery, variables: { id: 't1' } },
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
            startTime: '09:00',
            endTime: '11:00',
            exceptions: [],
            recurrence: { __typename: 'Recurrence' as const, frequency: 'WEEKLY' as const, interval: 1, byWeekday: ['MO', 'WE'] as ('MO' | 'WE')[], until: null, count: null },
            nextOccurrences: [occurrence('2030-03-04'), occurrence('2030-03-06')],
            viewerStandingClaim: standing ? { __typename: 'ShiftSeriesClaim' as const, id: 'sc1' } : null,
          },
        ],
      },
    },
  },
  maxUsageCount: 5,
});
const claimed = {
  request: { query: ClaimShiftSeriesMutation, variables: { input: { seriesId: 'ser1' } } },
  result: {
    data: {
      claimShiftSeries: {
        __typename: 'ClaimShiftSeriesPayload' as const,
        standingClaim: { __typename: 'ShiftSeriesClaim' as const, id: 'sc1', volunteer: { __typename: 'User' as const, id: 'u1', displayName: 'Wang Xiaoming' } },
        occurrences: [
          { __typename: 'SeriesOccurrenceClaim' as const, outcome: 'CONFIRMED' as const, shift: { __typename: 'Shift' as const, id: 's1', startsAt: '2030-03-04T01:00:00.000Z', endsAt: '2030-03-04T03:00:00.000Z' }, claim: { __typename: 'ShiftClaim' as const, id: 'c1', status: 'CONFIRMED' as const } },
          { __typename: 'SeriesOccurrenceClaim' as const, outcome: 'WAITLISTED' as const, shift: { __typename: 'Shift' as const, id: 's2', startsAt: '2030-03-06T01:00:00.000Z', endsAt: '2030-03-06T03:00:00.000Z' }, claim: { __typename: 'ShiftClaim' as const, id: 'c2', status: 'WAITLISTED' as const } },
          { __typename: 'SeriesOccurrenceClaim' as const, outcome: 'OVERLAP' as const, shift: { __typename: 'Shift' as const, id: 's3', startsAt: '2030-03-11T01:00:00.000Z', endsAt: '2030-03-11T03:00:00.000Z' }, claim: null },
        ],
      },
    },
  },
};

describe('SeriesClaimPanel', () => {
  it('should say how a shift repeats and claim every date in one tap, showing what became of each', async () => {
    renderWithApp(<SeriesClaimPanel taskId="t1" />, { token: 't', mocks: [taskSeries(false), claimed] });
    expect(await screen.findByText('Repeats weekly on Mon, Wed')).toBeInTheDocument();
    expect(screen.getByText(/09:00–11:00/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Claim every date' }));
    expect(await screen.findByText('Claimed 2 dates:')).toBeInTheDocument();
    expect(screen.getByText('Place kept')).toBeInTheDocument();
    expect(screen.getByText('Full: on the waiting list')).toBeInTheDocument();
    expect(screen.getByText('Skipped: another shift at that time')).toBeInTheDocument();
    expect(screen.getByText('Dates added later are claimed for you too.')).toBeInTheDocument();
  });

  it('should show a standing claim and offer to stop it', async () => {
    renderWithApp(<SeriesClaimPanel taskId="t1" />, { token: 't', mocks: [taskSeries(true)] });
    expect(await screen.findByText('You claim every date')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop claiming every date' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Claim every date' })).not.toBeInTheDocument();
  });

  it('should send a signed-out person to sign in first', async () => {
    renderWithApp(<SeriesClaimPanel taskId="t1" />, { mocks: [taskSeries(false)] });
    expect(await screen.findByRole('button', { name: 'Sign in to claim' })).toBeInTheDocument();
  });
});
