import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { BUDGET_INCENTIVES_PAGE, useBudgetIncentives } from '../api/budget-incentives';
import { IncentiveStatusTag } from './IncentiveStatusTag';

/** Every incentive of the office, newest first, with who decided and why. */
export function IncentiveHistory({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, refetch, fetchMore } = useBudgetIncentives(organizationId);
  if (!data && loading) return <Loading />;
  if (!data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const conn = data.budgetIncentives;
  if (!conn.edges.length) return <p className="hint">{t('budgets.history.empty')}</p>;
  return (
    <>
      <p className="hint">{t('budgets.history.count', { count: conn.totalCount })}</p>
      <ul className="plain-list">
        {conn.edges.map(({ node }) => (
          <li key={node.id} className="claim-row">
            <div className="claim-row-main">
              <strong>{t('budgets.points', { count: node.points })}</strong> → {node.recipientName} <IncentiveStatusTag status={node.status} /> <span className="hint">{f.date(node.createdAt)}</span>
            </div>
            <p>{node.reason}</p>
            <p className="hint">
              {t('budgets.queue.issuedBy', { name: node.issuedBy.displayName })}
              {node.approvedBy ? ` · ${t('budgets.history.approvedBy', { name: node.approvedBy.displayName })}` : null}
              {node.decidedAt ? ` · ${t('budgets.history.decidedOn', { date: f.date(node.decidedAt) })}` : null}
            </p>
            {node.status === 'REJECTED' && node.decidedReason ? <p className="status-explain">{t('budgets.history.rejectedBecause', { reason: node.decidedReason })}</p> : null}
          </li>
        ))}
      </ul>
      {conn.pageInfo.hasNextPage ? (
        <Button loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: BUDGET_INCENTIVES_PAGE } })}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
