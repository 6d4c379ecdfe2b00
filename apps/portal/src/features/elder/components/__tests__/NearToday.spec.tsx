import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { NearToday } from '../NearToday';
import { ElderClaimShiftMutation, ElderHomePlaceQuery, ElderTodayShiftsQuery } from '../../api/near-today';
import { ElderNextShiftQuery } from '../../api/next-shift';

const HOUR = 3_600_000;
const shift = (i: number, over: Record<string, unknown> = {}) => ({
  __typename: 'Shift',
  id: `s${i}`,
  startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  endsAt: new Date(Date.now() + 5 * 60_000 + HOUR).toISOString(),
  place: i === 1 ? 'Community hall' : null,
  capacity: 4,
  confirmedCount: 1,
  viewerClaim: null,
  task: { __typename: 'Task', id: `t${i}`, title: `Task ${i}`, region: { __typename: 'Region', id: 'g1', name: '第1网格', nameEn: 'Grid 1' } },
  ...over,
});

const place = {
  request: { query: ElderHomePlaceQuery },
  result: { data: { me: { __typename: 'User', id: 'u1', homeRegion: { __typename: 'Region', id: 'g1', level: 'GRID', parent: { __typename: 'Region', id: 'c1' } } } } },
  maxUsageCount: 5,
};
let asked: Record<string, unknown> | undefined;
const today = (n: number) => ({
  request: { query: ElderTodayShiftsQuery, variables: (v: { filter: Record<string, unknown> }) => ((asked = v.filter), true) },
  result: { data: { openShifts: { __typename: 'ShiftConnection', edges: Array.from({ length: n }, (_, i) => ({ __typename: 'ShiftEdge', node: shift(i + 1) })) } } },
  maxUsageCount: 5,
});

describe('NearToday', () => {
  it("should ask for today's shifts with places around the home grid and show three at a time, in plain words", async () => {
    renderWithApp(<NearToday />, { token: 't', elder: true, mocks: [place, today(5)] });
    expect(await screen.findByRole('heading', { level: 2, name: 'Task 1' })).toBeInTheDocument();
    expect(asked).toMatchObject({ regionId: 'c1', onlyWithSpace: true });
    expect(Date.parse(String(asked?.to))).toBeGreaterThan(Date.parse(String(asked?.from)));
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(3);
    expect(screen.getByText('Community hall')).toBeInTheDocument();
    expect(screen.getAllByText('Grid 1')).toHaveLength(2);
    expect(screen.getAllByText('3 places left')).toHaveLength(3);
    expect(document.body.textContent).not.toMatch(/%|match|score/i);

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it("should claim with I'll go and say so plainly, pointing to the next shift", async () => {
    let sent: unknown;
    const claim = {
      request: { query: ElderClaimShiftMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { claimShift: { __typename: 'ShiftClaim', id: 'c9', status: 'CONFIRMED', shift: { __typename: 'Shift', id: 's1', confirmedCount: 2, viewerClaim: { __typename: 'ShiftClaim', id: 'c9', status: 'CONFIRMED' } } } } },
    };
    const next = { request: { query: ElderNextShiftQuery, variables: () => true }, result: { data: { myClaims: { __typename: 'ClaimConnection', edges: [] } } }, maxUsageCount: 5 };
    renderWithApp(<NearToday />, { token: 't', elder: true, mocks: [place, today(1), claim, next] });
    await userEvent.click(await screen.findByRole('button', { name: "I'll go: Task 1" }));
    expect(await screen.findByText('You are going.')).toBeInTheDocument();
    expect(sent).toEqual({ input: { shiftId: 's1' } });
    expect(screen.getByRole('link', { name: 'See it under My next shift' })).toHaveAttribute('href', '/elder/next-shift');
    await waitFor(() => expect(screen.getByText('2 places left')).toBeInTheDocument());
  });

  it('should say plainly when nothing is left today', async () => {
    renderWithApp(<NearToday />, { token: 't', elder: true, mocks: [place, today(0)] });
    expect(await screen.findByText(/There is nothing near you today/)).toBeInTheDocument();
  });
});
