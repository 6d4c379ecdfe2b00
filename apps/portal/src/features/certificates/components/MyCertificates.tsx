import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDisplayName } from '../../../lib/i18n';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { CERTIFICATES_PAGE } from '../api/certificate-fields';
import { useMyCertificates } from '../api/my-certificates';
import { CertificateStatusLine, CertificateStatusTag, MinutesByKind } from './CertificateStatus';
import { RequestCertificateForm } from './RequestCertificateForm';

/** The volunteer's service-record certificates (志愿服务记录证明) and the form to ask for one. */
export function MyCertificates() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const { data, loading, error, refetch, fetchMore } = useMyCertificates();
  const conn = data?.myCertificates;
  return (
    <>
      <PageTitle extra={<Link to="/verify">{t('certificates.verifyLink')}</Link>}>{t('certificates.title')}</PageTitle>
      <p className="lead">{t('certificates.lead')}</p>
      <section className="panel" aria-labelledby="certificates-mine">
        <h2 id="certificates-mine">{t('certificates.mine')}</h2>
        {!data && loading ? <Loading /> : null}
        {!data && error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        {conn && conn.edges.length === 0 ? <EmptyState text={t('certificates.none')} /> : null}
        {conn ? (
          <ul className="plain-list">
            {conn.edges.map(({ node }) => (
              <li key={node.id} className="claim-row">
                <div className="claim-row-main">
                  <strong>{show(node.organization)}</strong> <CertificateStatusTag status={node.status} />
                </div>
                <p>
                  {t('certificates.period', { from: f.date(node.periodFrom), to: f.date(node.periodTo) })} · <MinutesByKind cert={node} />
                </p>
                {node.serial ? (
                  <p className="hint">
                    {t('certificates.serial', { serial: node.serial })}
                    {node.issuedAt ? ` · ${t('certificates.issuedOn', { date: f.date(node.issuedAt) })}` : null}
                  </p>
                ) : null}
                <CertificateStatusLine cert={node} />
                {node.status === 'ISSUED' && node.pdfUrl ? (
                  <a href={node.pdfUrl} target="_blank" rel="noopener noreferrer" aria-label={t('certificates.pdfFor', { organization: show(node.organization) })}>
                    {t('certificates.pdf')}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {conn?.pageInfo.hasNextPage ? (
          <Button loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: CERTIFICATES_PAGE } })}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="certificates-request">
        <h2 id="certificates-request">{t('certificates.request.title')}</h2>
        <p className="hint">{t('certificates.request.lead')}</p>
        <RequestCertificateForm />
      </section>
    </>
  );
}
