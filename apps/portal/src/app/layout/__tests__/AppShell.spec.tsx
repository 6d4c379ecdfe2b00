import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../../test/render';
import { AppShell } from '../AppShell';
import { PendingInvitationCountQuery } from '../../../features/invitations/api/pending-invitation-count';

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
