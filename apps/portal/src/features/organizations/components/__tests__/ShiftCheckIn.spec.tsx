import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { CoordinatorCheckInMutation, CoordinatorCheckOutMutation, EXPECTED_STATUSES, ShiftCheckInQuery } from '../../api/shift-check-in';
import { ShiftCheckIn } from '../ShiftCheckIn';

const claim = (id: string, name: string, status: string, over: Record<string, unknown> = {}) => ({
  __typename: 'ShiftClaim' as const,
  id,
  status,
  checkInAt: null,
  checkOutAt: null,
  serviceRecord: null,
  volunteer: { __typename: 'User' as const, id: `u-${id}`, displayName: name, phone: '138****5678' },
  ...over,
});
const shiftMock = {
  request: { query: ShiftCheckInQuery, variables: { id: 's1', statuses: EXPECTED_STATUSES } },
  result: {
    data: {
      shift: {
        __typename: 'Shift' as const,
        id: 's1',
        startsAt: '2026-12-05T01:00:00.000Z',
        endsAt: '2026-12-05T03:00:00.000Z',
        capacity: 5,
        confirmedCount: 2,
        checkInCode: '123456',
        task: { __typename: 'Task' as const, id: 't1', title: 'Riverside clean-up', requiresCheckInCode: true, organization: { __typename: 'Organization' as const, id: 'o1', name: 'Yilin Centre', nameEn: null } },
        claims: {
          __typename: 'ClaimConnection' as const,
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo' as const, endCursor: 'c2', hasNextPage: false },
          edges: [
            { __typename: 'ClaimEdge' as const, cursor: 'c1', node: claim('c1', 'Li Na', 'CONFIRMED') },
            { __typename: 'ClaimEdge' as const, cursor: 'c2', node: claim('c2', 'Zhao Lei', 'CHECKED_IN', { checkInAt: '2026-12-05T00:55:00.000Z' }) },
          ],
        },
      },
    },
  },
  maxUsageCount: 5,
};

describe('ShiftCheckIn', () => {
  it('should list who is expected with their state, and the QR code of the check-in page with the code', async () => {
    renderWithApp(<ShiftCheckIn organizationId="o1" taskId="t1" shiftId="s1" />, { token: 't', mocks: [shiftMock] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Check-in: Riverside clean-up' })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 have arrived')).toBeInTheDocument();
    const url = `${window.location.origin}/check-in/s1?code=123456`;
    expect(document.querySelector('[data-check-in-url]')).toHaveAttribute('data-check-in-url', url);
    expect(await screen.findByRole('img', { name: /Check-in QR code for/ })).toBeInTheDocument();
    const rows = screen.getAllByRole('listitem');
    expect(within(rows[0]).getByText('not arrived yet')).toBeInTheDocument();
    expect(within(rows[1]).getByText('in 08:55')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('button', { name: 'Check out Zhao Lei' })).toBeInTheDocument();
  });

  it('should check a volunteer in and out without the code', async () => {
    const checkIn = { request: { query: CoordinatorCheckInMutation, variables: { input: { claimId: 'c1' } } }, result: { data: { checkIn: { __typename: 'ShiftClaim' as const, id: 'c1', status: 'CHECKED_IN', checkInAt: '2026-12-05T01:01:00.000Z' } } } };
    const checkOut = { request: { query: CoordinatorCheckOutMutation, variables: { input: { claimId: 'c2' } } }, result: { data: { checkOut: { __typename: 'ShiftClaim' as const, id: 'c2', status: 'ATTENDED', checkOutAt: '2026-12-05T03:00:00.000Z' } } } };
    renderWithApp(<ShiftCheckIn organizationId="o1" taskId="t1" shiftId="s1" />, { token: 't', mocks: [shiftMock, checkIn, checkOut] });
    await userEvent.click(await screen.findByRole('button', { name: 'Check in Li Na' }));
    expect(await screen.findByText('in 09:01')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check out Zhao Lei' }));
    const dialog = await screen.findByRole('dialog', { name: 'Check out Zhao Lei now?' });
    expect(dialog).toHaveTextContent('This cannot be undone');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Check out' }));
    expect(await screen.findByText('out 11:00', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('2 of 2 have arrived')).toBeInTheDocument();
  });

  it('should offer kiosk mode for a shared tablet', async () => {
    renderWithApp(<ShiftCheckIn organizationId="o1" taskId="t1" shiftId="s1" />, { token: 't', mocks: [shiftMock] });
    expect(await screen.findByRole('button', { name: 'Open kiosk mode' })).toBeInTheDocument();
  });
});
