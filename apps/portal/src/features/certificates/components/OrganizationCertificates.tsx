import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth';
import { useDisplayName } from '../../../lib/i18n';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import type { CertificateStatus } from '../../../gql/graphql';
import { CERTIFICATES_PAGE } from '../api/certificate-fields';
import { useOrganizationCertificates } from '../api/organization-certificates';
import { CertificateQueue } from './CertificateQueue';
import { SealPanel } from './SealPanel';

const ADMIN_ROLES = new Set(['OWNER', 'ADMIN']);

/** The organisation's certificates (its ADMIN and above): the queue, revocation, and the seal. */
export function OrganizationCertificates({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const { me, loading: sessionLoading } = useSession();
  const admin = me?.memberships.some((m) => m.organization.id === organizationId && ADMIN_ROLES.has(m.role)) ?? false;
  const [status, setStatus] = useState<CertificateStatus | undefined>('REQUESTED');
  const { data, loading, error, refetch, fetchMore } = useOrganizationCertificates(organizationId, status);
  const back = <Link to={`/orgs/${organizationId}`}>{t('certificates.org.back')}</Link>;
  if (sessionLoading) return <Loading />;
  if (!admin)
    return (
      <>
        <p className="breadcrumb">{back}</p>
        <PageTitle>{t('certificates.org.title')}</PageTitle>
        <EmptyState text={t('certificates.org.adminsOnly')} />
      </>
    );
  const org = data?.organization;
  return (
    <>
      <p className="breadcrumb">{back}</p>
      <PageTitle>{org ? t('certificates.org.titleOf', { organization: show(org) }) : t('certificates.org.title')}</PageTitle>
      <p className="lead">{t('certificates.org.lead')}</p>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      <section className="panel" aria-labelledby="org-certificates-queue">
        <h2 id="org-certificates-queue">{t('certificates.org.queue')}</h2>
        <CertificateQueue
          conn={data?.organizationCertificates}
          loading={loading}
          status={status}
          onStatus={setStatus}
          onMore={(after) => void fetchMore({ variables: { after, first: CERTIFICATES_PAGE } })}
        />
      </section>
      {org ? (
        <section className="panel" aria-labelledby="org-certificates-seal">
          <h2 id="org-certificates-seal">{t('certificates.seal.title')}</h2>
          <SealPanel organizationId={organizationId} hasSeal={org.hasSeal} />
        </section>
      ) : null}
    </>
  );
}
