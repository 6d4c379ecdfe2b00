import { useState } from 'react';
import { Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { ConfirmIrreversible, EmptyState, ErrorAlert, Loading, useListActionType } from '../../../lib/ui';
import type { CertificateStatus, OrganizationCertificatesQuery } from '../../../gql/graphql';
import { useDecideCertificateMutation } from '../api/decide-certificate';
import { useRevokeCertificateMutation } from '../api/revoke-certificate';
import { CertificateStatusLine, CertificateStatusTag, MinutesByKind } from './CertificateStatus';

type Row = OrganizationCertificatesQuery['organizationCertificates']['edges'][number]['node'];
const STATUSES: CertificateStatus[] = ['REQUESTED', 'PUBLICITY', 'ISSUED', 'REJECTED', 'REVOKED'];

function CertificateRow({ cert }: { cert: Row }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const primary = useListActionType();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [decide] = useDecideCertificateMutation();
  const [revoke] = useRevokeCertificateMutation();
  const name = cert.holder.displayName;
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setReason('');
    } catch (e) {
      setError(e);
    }
  };
  const canDecide = cert.status === 'REQUESTED';
  const canRevoke = cert.status === 'PUBLICITY' || cert.status === 'ISSUED';
  const rid = `creason-${cert.id}`;
  const hint = `creason-hint-${cert.id}`;
  return (
    <li className="claim-row">
      <div className="claim-row-main">
        <strong>{name}</strong> <CertificateStatusTag status={cert.status} /> <span className="hint">{t('certificates.requestedOn', { date: f.date(cert.requestedAt) })}</span>
      </div>
      <p>
        {t('certificates.period', { from: f.date(cert.periodFrom), to: f.date(cert.periodTo) })} · <MinutesByKind cert={cert} />
      </p>
      {cert.serial ? <p className="hint">{t('certificates.serial', { serial: cert.serial })}</p> : null}
      <CertificateStatusLine cert={cert} />
      {canDecide || canRevoke ? (
        <>
          <label htmlFor={rid} className="field-label">
            {t('certificates.queue.reasonLabel', { name })}
          </label>
          <Input.TextArea id={rid} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={hint} />
          <p id={hint} className="hint">
            {canDecide ? t('certificates.queue.reasonHintDecide') : t('certificates.queue.reasonHintRevoke')}
          </p>
          <div className="button-row">
            {canDecide ? (
              <>
                <ConfirmIrreversible
                  type={primary}
                  aria-label={t('certificates.queue.approveFor', { name })}
                  title={t('certificates.queue.approveTitle', { name, hours: f.hours(cert.minutes) })}
                  consequence={t('certificates.queue.approveConsequence', { name })}
                  confirmText={t('certificates.queue.approve')}
                  onConfirm={() => run(() => decide({ variables: { input: { certificateId: cert.id, approve: true, reason: reason.trim() || undefined } } }))}
                >
                  {t('certificates.queue.approve')}
                </ConfirmIrreversible>
                <ConfirmIrreversible
                  danger
                  disabled={!reason.trim()}
                  aria-label={t('certificates.queue.rejectFor', { name })}
                  title={t('certificates.queue.rejectTitle', { name })}
                  consequence={t('certificates.queue.rejectConsequence', { name })}
                  confirmText={t('certificates.queue.reject')}
                  onConfirm={() => run(() => decide({ variables: { input: { certificateId: cert.id, approve: false, reason: reason.trim() } } }))}
                >
                  {t('certificates.queue.reject')}
                </ConfirmIrreversible>
              </>
            ) : (
              <ConfirmIrreversible
                danger
                disabled={!reason.trim()}
                aria-label={t('certificates.queue.revokeFor', { name })}
                title={t('certificates.queue.revokeTitle', { name, serial: cert.serial ?? '' })}
                consequence={t('certificates.queue.revokeConsequence', { name })}
                confirmText={t('certificates.queue.revoke')}
                onConfirm={() => run(() => revoke({ variables: { id: cert.id, reason: reason.trim() } }))}
              >
                {t('certificates.queue.revoke')}
              </ConfirmIrreversible>
            )}
          </div>
        </>
      ) : null}
      <ErrorAlert error={error} />
    </li>
  );
}

/** The organisation's certificate requests and certificates, filtered by status. */
export function CertificateQueue({ conn, loading, status, onStatus, onMore }: {
  conn: OrganizationCertificatesQuery['organizationCertificates'] | undefined;
  loading: boolean;
  status: CertificateStatus | undefined;
  onStatus(status: CertificateStatus | undefined): void;
  onMore(after: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="stack-field narrow-form">
        <span className="field-label">{t('certificates.queue.filter')}</span>
        <Select
          aria-label={t('certificates.queue.filter')}
          value={status ?? 'ALL'}
          onChange={(v: string) => onStatus(v === 'ALL' ? undefined : (v as CertificateStatus))}
          options={[{ value: 'ALL', label: t('certificates.queue.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`certificates.status.${s}`) }))]}
        />
      </label>
      {!conn && loading ? <Loading /> : null}
      {conn ? (
        <>
          <p className="hint" aria-live="polite">
            {t('certificates.queue.count', { count: conn.totalCount })}
          </p>
          {conn.edges.length === 0 ? <EmptyState text={t('certificates.queue.empty')} /> : null}
          <ul className="plain-list">
            {conn.edges.map(({ node }) => (
              <CertificateRow key={node.id} cert={node} />
            ))}
          </ul>
          {conn.pageInfo.hasNextPage && conn.pageInfo.endCursor ? (
            <Button loading={loading} onClick={() => onMore(conn.pageInfo.endCursor!)}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

