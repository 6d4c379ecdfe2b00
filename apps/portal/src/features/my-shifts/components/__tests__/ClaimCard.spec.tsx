import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import type { MyClaimsQuery } from '../../../../gql/graphql';
import { CancelClaimMutation } from '../../api/cancel-claim';
import { ClaimCard } from '../ClaimCard';

type Claim = MyClaimsQuery['myClaims']['edges'][number]['node'];

const NOW = Date.parse('2026-12-01T02:00:00.000Z');
const claim = (status: Claim['status'], over: Partial<Claim> = {}): Claim => ({
  __typename: 'ShiftClaim',
  id: 'c1',
  status,
  createdAt: '2026-11-28T02:00:00.000Z',
  checkInAt: null,
  checkOutAt: null,
  actingProxy: null,
  serviceRecord: null,
  shift: {
    __typename: 'Shift',
    id: 's1',
    startsAt: '2026-12-03T01:00:00.000Z',
    endsAt: '2026-12-03T03:00:00.000Z',
    place: null,
    cancelledAt: null,
    cancelReason: null,
    task: {
      __typename: 'Task',
      id: 't1',
      title: 'Riverside clean-up',
      requiresCheckInCode: false,
      organization: { __typename: 'Organization', id: 'o1', name: 'Yilin Centre' },
      region: { __typename: 'Region', id: 'g1', name: '第1网格', nameEn: 'Grid 1', parent: null },
    },
  },
  ...over,
} as Claim);

const cancelled = {
  request: { query: CancelClaimMutation, variables: { input: { claimId: 'c1' } } },
  result: { data: { cancelClaim: { __typename: 'ShiftClaim', id: 'c1', status: 'CANCELLED', shift: { __typename: 'Shift', id: 's1', confirmedCount: 0, waitlistCount: 0, pendingCount: 0, viewerClaim: null } } } },
};

async function openCancel(c: Claim, mocks = [cancelled]) {
  renderWithApp(<ClaimCard claim={c} now={NOW} />, { token: 't', mocks });
  await userEvent.click(screen.getByRole('button', { name: 'Cancel my claim' }));
  return screen.findByRole('dialog', { name: 'Cancel this claim?' });
}

describe('ClaimCard', () => {
  it('should warn that a confirmed place goes to the waiting list, and cancel once confirmed', async () => {
    const dialog = await openCancel(claim('CONFIRMED'));
    expect(dialog).toHaveTextContent('This cannot be undone');
    expect(dialog).toHaveTextContent('You give up your place on “Riverside clean-up”: it goes to the next person waiting');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('should not speak of a place to give up when the claim is on the waiting list', async () => {
    const dialog = await openCancel(claim('WAITLISTED'));
    expect(dialog).toHaveTextContent('You leave the waiting list for “Riverside clean-up” and lose your turn in it.');
    expect(dialog).not.toHaveTextContent(/your place|next person waiting/);
  });

  it('should say a request awaiting approval is withdrawn', async () => {
    const dialog = await openCancel(claim('PENDING_APPROVAL'));
    expect(dialog).toHaveTextContent('Your request to join “Riverside clean-up” is withdrawn');
    expect(dialog).not.toHaveTextContent(/next person waiting/);
  });

  it('should show a verified claim as verified, once, with no word of waiting', () => {
    const served = claim('ATTENDED', {
      checkInAt: '2026-11-20T01:00:00.000Z',
      checkOutAt: '2026-11-20T04:10:00.000Z',
      serviceRecord: { id: 'r1', minutes: 180, status: 'VERIFIED' },
      shift: { ...claim('ATTENDED').shift, startsAt: '2026-11-20T01:00:00.000Z', endsAt: '2026-11-20T04:00:00.000Z' },
    });
    renderWithApp(<ClaimCard claim={served} now={NOW} />, { token: 't' });
    expect(screen.getByText('180 minutes verified')).toBeInTheDocument();
    expect(screen.getByText('180 minutes verified: they count in your service hours.')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/waiting for the organiser|to be verified/i);
    expect(screen.queryByRole('button', { name: 'Cancel my claim' })).not.toBeInTheDocument();
  });
});
