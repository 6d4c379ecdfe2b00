import { useTranslation } from 'react-i18next';
import type { BudgetFieldsFragment } from '../../../gql/graphql';

/** The four figures of a budget and its two settings. */
export function BudgetFigures({ budget }: { budget: BudgetFieldsFragment }) {
  const { t } = useTranslation();
  const rows: [string, number][] = [
    [t('budgets.allocated'), budget.allocated],
    [t('budgets.issued'), budget.issued],
    [t('budgets.pendingApproval'), budget.pendingApproval],
    [t('budgets.remaining'), budget.remaining],
  ];
  return (
    <>
      <dl className="facts budget-figures">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{t('budgets.points', { count: value })}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('budgets.settingsLine', { perHour: budget.pointsPerHour, threshold: budget.approvalThreshold })}</p>
    </>
  );
}
