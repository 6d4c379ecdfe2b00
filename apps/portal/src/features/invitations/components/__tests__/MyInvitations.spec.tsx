import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { MyInvitationsQuery } from '../../api/my-invitations';
import { PendingInvitationCountQuery, usePendingInvitationCount } from '../../api/pending-invitation-count';
import { RespondToInvitationMutation } from '../../api/respond-to-invitation';
import { MyInvitations } from '../MyInvitations';

const START = '2026-12-05T01:00:00.000Z';
const invitation = (id: string, title: string) => ({
  __typename: 'Invitation' as const,
  id,
  status: 'PENDING' as const,
  score: 0.8,
  expiresAt: '2026-12-04T12:00:00.000Z',
  createdAt: '2026-12-01T08:00:00.000Z',
  reasons: [{ __typename: 'MatchReason' as const, code: 'SKILL_MATCH', weight: 0.3, detail: null }],
  shift: {
    __typename: 'Shift' as const,
    id: `s-${id}`,
    startsAt: START,
    endsAt: '2026-12-05T03:00:00.000Z',
    capacity: 10,
    confirmedCount: 2,
    task: { __typename: 'Task' as const, id: `t-${id}`, title, organization: { __typename: 'Organization' as const, id: 'o1', name: 'Yilin Centre', nameEn: null } },
  },
});

const listMock = {
  request: { query: MyInvitationsQuery, variables: { status: 'PENDING', first: 20 } },
  result: {
    data: {
      myInvitations: {
        __typename: 'InvitationConnection' as const,
        totalCount: 2,
        pageInfo: { __typename: 'PageInfo' as const, endCursor: 'c2', hasNextPage: false },
        edges: [
          { __typename: 'InvitationEdge' as const, cursor: 'c1', node: invitation('i1', 'Market waste sorting') },
          { __typename: 'InvitationEdge' as const, cursor: 'c2', node: invitation('i2', 'Riverside clean-up') },
        ],
      },
    },
  },
  maxUsageCount: 5,
};
const countMock = (n: number) => ({ request: { query: PendingInvitationCountQuery }, result: { data: { pendingInvitationCount: n } } });

/** The navigation badge, as the shell mounts it beside every page. */
function Badge() {
  const { data } = usePendingInvitationCount(false);
  return <output aria-label="badge">{data?.pendingInvitationCount ?? '-'}</output>;
}

describe('MyInvitations', () => {
  it('should keep the list and the confirmation when the badge refetches its count after an answer', async () => {
    renderWithApp(
      <>
        <Badge />
        <MyInvitations />
      </>,
      {
        token: 't',
        mocks: [
          listMock,
          countMock(2),
          {
            request: { query: RespondToInvitationMutation, variables: { input: { invitationId: 'i1', accept: true } } },
            result: { data: { respondToInvitation: { __typename: 'Invitation', id: 'i1', status: 'ACCEPTED', claim: { __typename: 'ShiftClaim', id: 'c9', status: 'CONFIRMED' } } } },
          },
          countMock(1),
        ],
      },
    );
    const first = (await screen.findByRole('heading', { name: 'Market waste sorting' })).closest('article') as HTMLElement;
    expect(await screen.findByRole('heading', { name: 'Riverside clean-up' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('badge')).toHaveTextContent('2'));

    await userEvent.click(within(first).getByRole('button', { name: /^Accept / }));

    // What was accepted: the shift and when.
    expect(await within(first).findByText('Accepted: Market waste sorting, Sat 5 Dec, 09:00 – 11:00. The place is yours; you will find it in My shifts.')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Go to My shifts' })).toHaveAttribute('href', '/my-shifts');
    await waitFor(() => expect(screen.getByLabelText('badge')).toHaveTextContent('1'));
    // The refetched count must not have replaced the page's list.
    expect(screen.getByRole('heading', { name: 'Riverside clean-up' })).toBeInTheDocument();
    expect(within(first).getByText(/^Accepted: Market waste sorting/)).toBeInTheDocument();
  });
});
