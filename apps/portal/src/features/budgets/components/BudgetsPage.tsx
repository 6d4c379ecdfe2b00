import { useState } from 'react';
import { Select } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDisplayName } from '../../../lib/i18n';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import type { BudgetFieldsFragment } from '../../../gql/graphql';
import { useMyBudgets } from '../api/my-budgets';
import { BudgetFigures } from './BudgetFigures';
import { AllocateForm } from './AllocateForm';
import { ConfigureForm } from './ConfigureForm';
import { IssueIncentiveForm } from './IssueIncentiveForm';
import { ApprovalQueue } from './ApprovalQueue';
import { IncentiveHistory } from './IncentiveHistory';

function BudgetPanel({ budget }: { budget: BudgetFieldsFragment }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const id = budget.organization.id;
  return (
    <>
      <section className="panel" aria-labelledby={`budget-${id}`}>
        <h2 id={`budget-${id}`}>{t('budgets.figuresTitle', { office: show(budget.organization) })}</h2>
        <BudgetFigures budget={budget} />
      </section>
      {budget.viewerCanAllocate ? (
        <>
          <section className="panel" aria-labelledby={`allocate-${id}-heading`}>
            <h2 id={`allocate-${id}-heading`}>{t('budgets.allocate.title')}</h2>
            <AllocateForm budget={budget} />
          </section>
          <section className="panel" aria-labelledby={`configure-${id}-heading`}>
            <h2 id={`configure-${id}-heading`}>{t('budgets.configure.title')}</h2>
            <ConfigureForm key={`${budget.pointsPerHour}-${budget.approvalThreshold}`} budget={budget} />
          </section>
        </>
      ) : null}
      {budget.viewerCanIssue ? (
        <section className="panel" aria-labelledby={`issue-${id}-heading`}>
          <h2 id={`issue-${id}-heading`}>{t('budgets.issue.title')}</h2>
          <p className="hint">{t('budgets.issue.lead', { count: budget.remaining })}</p>
          <IssueIncentiveForm budget={budget} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby={`queue-${id}-heading`}>
        <h2 id={`queue-${id}-heading`}>{t('budgets.queue.title')}</h2>
        <ApprovalQueue organizationId={id} />
      </section>
      <section className="panel" aria-labelledby={`history-${id}-heading`}>
        <h2 id={`history-${id}-heading`}>{t('budgets.history.title')}</h2>
        <IncentiveHistory organizationId={id} />
      </section>
    </>
  );
}

/** The officials' budget page: one street office at a time. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const show = useDisplayName();
  const { data, loading, error, refetch } = useMyBudgets();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const title = <PageTitle extra={<Link to="/incentives">{t('budgets.publicLink')}</Link>}>{t('budgets.title')}</PageTitle>;
  if (!data && loading) return <Loading />;
  if (!data)
    return (
      <>
        {title}
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </>
    );
  const budgets = data.myBudgets;
  const budget = budgets.find((b) => b.organization.id === chosen) ?? budgets[0];
  return (
    <>
      {title}
      <p className="lead">{t('budgets.lead')}</p>
      {!budget ? <EmptyState text={t('budgets.none')} /> : null}
      {budgets.length > 1 ? (
        <label className="stack-field">
          <span className="field-label">{t('budgets.office')}</span>
          <Select value={budget?.organization.id} onChange={setChosen} aria-label={t('budgets.office')} options={budgets.map((b) => ({ value: b.organization.id, label: show(b.organization) }))} />
        </label>
      ) : null}
      {budget ? <BudgetPanel key={budget.organization.id} budget={budget} /> : null}
    </>
  );
}
