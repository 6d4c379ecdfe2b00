import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockSubscriptionLink } from '@apollo/client/testing';
import { fakeLive, renderWithApp } from '../../../../../test/render';
import { Inbox } from '../Inbox';
import NotificationBell from '../NotificationBell';
import { NotificationsQuery } from '../../api/notifications';
import { UnreadNotificationCountQuery } from '../../api/unread-notification-count';
import { MarkNotificationsReadMutation } from '../../api/mark-notifications-read';

const note = (id: string, title: string, readAt: string | null, link: string | null = '/my-shifts') => ({
  __typename: 'Notification' as const,
  id,
  kind: 'CLAIM_PROMOTED',
  title,
  body: `${title}: details`,
  link,
  createdAt: '2030-06-01T01:00:00.000Z',
  readAt,
});

const list = (nodes: ReturnType<typeof note>[]) => ({
  request: { query: NotificationsQuery, variables: { first: 20 } },
  result: {
    data: {
      notifications: {
        __typename: 'NotificationConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', endCursor: 'c2', hasNextPage: false },
        edges: nodes.map((node, i) => ({ __typename: 'NotificationEdge', cursor: `c${i + 1}`, node })),
      },
    },
  },
});
const page = (nodes: ReturnType<typeof note>[], first: number, hasNextPage: boolean) => ({
  __typename: 'NotificationConnection' as const,
  totalCount: 21,
  pageInfo: { __typename: 'PageInfo' as const, endCursor: `c${first + nodes.length - 1}`, hasNextPage },
  edges: nodes.map((node, i) => ({ __typename: 'NotificationEdge' as const, cursor: `c${first + i}`, node })),
});
const count = (n: number) => ({ request: { query: UnreadNotificationCountQuery }, result: { data: { unreadNotificationCount: n } }, maxUsageCount: 5 });

describe('Inbox', () => {
  it('should mark one notification read when its button is pressed, and all with "Mark all as read"', async () => {
    const marked: unknown[] = [];
    const markOne = {
      request: { query: MarkNotificationsReadMutation, variables: (v: { input: unknown }) => (marked.push(v.input), true) },
      result: { data: { markNotificationsRead: 1 } },
      maxUsageCount: 2,
    };
    renderWithApp(<Inbox />, { token: 't', mocks: [list([note('n1', 'Place is yours', null, null), note('n2', 'Reminder', null), note('n3', 'Verified', '2030-05-01T00:00:00Z')]), count(2), markOne] });

    const first = (await screen.findByRole('heading', { name: 'Place is yours' })).closest('article')!;
    expect(screen.getByText('2 unread')).toBeInTheDocument();
    expect(within(first).getByText('Unread')).toBeInTheDocument();
    expect(within(first).getByText(/Off the waitlist/)).toBeInTheDocument();
    // A read one shows no button.
    expect(within(screen.getByRole('heading', { name: 'Verified' }).closest('article')!).queryByRole('button')).toBeNull();

    await userEvent.click(within(first).getByRole('button', { name: 'Mark as read: Place is yours' }));
    await waitFor(() => expect(within(first).queryByText('Unread')).toBeNull());
    expect(marked).toEqual([{ ids: ['n1'] }]);
    expect(screen.getByText('1 unread')).toBeInTheDocument();

    await userEvent.click(await screen.findByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.queryByText('Unread')).toBeNull());
    expect(marked).toEqual([{ ids: ['n1'] }, { all: true }]);
    expect(screen.getByText('0 unread')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  });

  it('should mark a notification read when its link is followed', async () => {
    const marked: unknown[] = [];
    const mark = { request: { query: MarkNotificationsReadMutation, variables: (v: { input: unknown }) => (marked.push(v.input), true) }, result: { data: { markNotificationsRead: 1 } } };
    renderWithApp(<Inbox />, { token: 't', mocks: [list([note('n2', 'Reminder', null)]), count(1), mark] });
    const link = await screen.findByRole('link', { name: 'Reminder' });
    expect(link).toHaveAttribute('href', '/my-shifts');
    await userEvent.click(link);
    await waitFor(() => expect(marked).toEqual([{ ids: ['n2'] }]));
  });

  it('should catch up when the socket is back while one page is shown, but not drop a second page loaded meanwhile', async () => {
    const live = fakeLive('connected');
    let firstPageFetches = 0;
    const firstPage = {
      request: { query: NotificationsQuery, variables: { first: 20 } },
      result: () => {
        firstPageFetches += 1;
        return { data: { notifications: page(Array.from({ length: 20 }, (_, i) => note(`n${i + 1}`, `Note ${i + 1}`, null)), 1, true) } };
      },
      maxUsageCount: 5,
    };
    const secondPage = { request: { query: NotificationsQuery, variables: { first: 20, after: 'c20' } }, result: { data: { notifications: page([note('n21', 'Note 21', null)], 21, false) } } };
    renderWithApp(<Inbox />, { token: 't', mocks: [firstPage, secondPage, count(21)], live });
    await screen.findByRole('heading', { name: 'Note 20' });
    expect(firstPageFetches).toBe(1);

    // Back after a drop, with the first page alone: fetched again, for what came meanwhile.
    act(() => live.set('closed'));
    act(() => live.set('connected'));
    await waitFor(() => expect(firstPageFetches).toBe(2));

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('heading', { name: 'Note 21' })).toBeInTheDocument();

    // Now the first page again would replace both: no catch-up, and the second page stays.
    act(() => live.set('closed'));
    act(() => live.set('connected'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(firstPageFetches).toBe(2);
    expect(screen.getByRole('heading', { name: 'Note 21' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Note 1' })).toBeInTheDocument();
  });

  it('should say so when there is nothing, and put a new notification first as it arrives', async () => {
    const subscriptions = new MockSubscriptionLink();
    renderWithApp(
      <>
        <NotificationBell />
        <Inbox />
      </>,
      { token: 't', mocks: [list([]), count(0)], subscriptions },
    );
    expect(await screen.findByText('No notifications yet.')).toBeInTheDocument();
    // (the count has loaded: the figure the new one adds to)
    await screen.findByText('0 unread');

    act(() => subscriptions.simulateResult({ result: { data: { notificationAdded: note('n7', 'New place', null) } } }));
    expect(await screen.findByRole('heading', { name: 'New place' })).toBeInTheDocument();
    expect(screen.queryByText('No notifications yet.')).toBeNull();
    expect(await screen.findByRole('link', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    expect(screen.getByText('1 unread')).toBeInTheDocument();
  });
});
