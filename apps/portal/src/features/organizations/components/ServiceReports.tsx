import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormatters } from '../../../lib/time';
import { ConfirmIrreversible, EmptyState, ErrorAlert, Loading } from '../../../lib/ui';
import type { PendingServiceReportsQuery } from '../../../gql/graphql';
import { SERVICE_REPORTS_PAGE, usePendingServiceReports } from '../api/pending-service-reports';
import { useDecideReportedServiceMutation } from '../api/decide-reported-service';
import { useDisplayName } from '../../../lib/i18n';

type Report = NonNullable<PendingServiceReportsQuery['organization']>['pendingServiceReports']['edges'][number]['node'];

/** One report: what the volunteer says they did, with approve, or reject with a reason they are told. */
function ReportRow({ report, selfId }: { report: Report; selfId?: string }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const [decide, { loading }] = useDecideReportedServiceMutation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missingReason, setMissingReason] = useState(false);
  const name = report.volunteer.displayName;
  // Nobody decides their own hours, nor hours they reported for someone else (the API refuses too).
  const mine = report.volunteer.id === selfId || report.reportedBy.id === selfId;

  const run = async (approve: boolean) => {
    setError(null);
    if (!approve && !reason.trim()) {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    try {
      await decide({ variables: { input: { serviceRecordId: report.id, approve, reason: reason.trim() || undefined } } });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <li className="claim-row">
      <div className="claim-row-main">
        <strong>{name}</strong> <span>{report.volunteer.phone}</span>
        {report.reportedBy.id !== report.volunteer.id ? <span className="hint">{t('serviceReports.reportedBy', { name: report.reportedBy.displayName })}</span> : null}
      </div>
      <p>
        {f.date(`${report.servedOn}T12:00:00+08:00`)} · {t('myShifts.minutes', { count: report.minutes })}
        {report.task ? ` · ${show(report.task.title)}` : null}
      </p>
      <p className="description">{report.description}</p>
      {mine ? (
        <p className="hint">{t('serviceReports.ownReport')}</p>
      ) : (
        <Form layout="vertical" component="div" className="verify-form">
          <Form.Item
            label={t('serviceReports.reason', { name })}
            htmlFor={`reason-${report.id}`}
            validateStatus={missingReason ? 'error' : undefined}
            help={missingReason ? t('serviceReports.reasonRequired') : t('serviceReports.reasonHint')}
          >
            <Input.TextArea id={`reason-${report.id}`} rows={2} maxLength={Limits.serviceDecisionReasonMaxLength} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
          <div className="button-row">
            <ConfirmIrreversible
              loading={loading}
              title={t('irreversible.approveReport.title', { name, minutes: report.minutes })}
              consequence={t('irreversible.approveReport.consequence', { name })}
              confirmText={t('irreversible.approveReport.confirm')}
              onConfirm={() => run(true)}
            >
              {t('serviceReports.approve', { name })}
            </ConfirmIrreversible>
            <Button danger loading={loading} onClick={() => void run(false)}>
              {t('serviceReports.reject', { name })}
            </Button>
          </div>
        </Form>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}

/** The organisation's reports of hours awaiting a decision, for its coordinators. */
export function ServiceReports({ organizationId, selfId }: { organizationId: string; selfId?: string }) {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore, refetch } = usePendingServiceReports(organizationId);
  const conn = data?.organization?.pendingServiceReports;
  if (!conn && loading) return <Loading />;
  if (error && !conn) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!conn) return null;
  return (
    <>
      <p>{t('serviceReports.count', { count: conn.totalCount })}</p>
      {conn.edges.length === 0 ? <EmptyState text={t('serviceReports.none')} /> : null}
      <ul className="plain-list">
        {conn.edges.map(({ node }) => (
          <ReportRow key={node.id} report={node} selfId={selfId} />
        ))}
      </ul>
      {conn.pageInfo.hasNextPage ? (
        <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: SERVICE_REPORTS_PAGE } })}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
