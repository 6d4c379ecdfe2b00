import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDisplayName } from '../../../lib/i18n';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { useWallet } from '../api/wallet';
import { DonateTimeCreditsForm } from './DonateTimeCreditsForm';
import { PointsHistory } from './PointsHistory';
import { StarLevel } from './StarLevel';

/** My points and time credits, star level, honours and history; and giving time credits to an elder. */
export function WalletPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const show = useDisplayName();
  const { data, loading, error, refetch } = useWallet();
  const me = data?.me;
  if (!data && loading) return <Loading />;
  if (!me) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle extra={<Link to="/rewards">{t('incentives.wallet.toRewards')}</Link>}>{t('incentives.wallet.title')}</PageTitle>
      <section className="panel" aria-labelledby="wallet-balances">
        <h2 id="wallet-balances">{t('incentives.wallet.balances')}</h2>
        <dl className="wallet-figures">
          <div className="big-figure">
            <dt>{t('incentives.currency.POINTS')}</dt>
            <dd>
              <strong>{me.pointsBalance ?? 0}</strong>
            </dd>
          </div>
          <div className="big-figure">
            <dt>{t('incentives.currency.TIME_CREDITS')}</dt>
            <dd>
              <strong>{t('incentives.balance.minutes', { count: me.timeCreditMinutes ?? 0 })}</strong>
              {me.timeCreditMinutes ? <span className="hint"> ({f.hours(me.timeCreditMinutes)})</span> : null}
            </dd>
          </div>
        </dl>
        <p className="hint">{t('incentives.wallet.explain')}</p>
      </section>
      <section className="panel" aria-labelledby="wallet-stars">
        <h2 id="wallet-stars">{t('incentives.stars.title')}</h2>
        <StarLevel level={me.starLevel} verifiedMinutes={me.verifiedServiceMinutes} />
      </section>
      <section className="panel" aria-labelledby="wallet-honours">
        <h2 id="wallet-honours">{t('incentives.honours.title')}</h2>
        {me.honours.length === 0 ? <EmptyState text={t('incentives.honours.none')} /> : null}
        <ul className="plain-list">
          {me.honours.map((h) => (
            <li key={h.id} className="record-row">
              <span className="record-title">{h.title}</span>
              <span>{t('incentives.honours.by', { name: show(h.awardedBy), date: f.date(h.awardedAt) })}</span>
              <span className="record-description">{h.reason}</span>
            </li>
          ))}
        </ul>
      </section>
      <PointsHistory />
      <DonateTimeCreditsForm balance={me.timeCreditMinutes} />
    </>
  );
}
