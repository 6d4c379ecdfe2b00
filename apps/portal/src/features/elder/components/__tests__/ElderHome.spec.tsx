import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { ElderHome } from '../ElderHome';
import { ElderHomeQuery } from '../../api/elder-home';
import BoardRoute from '../../../../app/routes/board';
import { AppShell } from '../../../../app/layout/AppShell';
import { PendingInvitationCountQuery } from '../../../invitations/api/pending-invitation-count';

// The icons package ships ES modules only, which this jest run does not load: blank icons.
jest.mock('@ant-design/icons', () => new Proxy({ __esModule: true }, { get: (icons: Record<string | symbol, unknown>, name) => (name in icons ? icons[name] : () => null) }));

const home = (over: { level?: string | null; leaders?: { userId: string; displayName: string; phone: string | null }[] } = {}) => ({
  request: { query: ElderHomeQuery },
  result: {
    data: {
      me: { __typename: 'User', id: 'u1', displayName: 'Wang Xiaoming', homeRegion: over.level === null ? null : { __typename: 'Region', id: 'g1', level: over.level ?? 'GRID' } },
      myGridLeaders: (over.leaders ?? [{ userId: 'l1', displayName: 'Li Xiuying', phone: '13800000002' }]).map((l) => ({ __typename: 'GridLeaderContact', ...l })),
    },
  },
  maxUsageCount: 5,
});

describe('ElderHome', () => {
  it('should offer the large actions in plain words and call the grid leader by a tel: link with the name', async () => {
    renderWithApp(<ElderHome />, { token: 't', elder: true, mocks: [home()] });
    const call = await screen.findByRole('link', { name: /Call my grid leader, Li Xiuying/ });
    expect(call).toHaveAttribute('href', 'tel:13800000002');
    expect(call).toHaveTextContent('138 0000 0002');
    expect(screen.getByRole('link', { name: 'My next shift' })).toHaveAttribute('href', '/elder/next-shift');
    expect(screen.getByRole('link', { name: 'Something near me today' })).toHaveAttribute('href', '/elder/today');
    expect(screen.getByRole('link', { name: 'Ask for help' })).toHaveAttribute('href', '/elder/ask-for-help');
    expect(screen.getByRole('heading', { level: 1, name: 'Hello, Wang Xiaoming' })).toBeInTheDocument();
    for (const link of screen.getAllByRole('link')) expect(link).toHaveClass('elder-action');
  });

  it('should say plainly when the home grid is not known, and where to set it', async () => {
    renderWithApp(<ElderHome />, { token: 't', elder: true, mocks: [home({ level: null, leaders: [] })] });
    expect(await screen.findByRole('note')).toHaveTextContent('We do not know where you live yet');
    expect(screen.getByRole('link', { name: 'Tell us where you live' })).toHaveAttribute('href', '/profile');
    expect(screen.queryByRole('link', { name: /Call my grid leader/ })).not.toBeInTheDocument();
  });

  it('should say plainly when the grid has no grid leader', async () => {
    renderWithApp(<ElderHome />, { token: 't', elder: true, mocks: [home({ leaders: [] })] });
    expect(await screen.findByRole('note')).toHaveTextContent('Your grid has no grid leader yet.');
  });

  it('should not offer a grid leader a call to themselves', async () => {
    renderWithApp(<ElderHome />, { token: 't', elder: true, mocks: [home({ leaders: [{ userId: 'u1', displayName: 'Wang Xiaoming', phone: '13800000001' }] })] });
    expect(await screen.findByRole('link', { name: 'Ask for help' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Call my grid leader/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('should ask someone not signed in to sign in first', () => {
    renderWithApp(<ElderHome />, { elder: true });
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
    expect(screen.queryByRole('link', { name: 'My next shift' })).not.toBeInTheDocument();
  });

  it('should be the home in elder mode instead of the board', async () => {
    renderWithApp(<BoardRoute />, { token: 't', elder: true, mocks: [home()] });
    expect(await screen.findByRole('link', { name: 'Something near me today' })).toBeInTheDocument();
    expect(screen.queryByText(/Filter/)).not.toBeInTheDocument();
  });

  it('should leave the board to someone acting for a resident, who claims for them there', async () => {
    renderWithApp(<BoardRoute />, { token: 't', elder: true, mocks: [home()], actingFor: { id: 'r1', displayName: 'Zhang Defu' } });
    expect(await screen.findByText('You are claiming for Zhang Defu.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Something near me today' })).not.toBeInTheDocument();
  });
});

describe('elder navigation', () => {
  const invitations = { request: { query: PendingInvitationCountQuery }, result: { data: { pendingInvitationCount: 2 } }, maxUsageCount: 5 };
  const navLinks = () => within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((a) => a.textContent);

  it('should show four items at most in elder mode, and the whole navigation again once it is off', async () => {
    const shell = (
      <AppShell>
        <p>page</p>
      </AppShell>
    );
    renderWithApp(shell, { token: 't', elder: true, mocks: [invitations] });
    expect(await screen.findByRole('link', { name: 'Messages' })).toBeInTheDocument();
    expect(navLinks()).toEqual(['Home', 'My shifts', 'Messages', 'Me']);

    await userEvent.click(screen.getByRole('switch', { name: 'Elder mode' }));
    expect(await screen.findByRole('link', { name: 'Needs' })).toBeInTheDocument();
    expect(navLinks()).toEqual(expect.arrayContaining(['Shifts', 'Needs', 'My shifts', 'Groups', 'Me']));
    expect(navLinks()).not.toContain('Messages');
  });
});
