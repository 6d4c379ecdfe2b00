import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { useProfile } from '../api/profile';
import { ProfileForm } from './ProfileForm';
import { ProxySection } from './ProxySection';
import { DependantsSection } from './DependantsSection';
import { AvailabilityForm } from './AvailabilityForm';
import { ChangePasswordForm } from './ChangePasswordForm';
import { AccountSection } from './AccountSection';
import { ConsentsSection } from './ConsentsSection';
import { NotificationSettingsForm } from './NotificationSettingsForm';

export function Profile() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, refetch } = useProfile();
  const me = data?.me;

  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      {!data && loading ? <Loading /> : null}
      {error && !me ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {me ? (
        <>
          <section className="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t('profile.details')}</h2>
            <p className="hint">
              {t('profile.phone')}: {me.phone} · {t('profile.totalService')}: {f.hours(me.serviceMinutes)} · {t('profile.attendance')}:{' '}
              {me.attendanceRate != null ? t('profile.attendanceRate', { percent: Math.round(me.attendanceRate * 100) }) : t('profile.attendanceNone')}
            </p>
            <ProfileForm key={me.id} me={me} />
          </section>
          <section className="panel" aria-labelledby="availability-heading">
            <h2 id="availability-heading">{t('availability.title')}</h2>
            <p className="hint">{t('availability.lead')}</p>
            <AvailabilityForm key={me.id} me={me} />
          </section>
          <section className="panel" aria-labelledby="notification-settings-heading">
            <h2 id="notification-settings-heading">{t('notificationSettings.title')}</h2>
            <p className="hint">{t('notificationSettings.lead')}</p>
            <NotificationSettingsForm hasEmail={Boolean(me.email)} />
          </section>
          <ProxySection grants={me.proxyGrants} />
          <DependantsSection dependants={me.dependants} />
          <section className="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">{t('changePassword.title')}</h2>
            <p className="hint">{t('changePassword.lead')}</p>
            <ChangePasswordForm key={me.id} phone={me.phone} />
          </section>
          <ConsentsSection />
          <AccountSection />
        </>
      ) : null}
    </>
  );
}
