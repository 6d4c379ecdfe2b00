import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { NextShift } from '../NextShift';
import { ElderNextShiftQuery } from '../../api/next-shift';
import { ElderCancelClaimMutation, ElderCheckInMutation } from '../../api/attendance';

const HOUR = 3_600_000;
const NOW = Date.now();
const claim = (id: string, inHours: number, status = 'CONFIRMED', code = false) => ({
  __typename: 'ShiftClaim',
  id,
  status,
  checkInAt: null,
  shift: {
    __typename: 'Shift',
    id: `s-${id}`,
    startsAt: new Date(NOW + inHours * HOUR).toISOString(),
    endsAt: new Date(NOW + (inHours + 2) * HOUR).toISOString(),
    place: `Hall ${id}`,
    cancelledAt: null,
    task: {
      __typename: 'Task',
      id: `t-${id}`,
      title: `Shift ${id}`,
      requiresCheckInCode: code,
      organization: { __typename: 'Organization', id: 'o1', name: 'Yilin Centre' },
      region: { __typename: 'Region', id: 'g1', name: '第1网格', nameEn: 'Grid 1' },
    },
  },
});
const claims = (...nodes: ReturnType<typeof claim>[]) => ({
  request: { query: ElderNextShiftQuery, variables: { filter: { upcoming: true, statuses: ['CONFIRMED', 'CHECKED_IN', 'WAITLISTED', 'PENDING_APPROVAL'] }, first: 100 } },
  result: { data: { myClaims: { __typename: 'ClaimConnection', edges: nodes.map((node) => ({ __typename: 'ClaimEdge', node })) } } },
  maxUsageCount: 5,
});

describe('NextShift', () => {
  it('should show the soonest shift only: what, when, where, who, in plain words', async () => {
    // Newest claim first, as the API lists them: the later shift was claimed last.
    renderWithApp(<NextShift now={NOW} />, { token: 't', elder: true, mocks: [claims(claim('later', 48), claim('soon', 3))] });
    expect(await screen.findByRole('heading', { level: 2, name: 'Shift soon' })).toBeInTheDocument();
    expect(screen.queryByText('Shift later')).not.toBeInTheDocument();
    expect(screen.getByText('Hall soon')).toBeInTheDocument();
    expect(screen.getByText('Yilin Centre')).toBeInTheDocument();
    expect(screen.getByText('You are going.')).toBeInTheDocument();
    expect(screen.getByText(/You can say you are here from/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'I am here' })).not.toBeInTheDocument();
  });

  it('should check in with the code once the shift is about to start', async () => {
    let sent: unknown;
    const checkIn = {
      request: { query: ElderCheckInMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { checkIn: { __typename: 'ShiftClaim', id: 'c1', status: 'CHECKED_IN', checkInAt: new Date(NOW).toISOString() } } },
    };
    renderWithApp(<NextShift now={NOW} />, { token: 't', elder: true, mocks: [claims(claim('c1', 0.25, 'CONFIRMED', true)), checkIn] });
    await userEvent.type(await screen.findByLabelText('The 6 numbers shown on site'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'I am here' }));
    expect(await screen.findByText('You are there. Thank you!')).toBeInTheDocument();
    expect(sent).toEqual({ input: { claimId: 'c1', code: '123456' } });
    expect(screen.getByRole('button', { name: 'I am leaving now' })).toBeInTheDocument();
  });

  it('should cancel after asking once, then say there is nothing coming up', async () => {
    const cancel = { request: { query: ElderCancelClaimMutation, variables: { input: { claimId: 'c1' } } }, result: { data: { cancelClaim: { __typename: 'ShiftClaim', id: 'c1', status: 'CANCELLED' } } } };
    const after = { ...claims(), maxUsageCount: 5 };
    const mocks = [{ ...claims(claim('c1', 24)), maxUsageCount: 1 }, cancel, after];
    renderWithApp(<NextShift now={NOW} />, { token: 't', elder: true, mocks });
    await userEvent.click(await screen.findByRole('button', { name: 'I cannot go' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, I cannot go' }));
    expect(await screen.findByText('Done. You are no longer going.')).toBeInTheDocument();
    expect(screen.getByText('You have no shift coming up.')).toBeInTheDocument();
  });

  it('should say plainly when nothing is coming up', async () => {
    renderWithApp(<NextShift now={NOW} />, { token: 't', elder: true, mocks: [claims()] });
    expect(await screen.findByText('You have no shift coming up.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Find something near me today' })).toBeInTheDocument();
  });
});
