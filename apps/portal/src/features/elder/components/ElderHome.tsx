import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CalendarOutlined, EnvironmentOutlined, PhoneOutlined, SoundOutlined, LoginOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useSession } from '../../../lib/auth';
import { ErrorAlert, PageTitle } from '../../../lib/ui';
import { useElderHome } from '../api/elder-home';

/** A phone number read out in groups (138 0000 0002), easier to check by eye. */
export function groupedPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}

function Action({ to, href, icon, label, hint }: { to?: string; href?: string; icon: ReactNode; label: string; hint?: string }) {
  const body = (
    <>
      <span className="elder-action-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="elder-action-text">
        <span className="elder-action-label">{label}</span>
        {hint ? <span className="elder-action-hint">{hint}</span> : null}
      </span>
    </>
  );
  return <li>{href ? <a className="elder-action" href={href}>{body}</a> : <Link className="elder-action" to={to ?? '/'}>{body}</Link>}</li>;
}

/** Elder mode's home: a few large actions in plain words instead of the shift board. */
export function ElderHome() {
  const { t } = useTranslation();
  const { me, signedIn } = useSession();
  const home = useElderHome(!signedIn);
  const all = home.data?.myGridLeaders ?? [];
  // (a grid leader living in their own grid is not offered a call to themselves)
  const leaders = all.filter((l) => l.phone && l.userId !== home.data?.me?.id);
  const knowsHome = home.data?.me?.homeRegion?.level === 'GRID';

  if (!signedIn) {
    return (
      <section className="elder-home">
        <PageTitle>{t('elder.home.welcome')}</PageTitle>
        <p className="lead">{t('elder.home.signInFirst')}</p>
        <ul className="elder-actions">
          <Action to="/signin" icon={<LoginOutlined />} label={t('elder.home.signIn')} />
        </ul>
      </section>
    );
  }

  return (
    <section className="elder-home">
      <PageTitle title={t('elder.home.title')}>{me ? t('elder.home.hello', { name: me.displayName }) : t('elder.home.title')}</PageTitle>
      <ul className="elder-actions">
        <Action to="/elder/next-shift" icon={<CalendarOutlined />} label={t('elder.home.nextShift')} />
        <Action to="/elder/today" icon={<EnvironmentOutlined />} label={t('elder.home.today')} />
        <Action to="/elder/ask-for-help" icon={<SoundOutlined />} label={t('elder.home.askForHelp')} />
        {leaders.map((l) => (
          <Action key={l.userId} href={`tel:${l.phone}`} icon={<PhoneOutlined />} label={t('elder.home.callLeader', { name: l.displayName })} hint={groupedPhone(l.phone ?? '')} />
        ))}
      </ul>
      {home.data && !all.length ? (
        <p className="elder-note" role="note">
          {knowsHome ? t('elder.home.noLeader') : t('elder.home.noHomeGrid')} {knowsHome ? null : <Link to="/profile">{t('elder.home.setHome')}</Link>}
        </p>
      ) : null}
      <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />
    </section>
  );
}
