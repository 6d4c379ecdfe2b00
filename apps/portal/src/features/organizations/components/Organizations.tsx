import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { regionLabel } from '../../../lib/regions';
import { EmptyState, ErrorAlert, LinkButton, Loading, PageTitle, Pill } from '../../../lib/ui';
import { useMyOrganizations } from '../api/my-organizations';
import { MyInvitedMemberships } from './MyInvitedMemberships';
import { useDisplayName } from '../../../lib/i18n';

/** The organisations I belong to, with my role; a way to register a new one. */
export function Organizations() {
  const { t, i18n } = useTranslation();
  const show = useDisplayName();
  const labels = useLabels();
  const { data, loading, error, refetch } = useMyOrganizations();
  const memberships = (data?.me?.memberships ?? []).filter((m) => m.status === 'ACTIVE');
  return (
    <>
      <PageTitle
        extra={
          <LinkButton type="primary" to="/orgs/new">
            {t('org.create')}
          </LinkButton>
        }
      >
        {t('org.mine')}
      </PageTitle>
      <nav className="link-row" aria-label={t('org.more')}>
        <Link to="/orgs/directory">{t('directory.title')}</Link>
        <Link to="/alliances">{t('alliance.listTitle')}</Link>
        {data?.me?.role === 'OFFICIAL' || data?.me?.role === 'ADMIN' ? <Link to="/official">{t('official.title')}</Link> : null}
      </nav>
      <MyInvitedMemberships />
      {error && !data ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {!data && loading ? <Loading /> : null}
      {data && memberships.length === 0 ? <EmptyState text={t('org.none')} /> : null}
      <ul className="card-list">
        {memberships.map((m) => (
          <li key={m.id}>
            <article className="shift-card" aria-labelledby={`o-${m.id}`}>
              <div className="pill-row">
                <Pill tone="blue">{labels.orgKind(m.organization.kind)}</Pill>
                {m.organization.verified ? <Pill tone="green">{t('org.verified')}</Pill> : <Pill tone="grey">{t('org.unverified')}</Pill>}
              </div>
              <h2 id={`o-${m.id}`} className="shift-card-title">
                <Link to={`/orgs/${m.organization.id}`}>{show(m.organization)}</Link>
              </h2>
              <p>
                {t('org.myRole')}: {labels.role(m.role)} · {regionLabel(m.organization.region, i18n.language)}
              </p>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
