import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../test/render';
import { AppShell } from '../AppShell';
import { PendingInvitationCountQuery } from '../../../features/invitations/api/pending-invitation-count';
import { MyInvitationsQuery } from '../../../features/invitations/api/my-invitations';
import { RespondToInvitationMutation } from '../../../features/invitations/api/respond-to-invitation';
import { MyInvitations } from '../../../features/invitations/components/MyInvitations';
import { emitApiStarting } from '../../../lib/apollo';

// The icons package ships ES modules only, which this jest run does not load: blank icons.
jest.mock('@ant-design/icons', () => new Proxy({ __esModule: true }, { get: (icons: Record<string | symbol, unknown>, name) => (name in icons ? icons[name] : () => null) }));
// The bell's chunk does not load (offline, or a new deployment removed it).
jest.mock('../../../features/notifications/components/NotificationBell', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('AppShell', () => {
  it('should still lead to the inbox when the bell cannot load', async () => {
    renderWithApp(
      <AppShell>
        <p>page</p>
      </AppShell>,
      { token: 't', mocks: [{ request: { query: PendingInvitationCountQuery }, result: { data: { pendingInvitationCount: 0 } } }] },
    );
    const link = await screen.findByRole('link', { name: 'Notifications' });
    expect(link).toHaveAttribute('href', '/notifications');
  });

  describe('the invitations item', () => {
    const count = (n: number) => ({ request: { query: PendingInvitationCountQuery }, result: { data: { pendingInvitationCount: n } } });
    const nav = () => screen.getByRole('navigation', { name: 'Main' });

    it('should put the badge beside the label, not over it, and name the count for screen readers', async () => {
      renderWithApp(<AppShell>page</AppShell>, { token: 't', mocks: [count(3)] });
      const link = await within(nav()).findByRole('link', { name: /Invitations/ });
      expect(link).toHaveAccessibleName('Invitations 3 invitations waiting');
      const label = within(link).getByText('Invitations');
      const badge = within(link).getByText('3');
      // In the same row as the label, after it; not laid over the icon's corner.
      expect(badge.parentElement).toBe(label.parentElement);
      expect(label.nextElementSibling).toBe(badge);
      expect(badge.closest('.nav-icon')).toBeNull();
      expect(badge).toHaveAttribute('aria-hidden', 'true');
    });

    it('should not show the item to someone who never had an invitation', async () => {
      renderWithApp(<AppShell>page</AppShell>, { token: 't', mocks: [count(0)] });
      await screen.findByRole('link', { name: 'Notifications' });
      expect(within(nav()).queryByRole('link', { name: /Invitations/ })).not.toBeInTheDocument();
    });

    it('should keep the item on the invitations page after the last one is accepted', async () => {
      const shift = { __typename: 'Shift' as const, id: 's1', startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-05T03:00:00.000Z', capacity: 10, confirmedCount: 2, task: { __typename: 'Task' as const, id: 't1', title: 'Market waste sorting', organization: { __typename: 'Organization' as const, id: 'o1', name: 'Yilin Centre' } } };
      const node = { __typename: 'Invitation' as const, id: 'i1', status: 'PENDING' as const, score: 0.8, expiresAt: '2026-12-04T12:00:00.000Z', createdAt: '2026-12-01T08:00:00.000Z', reasons: [], shift };
      const list = {
        request: { query: MyInvitationsQuery, variables: { status: 'PENDING', first: 20 } },
        result: { data: { myInvitations: { __typename: 'InvitationConnection' as const, totalCount: 1, pageInfo: { __typename: 'PageInfo' as const, endCursor: 'c1', hasNextPage: false }, edges: [{ __typename: 'InvitationEdge' as const, cursor: 'c1', node }] } } },
        maxUsageCount: 3,
      };
      const respond = {
        request: { query: RespondToInvitationMutation, variables: { input: { invitationId: 'i1', accept: true } } },
        result: { data: { respondToInvitation: { __typename: 'Invitation', id: 'i1', status: 'ACCEPTED', claim: { __typename: 'ShiftClaim', id: 'c9', status: 'CONFIRMED' } } } },
      };
      renderWithApp(
        <AppShell>
          <MyInvitations />
        </AppShell>,
        // The session brings the first figure; answering refetches it.
        { token: 't', route: '/invitations', counts: { pendingInvitationCount: 1 }, mocks: [list, respond, count(0)] },
      );
      await within(nav()).findByRole('link', { name: 'Invitations 1 invitation waiting' });
      await userEvent.click(await screen.findByRole('button', { name: /^Accept / }));
      expect(await screen.findByText(/^Accepted: Market waste sorting, Sat 5 Dec, 09:00 – 11:00\./)).toBeInTheDocument();
      await waitFor(() => expect(within(nav()).getByRole('link', { name: 'Invitations' })).toHaveAttribute('href', '/invitations'));
      expect(within(nav()).getByRole('link', { name: 'Invitations' })).toHaveClass('nav-link-active');
    });
  });

  it('should say the portal is starting up while requests wait for the API, and stop saying it once the API answers', async () => {
    renderWithApp(
      <AppShell>
        <p>page</p>
      </AppShell>,
    );
    expect(screen.queryByText(/starting up/)).not.toBeInTheDocument();
    act(() => emitApiStarting(true));
    expect(await screen.findByText('CivicGrid is starting up… This page will load by itself in a moment.')).toBeInTheDocument();
    expect(screen.queryByText('We could not reach the server. Please try again shortly.')).not.toBeInTheDocument();
    act(() => emitApiStarting(false));
    expect(screen.queryByText(/starting up/)).not.toBeInTheDocument();
  });

  it('should offer signing out in the header to a signed-in person only', async () => {
    const shell = (
      <AppShell>
        <p>page</p>
      </AppShell>
    );
    const { unmount } = renderWithApp(shell, { token: 't', mocks: [{ request: { query: PendingInvitationCountQuery }, result: { data: { pendingInvitationCount: 0 } } }] });
    expect(await within(screen.getByRole('banner')).findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    unmount();
    renderWithApp(shell);
    expect(within(screen.getByRole('banner')).queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });
});
