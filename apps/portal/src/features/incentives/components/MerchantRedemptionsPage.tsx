import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading } from '../../../lib/ui';
import { MERCHANT_REDEMPTIONS_PAGE_SIZE, useMerchantRedemptions } from '../api/merchant-redemptions';
import { MerchantGate } from './MerchantGate';
import { RedemptionStatusTag } from './RedemptionStatusTag';

function MerchantRedemptions({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, refetch, fetchMore } = useMerchantRedemptions(orgId);
  const conn = data?.merchantRedemptions;
  return (
    <section className="panel" aria-labelledby="merchant-redemptions">
      <h2 id="merchant-redemptions">{t('incentives.redemptions.count', { count: conn?.totalCount ?? 0 })}</h2>
      {!conn && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {conn && conn.edges.length === 0 ? <EmptyState text={t('incentives.redemptions.none')} /> : null}
      <ul className="plain-list">
        {conn?.edges.map(({ node }) => (
          <li key={node.id} className="record-row">
            <span className="record-title">{node.reward.title}</span>
            <RedemptionStatusTag status={node.status} />
            <span>{t('incentives.amount.points', { sign: '', count: node.points })}</span>
            <span>{node.onBehalfOf ? t('incentives.counter.forProxy', { name: node.user.displayName }) : t('incentives.counter.for', { name: node.user.displayName })}</span>
            {node.confirmedAt ? (
              <span className="hint">{node.confirmedBy ? t('incentives.redemptions.confirmedBy', { time: f.dateTime(node.confirmedAt), name: node.confirmedBy.displayName }) : t('incentives.counter.at', { time: f.dateTime(node.confirmedAt) })}</span>
            ) : (
              <span className="hint">{t('incentives.mine.expires', { time: f.dateTime(node.expiresAt) })}</span>
            )}
          </li>
        ))}
      </ul>
      {conn?.pageInfo.hasNextPage ? (
        <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: MERCHANT_REDEMPTIONS_PAGE_SIZE } })}>
          {t('incentives.redemptions.more')}
        </Button>
      ) : null}
    </section>
  );
}

/** The codes redeemed at this merchant, newest first (its ADMINs and OWNER). */
export function MerchantRedemptionsPage({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  return (
    <MerchantGate orgId={orgId} title={t('incentives.redemptions.title')} admin>
      {() => <MerchantRedemptions orgId={orgId} />}
    </MerchantGate>
  );
}
