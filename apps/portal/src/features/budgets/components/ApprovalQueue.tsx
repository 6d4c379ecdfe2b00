import { useState } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth';
import { useFormatters } from '../../../lib/time';
import { ConfirmIrreversible, ErrorAlert, Loading, useListActionType } from '../../../lib/ui';
import type { IncentiveFieldsFragment } from '../../../gql/graphql';
import { useBudgetIncentives } from '../api/budget-incentives';
import { useDecideIncentiveMutation } from '../api/decide-incentive';

function PendingRow({ incentive }: { incentive: IncentiveFieldsFragment }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { me } = useSession();
  const primary = useListActionType();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [decide] = useDecideIncentiveMutation();
  const name = incentive.recipientName;
  const go = async (approve: boolean) => {
    setError(null);
    try {
      await decide({ variables: { input: { incentiveId: incentive.id, approve, reason: reason.trim() || undefined } } });
    } catch (e) {
      setError(e);
    }
  };
  const rid = `ireason-${incentive.id}`;
  const hint = `ireason-hint-${incentive.id}`;
  return (
    <li className="claim-row">
      <div className="claim-row-main">
        <strong>{t('budgets.points', { count: incentive.points })}</strong> → {name} <span className="hint">{f.date(incentive.createdAt)}</span>
      </div>
      <p>{incentive.reason}</p>
      <p className="hint">{t('budgets.queue.issuedBy', { name: incentive.issuedBy.displayName })}</p>
      {incentive.viewerCanDecide ? (
        <>
          <label htmlFor={rid} className="field-label">
            {t('budgets.queue.reasonLabel')}
          </label>
          <Input.TextArea id={rid} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={hint} />
          <p id={hint} className="hint">
            {t('budgets.queue.reasonHint')}
          </p>
          <div className="button-row">
            <ConfirmIrreversible
              type={primary}
              aria-label={t('budgets.queue.approveFor', { name, count: incentive.points })}
              title={t('budgets.queue.approveTitle', { name, count: incentive.points })}
              consequence={t('budgets.queue.approveConsequence', { name })}
              confirmText={t('budgets.queue.approve')}
              onConfirm={() => go(true)}
            >
              {t('budgets.queue.approve')}
            </ConfirmIrreversible>
            <ConfirmIrreversible
              danger
              disabled={!reason.trim()}
              aria-label={t('budgets.queue.rejectFor', { name, count: incentive.points })}
              title={t('budgets.queue.rejectTitle', { name, count: incentive.points })}
              consequence={t('budgets.queue.rejectConsequence', { name })}
              confirmText={t('budgets.queue.reject')}
              onConfirm={() => go(false)}
            >
              {t('budgets.queue.reject')}
            </ConfirmIrreversible>
          </div>
        </>
      ) : (
        <p className="status-explain">{incentive.issuedBy.id === me?.id ? t('budgets.queue.waitingOwn') : t('budgets.queue.waiting')}</p>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}

/** Incentives above the threshold, waiting for a second official of the office. */
export function ApprovalQueue({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useBudgetIncentives(organizationId, 'PENDING_APPROVAL');
  if (!data && loading) return <Loading />;
  if (!data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const rows = data.budgetIncentives.edges.filter(({ node }) => node.status === 'PENDING_APPROVAL');
  if (!rows.length) return <p className="hint">{t('budgets.queue.empty')}</p>;
  return (
    <ul className="plain-list">
      {rows.map(({ node }) => (
        <PendingRow key={node.id} incentive={node} />
      ))}
    </ul>
  );
}
