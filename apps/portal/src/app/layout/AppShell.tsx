import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Alert, Select, Switch } from 'antd';
import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BankOutlined, BellOutlined, BulbOutlined, CalendarOutlined, GiftOutlined, HomeOutlined, MailOutlined, TeamOutlined, UserOutlined, WalletOutlined } from '@ant-design/icons';
import { useSession } from '../../lib/auth';
import { usePrefs } from '../../lib/prefs';
import { LOCALES, type Locale } from '../../lib/i18n';
import { onApiStarting, onTransportError } from '../../lib/apollo';
import { useInvitationsNav } from '../../features/invitations/hooks/use-invitations-nav';
import { SignOutButton } from '../../features/auth/components/SignOutButton';

// Only signed-in people have a bell: loaded after the first page, and only for them.
// If its chunk cannot load, a plain link to the inbox takes its place (nothing else leads there).
const NotificationBell = lazy(
  (): Promise<{ default: ComponentType }> => import('../../features/notifications/components/NotificationBell').catch(() => ({ default: InboxLink })),
);

/** The bell without its figure. */
function InboxLink() {
  const { t } = useTranslation();
  return (
    <Link to="/notifications" className="bell" aria-label={t('notifications.title')}>
      <BellOutlined aria-hidden="true" />
    </Link>
  );
}

function NavItem({ to, icon, label, end, badge, badgeLabel, className }: { to: string; icon: ReactNode; label: string; end?: boolean; badge?: number; badgeLabel?: string; className?: string }) {
  return (
    <li className={className}>
      <NavLink to={to} end={end} className={({ isActive }) => (isActive ? 'nav-link nav-link-active' : 'nav-link')}>
        <span className="nav-icon" aria-hidden="true">
          {icon}
        </span>
        {/* The badge follows the label in the flow, so no width, language or elder mode puts it over the words. */}
        <span className="nav-text">
          <span className="nav-label">{label}</span>
          {badge ? (
            <span className="nav-badge" aria-hidden="true">
              {badge > 99 ? '99+' : badge}
            </span>
          ) : null}
        </span>
        {badge && badgeLabel ? <span className="visually-hidden">{badgeLabel}</span> : null}
      </NavLink>
    </li>
  );
}

/** Elder mode's navigation: four large items at most (home, my shifts, messages, me). */
function ElderNavList({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="elder-nav">
      <NavItem to="/" end icon={<HomeOutlined />} label={t('elder.nav.home')} />
      {signedIn ? <NavItem to="/my-shifts" icon={<CalendarOutlined />} label={t('nav.myShifts')} /> : null}
      {signedIn ? <NavItem to="/notifications" icon={<BellOutlined />} label={t('elder.nav.messages')} /> : null}
      <NavItem to={signedIn ? '/profile' : '/signin'} icon={<UserOutlined />} label={signedIn ? t('nav.profile') : t('nav.signIn')} />
    </ul>
  );
}

/** Header (brand, language, elder mode, account), main navigation, and the page. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signedIn } = useSession();
  const prefs = usePrefs();
  const [offline, setOffline] = useState(false);
  const [starting, setStarting] = useState(false);
  // The session's answer carries both header figures: the badge and the bell wait for it and read the cache.
  const invitations = useInvitationsNav(signedIn, !!me);
  const pending = invitations.pending;

  // Transport errors (from the Apollo error link) show once, at the top, until dismissed.
  useEffect(() => onTransportError(() => setOffline(true)), []);
  // While the API starts, the page's requests wait for it: say so instead of an error.
  useEffect(() => onApiStarting(setStarting), []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="header-row">
          <Link to="/" className="brand">
            <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true" focusable="false">
              <rect width="64" height="64" rx="12" fill="currentColor" />
              <path d="M16 16h32v32H16zM32 16v32M16 32h32" fill="none" stroke="#fff" strokeWidth="4" />
            </svg>
            <span>{t('app.name')}</span>
          </Link>
          <div className="header-tools">
            {signedIn ? (
              <Suspense fallback={<span className="bell" aria-hidden="true" />}>{me ? <NotificationBell /> : <span className="bell" aria-hidden="true" />}</Suspense>
            ) : null}
            <Select<Locale>
              className="lang-select"
              value={prefs.locale}
              onChange={(l) => void prefs.setLocale(l)}
              options={LOCALES.map((l) => ({ value: l, label: t(`localeName.${l}`) }))}
              aria-label={t('header.language')}
              popupMatchSelectWidth={false}
            />
            <label className="elder-toggle" htmlFor="elder-switch">
              <Switch id="elder-switch" checked={prefs.elderMode} onChange={(on) => prefs.setElderMode(on)} />
              <span>{t('header.elderMode')}</span>
            </label>
            {signedIn ? <SignOutButton /> : null}
          </div>
        </div>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {prefs.elderMode ? <ElderNavList signedIn={signedIn} /> : (
        <ul>
          <NavItem to="/" end icon={<HomeOutlined />} label={t('nav.board')} />
          <NavItem to="/needs" icon={<BulbOutlined />} label={t('nav.needs')} />
          {signedIn ? <NavItem to="/my-shifts" icon={<CalendarOutlined />} label={t('nav.myShifts')} /> : null}
          {invitations.show ? <NavItem to="/invitations" icon={<MailOutlined />} label={t('nav.invitations')} badge={pending} badgeLabel={t('nav.invitationsPending', { count: pending })} /> : null}
          {me?.leadsGrid ? <NavItem to="/residents" icon={<TeamOutlined />} label={t('nav.residents')} /> : null}
          {signedIn ? <NavItem to="/orgs" icon={<BankOutlined />} label={t('nav.orgs')} /> : null}
          <NavItem to="/rewards" icon={<GiftOutlined />} label={t('incentives.nav.rewards')} />
          {/* The phone's tab bar has no room for it: there the rewards page leads to the wallet. */}
          {signedIn ? <NavItem to="/wallet" icon={<WalletOutlined />} label={t('incentives.nav.wallet')} className="nav-wide-only" /> : null}
          <NavItem to={signedIn ? '/profile' : '/signin'} icon={<UserOutlined />} label={signedIn ? t('nav.profile') : t('nav.signIn')} />
        </ul>
        )}
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        <div role="status" aria-live="polite">
          {starting && !offline ? <Alert type="info" showIcon title={t('startup.waiting')} className="offline-alert" /> : null}
        </div>
        <div aria-live="assertive">
          {offline ? <Alert type="error" showIcon title={t('errors.network')} closable={{ 'aria-label': t('common.close') }} onClose={() => setOffline(false)} className="offline-alert" /> : null}
        </div>
        {children}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
        <p className="footer-links">
          <Link to="/incentives">{t('budgets.public.title')}</Link> · <Link to="/verify">{t('certificates.verify.title')}</Link>
        </p>
      </footer>
    </div>
  );
}
