import { Button, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert, Loading } from '../../../lib/ui';
import { useSettlementStatement } from '../api/settlement';
import { yuan } from '../hooks/code';
import { downloadText } from '../hooks/download';
import { currentMonth, isMonth, recentMonths } from '../hooks/months';
import { MerchantGate } from './MerchantGate';

function Statement({ orgId, month }: { orgId: string; month: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useSettlementStatement(orgId, month);
  const s = data?.settlementStatement;
  if (!data && loading) return <Loading />;
  if (!s) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <section className="panel" aria-labelledby="settlement-totals">
        <h2 id="settlement-totals">{t('incentives.settlement.totals', { month: s.month })}</h2>
        <dl className="wallet-figures">
          <div className="big-figure">
            <dt>{t('incentives.settlement.redemptions')}</dt>
            <dd>
              <strong>{s.redemptions}</strong>
            </dd>
          </div>
          <div className="big-figure">
            <dt>{t('incentives.settlement.points')}</dt>
            <dd>
              <strong>{s.points}</strong>
            </dd>
          </div>
          <div className="big-figure">
            <dt>{t('incentives.settlement.amount')}</dt>
            <dd>
              <strong>{t('incentives.yuan', { amount: yuan(s.amountFen) })}</strong>
            </dd>
          </div>
        </dl>
        <p className="hint">{s.rateFen != null ? t('incentives.settlement.rate', { amount: yuan(s.rateFen) }) : t('incentives.settlement.noRate')}</p>
        <Button onClick={() => downloadText(s.csv, `settlement-${s.month}.csv`)}>
          {t('incentives.settlement.download')}
        </Button>
      </section>
      <section className="panel" aria-labelledby="settlement-lines">
        <h2 id="settlement-lines">{t('incentives.settlement.lines')}</h2>
        {s.lines.length === 0 ? (
          <EmptyState text={t('incentives.settlement.none')} />
        ) : (
          <div className="table-scroll">
            <table className="settlement-table">
              <caption className="visually-hidden">{t('incentives.settlement.caption', { month: s.month })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('incentives.settlement.reward')}</th>
                  <th scope="col">{t('incentives.settlement.redemptions')}</th>
                  <th scope="col">{t('incentives.settlement.points')}</th>
                </tr>
              </thead>
              <tbody>
                {s.lines.map((l) => (
                  <tr key={l.reward.id}>
                    <th scope="row">{l.reward.title}</th>
                    <td>{l.redemptions}</td>
                    <td>{l.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** A merchant's monthly settlement (months in China's time): totals, lines per reward, the rate, and the CSV. */
export function SettlementPage({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = isMonth(asked) ? asked : currentMonth();
  const months = recentMonths();
  if (!months.includes(month)) months.push(month);
  return (
    <MerchantGate orgId={orgId} title={t('incentives.settlement.title')} admin>
      {() => (
        <>
          <div className="month-picker">
            <label htmlFor="settlement-month">{t('incentives.settlement.month')}</label>
            <Select id="settlement-month" value={month} onChange={(m: string) => setParams({ month: m }, { replace: true })} options={months.map((m) => ({ value: m, label: m }))} style={{ minWidth: 140 }} />
          </div>
          <Statement key={month} orgId={orgId} month={month} />
        </>
      )}
    </MerchantGate>
  );
}
