import { act, screen } from '@testing-library/react';
import { MockSubscriptionLink } from '@apollo/client/testing';
import { fakeLive, renderWithApp } from '../../../../../test/render';
import NotificationBell from '../NotificationBell';
import { UnreadNotificationCountQuery } from '../../api/unread-notification-count';
import { MY_CLAIMS_PAGE, MyClaimsQuery, useMyClaims } from '../../../my-shifts/api/my-claims';

const countMock = (n: number) => ({ request: { query: UnreadNotificationCountQuery }, result: { data: { unreadNotificationCount: n } } });

const promoted = {
  __typename: 'Notification',
  id: 'n9',
  kind: 'CLAIM_PROMOTED',
  title: 'You have a place',
  body: 'A place came free on River clean-up; it is yours.',
  link: '/my-shifts',
  createdAt: '2030-06-01T01:00:00.000Z',
  readAt: null,
};

const claimsAt = (startsAt: string) => ({
  request: { query: MyClaimsQuery, variables: { filter: { upcoming: true }, first: MY_CLAIMS_PAGE } },
  result: {
    data: {
      myClaims: {
        __typename: 'ShiftClaimConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', endCursor: 'c', hasNextPage: false },
        edges: [
          {
            __typename: 'ShiftClaimEdge',
            cursor: 'c',
            node: {
              __typename: 'ShiftClaim',
              id: 'c1',
              status: 'CONFIRMED',
              createdAt: '2030-05-01T01:00:00.000Z',
              checkInAt: null,
              checkOutAt: null,
              actingProxy: null,
              serviceRecord: null,
              shift: {
                __typename: 'Shift',
                id: 's1',
                startsAt,
                endsAt: '2030-06-09T05:00:00.000Z',
                place: null,
                cancelledAt: null,
                cancelReason: null,
                task: {
                  __typename: 'Task',
                  id: 't1',
                  title: 'River clean-up',
                  requiresCheckInCode: false,
                  organization: { __typename: 'Organization', id: 'o1', name: 'Yilin', nameEn: null },
                  region: { __typename: 'Region', id: 'g1', name: '网格', nameEn: 'Grid 1' },
                },
              },
            },
          },
        ],
      },
    },
  },
});

/** What My shifts shows of its first claim: the shift's start. */
function FirstClaimStart() {
  const { data } = useMyClaims(true);
  return <p data-testid="starts">{data?.myClaims.edges[0]?.node.shift.startsAt ?? ''}</p>;
}

describe('NotificationBell', () => {
  it('should show the unread count and raise it when notificationAdded delivers a new one', async () => {
    const subscriptions = new MockSubscriptionLink();
    renderWithApp(<NotificationBell />, { token: 't', mocks: [countMock(2)], subscriptions, live: fakeLive('connected') });

    const bell = await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(bell).toHaveTextContent('2');
    expect(subscriptions.operation?.operationName).toBe('NotificationAdded');

    act(() => subscriptions.simulateResult({ result: { data: { notificationAdded: promoted } } }));
    expect(await screen.findByRole('link', { name: 'Notifications, 3 unread' })).toHaveTextContent('3');

    // The same notification again (a retry of the socket) is not counted twice.
    act(() => subscriptions.simulateResult({ result: { data: { notificationAdded: promoted } } }));
    expect(screen.getByRole('link', { name: 'Notifications, 3 unread' })).toBeInTheDocument();
  });

  it('should read the claim lists again when a shift of mine moved, so My shifts shows the new time', async () => {
    const subscriptions = new MockSubscriptionLink();
    const moved = { ...promoted, id: 'n10', kind: 'SHIFT_RESCHEDULED', title: 'New time: River clean-up' };
    renderWithApp(
      <>
        <NotificationBell />
        <FirstClaimStart />
      </>,
      { token: 't', mocks: [countMock(0), claimsAt('2030-06-08T01:00:00.000Z'), claimsAt('2030-06-09T01:00:00.000Z')], subscriptions, live: fakeLive('connected') },
    );
    expect(await screen.findByText('2030-06-08T01:00:00.000Z')).toBeInTheDocument();
    act(() => subscriptions.simulateResult({ result: { data: { notificationAdded: moved } } }));
    expect(await screen.findByText('2030-06-09T01:00:00.000Z')).toBeInTheDocument();
  });

  it('should show no figure when nothing is unread', async () => {
    renderWithApp(<NotificationBell />, { token: 't', mocks: [countMock(0)], subscriptions: new MockSubscriptionLink() });
    const bell = await screen.findByRole('link', { name: 'Notifications, 0 unread' });
    expect(bell).not.toHaveTextContent(/\d/);
  });
});
