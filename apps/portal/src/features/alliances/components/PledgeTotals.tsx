import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { dayjs } from '../../../lib/time';
import { EmptyState } from '../../../lib/ui';
import type { AlliancePageQuery } from '../../../gql/graphql';
import { usePledgeUnits } from '../hooks/use-pledge-units';

type Total = NonNullable<AlliancePageQuery['alliance']>['pledgeTotals'][number];

/** What the members did per month and pledge, each unit summed on its own ("15.5 kg, 2 bags"), newest month first. */
export function PledgeTotals({ totals }: { totals: readonly Total[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const units = usePledgeUnits();
  const months = new Map<string, Map<string, Total[]>>();
  for (const row of totals) {
    const month = months.get(row.month) ?? new Map<string, Total[]>();
    months.set(row.month, month);
    month.set(row.pledge, [...(month.get(row.pledge) ?? []), row]);
  }
  return (
    <section className="panel" aria-labelledby="alliance-totals">
      <h2 id="alliance-totals">{t('alliance.totalsTitle')}</h2>
      <p className="hint">{t('alliance.totalsLead')}</p>
      {totals.length === 0 ? <EmptyState text={t('alliance.totalsNone')} /> : null}
      {[...months].map(([month, pledges]) => (
        <section key={month} aria-labelledby={`totals-${month}`}>
          <h3 id={`totals-${month}`}>{dayjs(`${month}-01`).format(t('alliance.monthFormat'))}</h3>
          <dl className="facts">
            {[...pledges].map(([pledge, rows]) => (
              <div key={pledge}>
                <dt>{labels.pledge(pledge)}</dt>
                <dd>
                  {rows.map((r) => units.quantity(r.quantity, r.unit)).join(t('common.listSeparator'))}
                  <span className="hint"> · {t('alliance.totalRecords', { count: rows.reduce((n, r) => n + r.records, 0) })}</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
