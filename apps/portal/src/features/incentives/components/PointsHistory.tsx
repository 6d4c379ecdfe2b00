import { useState } from 'react';
import { Button, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Currency, LedgerEntryFieldsFragment } from '../../../gql/graphql';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading } from '../../../lib/ui';
import { HISTORY_PAGE_SIZE, usePointsHistory } from '../api/points-history';

/** "+10 points" / "−30 minutes": the amount signed as this account sees it. */
export function useAmountWords() {
  const { t } = useTranslation();
  return (currency: Currency, amount: number) => {
    const sign = amount > 0 ? '+' : amount < 0 ? '−' : '';
    const count = Math.abs(amount);
    return currency === 'POINTS' ? t('incentives.amount.points', { sign, count }) : t('incentives.amount.minutes', { sign, count });
  };
}

function EntryRow({ entry }: { entry: LedgerEntryFieldsFragment }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const amount = useAmountWords();
  const balance = entry.currency === 'POINTS' ? t('incentives.balance.points', { count: entry.balanceAfter }) : t('incentives.balance.minutes', { count: entry.balanceAfter });
  return (
    <li className="record-row ledger-row">
      <span className="record-title">{t(`incentives.kind.${entry.kind}`)}</span>
      <strong className={entry.amount < 0 ? 'amount amount-out' : 'amount amount-in'}>{amount(entry.currency, entry.amount)}</strong>
      {entry.counterparty ? <span>{t('incentives.history.counterparty', { name: entry.counterparty })}</span> : null}
      <span>{t('incentives.history.balanceAfter', { balance })}</span>
      <span className="hint">{f.dateTime(entry.createdAt)}</span>
      {entry.memo ? <span className="record-description">{entry.memo}</span> : null}
    </li>
  );
}

/** The wallet's history, points or time credits, newest first, a page at a time. */
export function PointsHistory() {
  const { t } = useTranslation();
  const [currency, setCurrency] = useState<Currency>('POINTS');
  const { data, loading, error, fetchMore, refetch } = usePointsHistory(currency);
  const conn = data?.pointsHistory;
  const [more, setMore] = useState(false);
  const loadMore = async () => {
    if (!conn) return;
    setMore(true);
    try {
      await fetchMore({ variables: { after: conn.pageInfo.endCursor, first: HISTORY_PAGE_SIZE } });
    } finally {
      setMore(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="wallet-history">
      <h2 id="wallet-history">{t('incentives.history.title')}</h2>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={currency}
        onChange={(e) => setCurrency(e.target.value as Currency)}
        aria-label={t('incentives.history.currency')}
        options={[
          { value: 'POINTS', label: t('incentives.currency.POINTS') },
          { value: 'TIME_CREDITS', label: t('incentives.currency.TIME_CREDITS') },
        ]}
      />
      {!conn && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {conn ? (
        <>
          <p className="hint" aria-live="polite">
            {t('incentives.history.count', { count: conn.totalCount })}
          </p>
          {conn.edges.length === 0 ? <EmptyState text={t('incentives.history.empty')} /> : null}
          <ul className="plain-list">
            {conn.edges.map(({ node }) => (
              <EntryRow key={node.id} entry={node} />
            ))}
          </ul>
          {conn.pageInfo.hasNextPage ? (
            <Button block loading={more} onClick={() => void loadMore()}>
              {t('incentives.history.more')}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
