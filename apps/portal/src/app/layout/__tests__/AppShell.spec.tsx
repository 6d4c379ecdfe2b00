import { act, screen } from '@testing-library/react';
import { renderWithApp } from '../../../../test/render';
import { AppShell } from '../AppShell';
import { PendingInvitationCountQuery } from '../../../features/invitations/api/pending-invitation-count';
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
});
