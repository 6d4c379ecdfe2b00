import { act, screen } from '@testing-library/react';
import { MockSubscriptionLink } from '@apollo/client/testing';
import { fakeLive, renderWithApp } from '../../../../../test/render';
import NotificationBell from '../NotificationBell';
import { UnreadNotificationCountQuery } from '../../api/unread-notification-count';

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

  it('should show no figure when nothing is unread', async () => {
    renderWithApp(<NotificationBell />, { token: 't', mocks: [countMock(0)], subscriptions: new MockSubscriptionLink() });
    const bell = await screen.findByRole('link', { name: 'Notifications, 0 unread' });
    expect(bell).not.toHaveTextContent(/\d/);
  });
});
