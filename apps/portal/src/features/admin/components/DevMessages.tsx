import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { DevMessageItemFragment } from '../../../gql/graphql';
import { apiErrors } from '../../../lib/errors';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle, Pill } from '../../../lib/ui';
import { DEV_MESSAGES_PAGE_SIZE, useDevMessages } from '../api/dev-messages';
import { useDeadLetterJobs } from '../api/dead-letter-jobs';

export const DevMessageItemFragmentDoc = graphql(`
  fragment DevMessageItem on DevMessage {
    id
    channel
    recipient
    subject
    body
    createdAt
  }
`);

function DevMessageItem({ message: m }: { message: DevMessageItemFragment }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <li className="record-row claim-row">
      <div className="pill-row dev-message-head">
        <Pill tone={m.channel === 'SMS' ? 'teal' : 'purple'}>{t(`devMessages.channel.${m.channel}`, { defaultValue: m.channel })}</Pill>
        <strong>{m.recipient}</strong>
        <span className="hint">
          <time dateTime={m.createdAt}>{f.dateTime(m.createdAt)}</time>
        </span>
      </div>
      {m.subject ? <div>{m.subject}</div> : null}
      <pre className="dev-message-body">{m.body}</pre>
    </li>
  );
}

function FailedJobs() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, refetch } = useDeadLetterJobs();
  const jobs = data?.deadLetterJobs ?? [];
  return (
    <section className="panel" aria-labelledby="failed-jobs-heading">
      <h2 id="failed-jobs-heading">{t('devMessages.failedTitle')}</h2>
      <p className="hint">{t('devMessages.failedLead')}</p>
      {!data && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {data && jobs.length === 0 ? <p className="hint">{t('devMessages.noFailed')}</p> : null}
      <ul className="plain-list">
        {jobs.map((j) => (
          <li key={j.id} className="record-row claim-row">
            <div className="pill-row dev-message-head">
              <strong>{j.queue}</strong>
              <span className="hint">
                <time dateTime={j.createdOn}>{f.dateTime(j.createdOn)}</time>
              </span>
            </div>
            <pre className="dev-message-body">{JSON.stringify(j.data)}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** For administrators: the SMS and e-mails a demo would have sent, and deliveries that failed for good. */
export function DevMessages() {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useDevMessages();
  const conn = data?.devMessages;
  const forbidden = apiErrors(error).some((e) => e.code === 'FORBIDDEN');

  return (
    <>
      <PageTitle
        title={t('devMessages.title')}
        extra={
          forbidden ? null : (
            <Button onClick={() => void refetch()} loading={loading}>
              {t('devMessages.refresh')}
            </Button>
          )
        }
      >
        {t('devMessages.title')}
      </PageTitle>
      {forbidden ? (
        <EmptyState text={t('devMessages.adminOnly')} />
      ) : (
        <>
          <p className="lead">{t('devMessages.lead')}</p>
          <section className="panel" aria-labelledby="dev-messages-heading">
            <h2 id="dev-messages-heading">{conn ? t('devMessages.count', { count: conn.totalCount }) : t('devMessages.listTitle')}</h2>
            {!conn && loading ? <Loading /> : null}
            <ErrorAlert error={error} onRetry={() => void refetch()} />
            {conn && conn.edges.length === 0 ? <EmptyState text={t('devMessages.empty')} /> : null}
            <ul className="plain-list">
              {conn?.edges.map(({ node }) => <DevMessageItem key={node.id} message={node} />)}
            </ul>
            {conn?.pageInfo.hasNextPage ? (
              <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: DEV_MESSAGES_PAGE_SIZE } })}>
                {t('common.loadMore')}
              </Button>
            ) : null}
          </section>
          <FailedJobs />
        </>
      )}
    </>
  );
}
