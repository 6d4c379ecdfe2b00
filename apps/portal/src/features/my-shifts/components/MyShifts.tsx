import { Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle, ReportedStatusTag, ServiceStatusTag } from '../../../lib/ui';
import { MY_CLAIMS_PAGE, useMyClaims } from '../api/my-claims';
import { MY_REPORTED_SERVICE_PAGE, useMyReportedService } from '../api/my-reported-service';
import { MY_SERVICE_PAGE, useMyService } from '../api/my-service';
import { useNow } from '../hooks/use-now';
import { ClaimCard } from './ClaimCard';
import { ReportHoursForm } from './ReportHoursForm';
import { useDisplayName } from '../../../lib/i18n';

function ClaimList({ upcoming }: { upcoming: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  const { data, loading, error, fetchMore, refetch } = useMyClaims(upcoming);
  const conn = data?.myClaims;
  if (!conn && loading) return <Loading />;
  if (error && !conn) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!conn || conn.edges.length === 0)
    return (
      <EmptyState text={upcoming ? t('myShifts.emptyUpcoming') : t('myShifts.emptyPast')}>
        {upcoming ? <Link to="/">{t('myShifts.findShifts')}</Link> : null}
      </EmptyState>
    );
  return (
    <>
      <ul className="card-list">
        {conn.edges.map(({ node }) => (
          <li key={node.id}>
            <ClaimCard claim={node} now={now} />
          </li>
        ))}
      </ul>
      {conn.pageInfo.hasNextPage ? (
        <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: MY_CLAIMS_PAGE } })}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}

/** Hours reported (served elsewhere, or on a paper sheet), with where each stands: they count once verified. */
function ReportedRecords() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const { data, loading, error, fetchMore } = useMyReportedService();
  const records = data?.myReportedService;
  return (
    <section className="subpanel" aria-labelledby="reported-heading">
      <h3 id="reported-heading">{t('myShifts.reportedTitle')}</h3>
      <p className="hint">{t('myShifts.reportedLead')}</p>
      {error ? <ErrorAlert error={error} /> : null}
      {!data && loading ? <Loading /> : null}
      {records && records.edges.length === 0 ? <EmptyState text={t('myShifts.noReported')} /> : null}
      {records && records.edges.length > 0 ? (
        <ul className="plain-list">
          {records.edges.map(({ node }) => (
            <li key={node.id} className="record-row">
              <span className="record-title">
                {show(node.organization)}
                {node.task ? ` · ${show(node.task.title)}` : null}
              </span>
              <span>{f.date(`${node.servedOn}T12:00:00+08:00`)}</span>
              <span>{t('myShifts.minutes', { count: node.minutes })}</span>
              <ReportedStatusTag status={node.status} />
              <span className="record-description description">{node.description}</span>
              {node.decisionReason && node.status === 'REJECTED' ? <span className="hint">{t('myShifts.reason', { reason: node.decisionReason })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {records?.pageInfo.hasNextPage ? (
        <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: records.pageInfo.endCursor, first: MY_REPORTED_SERVICE_PAGE } })}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </section>
  );
}

/** Verified hours in total, the minutes of attended claims, then the hours reported and a form to report more. */
function ServiceSummary() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const { data, loading, error, fetchMore } = useMyService();
  const records = data?.myServiceRecords;
  return (
    <section className="panel" aria-labelledby="service-heading">
      <h2 id="service-heading">{t('myShifts.serviceTitle')}</h2>
      {error ? <ErrorAlert error={error} /> : null}
      {!data && loading ? <Loading /> : null}
      {data?.me ? (
        <>
          <p className="big-figure">
            <span className="big-figure-label">{t('myShifts.totalVerified')}</span>
            <strong>{f.hours(data.me.serviceMinutes)}</strong>
          </p>
          {data.me.reportedMinutes > 0 ? <p className="hint">{t('myShifts.split', { checkedIn: f.hours(data.me.checkedInMinutes), reported: f.hours(data.me.reportedMinutes) })}</p> : null}
        </>
      ) : null}
      <section className="subpanel" aria-labelledby="checked-in-heading">
        <h3 id="checked-in-heading">{t('myShifts.checkedInTitle')}</h3>
        {records && records.edges.length === 0 ? <EmptyState text={t('myShifts.noService')} /> : null}
        {records && records.edges.length > 0 ? (
          <ul className="plain-list">
            {records.edges.map(({ node }) => (
              <li key={node.id} className="record-row">
                <span className="record-title">{show(node.claim.shift.task.title)}</span>
                <span>{f.date(node.claim.shift.startsAt)}</span>
                <span>{t('myShifts.minutes', { count: node.minutes })}</span>
                <ServiceStatusTag status={node.status} />
              </li>
            ))}
          </ul>
        ) : null}
        {records?.pageInfo.hasNextPage ? (
          <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: records.pageInfo.endCursor, first: MY_SERVICE_PAGE } })}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </section>
      <ReportedRecords />
      <section className="subpanel" aria-labelledby="report-hours-heading">
        <h3 id="report-hours-heading">{t('reportHours.title')}</h3>
        <p className="hint">{t('reportHours.lead')}</p>
        <ReportHoursForm />
      </section>
    </section>
  );
}

/** My shifts: upcoming and past claims (cancel, check in, check out), hours checked in and reported, and a report of hours served elsewhere. */
export function MyShifts() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('myShifts.title')}</PageTitle>
      <p className="breadcrumb">
        <Link to="/invitations">{t('invitations.title')}</Link> · <Link to="/certificates">{t('certificates.title')}</Link>
      </p>
      <ServiceSummary />
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('myShifts.claimsTitle')}</h2>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'upcoming', label: t('myShifts.upcoming'), children: <ClaimList upcoming /> },
            { key: 'past', label: t('myShifts.past'), children: <ClaimList upcoming={false} /> },
          ]}
        />
      </section>
    </>
  );
}
