import { useState } from 'react';
import { Alert, Button, InputNumber, Modal, Select } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RedemptionFieldsFragment, RewardCardFieldsFragment, RewardFilter } from '../../../gql/graphql';
import { useActing } from '../../../lib/acting/ActingProvider';
import { useSession } from '../../../lib/auth';
import { useDisplayName } from '../../../lib/i18n';
import { RegionCascader } from '../../../lib/regions';
import { EmptyState, ErrorAlert, LinkButton, Loading, PageTitle, useListActionType } from '../../../lib/ui';
import { REWARDS_PAGE_SIZE, useRewardAlliances, useRewards } from '../api/rewards';
import { useRedeemRewardMutation } from '../api/redemptions';
import { useWallet } from '../api/wallet';
import { incentiveErrorText } from '../hooks/errors';
import { useIdempotencyKey } from '../hooks/idempotency';
import { MyRedemptions, RedemptionCodeDialog } from './MyRedemptions';
import { RewardCard } from './RewardCard';

function Filters({ value, onChange }: { value: { region: string[]; allianceId?: string; maxPointsCost?: number | null }; onChange(v: typeof value): void }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const regionId = value.region[value.region.length - 1] ?? null;
  const alliances = useRewardAlliances(regionId);
  return (
    <form className="filters reward-filters" aria-label={t('incentives.catalogue.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="inline-fields">
        <div className="stack-field">
          <label htmlFor="reward-region">{t('incentives.catalogue.region')}</label>
          <RegionCascader id="reward-region" anyLevel value={value.region} onChange={(region) => onChange({ ...value, region, allianceId: undefined })} placeholder={t('incentives.catalogue.anyRegion')} />
        </div>
        <div className="stack-field">
          <label htmlFor="reward-alliance">{t('incentives.catalogue.alliance')}</label>
          <Select
            id="reward-alliance"
            allowClear
            value={value.allianceId}
            onChange={(allianceId?: string) => onChange({ ...value, allianceId })}
            placeholder={t('incentives.catalogue.anyAlliance')}
            options={(alliances.data?.alliances.edges ?? []).map(({ node }) => ({ value: node.id, label: show(node) }))}
            style={{ width: '100%' }}
          />
        </div>
        <div className="stack-field">
          <label htmlFor="reward-max">{t('incentives.catalogue.maxPoints')}</label>
          <InputNumber id="reward-max" min={1} precision={0} value={value.maxPointsCost ?? null} onChange={(v) => onChange({ ...value, maxPointsCost: v })} style={{ width: '100%' }} />
        </div>
      </div>
    </form>
  );
}

/** The rewards catalogue, my codes, and redeeming (for myself, or for the resident I act for). */
export function RewardsPage() {
  const { t } = useTranslation();
  const buttonType = useListActionType();
  const { actingFor, stopActing } = useActing();
  const [filters, setFilters] = useState<{ region: string[]; allianceId?: string; maxPointsCost?: number | null }>({ region: [] });
  // Only the filters chosen, so that one choice is one cache entry however it was reached.
  const filter: RewardFilter = {};
  if (filters.region.length) filter.regionId = filters.region[filters.region.length - 1];
  if (filters.allianceId) filter.allianceId = filters.allianceId;
  if (filters.maxPointsCost) filter.maxPointsCost = filters.maxPointsCost;
  const { data, loading, error, refetch, fetchMore } = useRewards(filter);
  const { signedIn } = useSession();
  const wallet = useWallet(!signedIn);
  const balance = actingFor ? null : (wallet.data?.me?.pointsBalance ?? null);
  const [redeem, redeeming] = useRedeemRewardMutation();
  const { keyFor, done } = useIdempotencyKey();
  const [asking, setAsking] = useState<RewardCardFieldsFragment | null>(null);
  const [redeemError, setRedeemError] = useState<unknown>(null);
  const [shown, setShown] = useState<RedemptionFieldsFragment | null>(null);
  const conn = data?.rewards;

  const onRedeem = async () => {
    if (!asking) return;
    setRedeemError(null);
    const input = { rewardId: asking.id, onBehalfOfUserId: actingFor?.id };
    try {
      const res = await redeem({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
      done();
      setAsking(null);
      if (res.data) setShown(res.data.redeemReward);
    } catch (e) {
      setRedeemError(e);
    }
  };

  return (
    <>
      <PageTitle extra={actingFor || !signedIn ? null : <Link to="/wallet">{t('incentives.catalogue.toWallet')}</Link>}>{t('incentives.catalogue.title')}</PageTitle>
      {actingFor ? (
        <Alert type="info" showIcon className="acting-banner" title={t('incentives.catalogue.actingFor', { name: actingFor.displayName })} action={<Button onClick={stopActing}>{t('acting.stop')}</Button>} />
      ) : balance != null ? (
        <p className="big-figure">
          {t('incentives.catalogue.balance')} <strong>{balance}</strong>
        </p>
      ) : null}
      <p className="hint">{t('incentives.catalogue.lead')}</p>
      <Filters value={filters} onChange={setFilters} />
      <section aria-labelledby="rewards-list" className="rewards-section">
        <h2 id="rewards-list">{conn ? t('incentives.catalogue.count', { count: conn.totalCount }) : t('incentives.catalogue.listTitle')}</h2>
        {!conn && loading ? <Loading /> : null}
        <ErrorAlert error={error} onRetry={() => void refetch()} />
        {conn && conn.edges.length === 0 ? <EmptyState text={t('incentives.catalogue.none')} /> : null}
        <ul className="plain-list reward-grid">
          {conn?.edges.map(({ node }) => {
            const open = node.status === 'ACTIVE' && node.stock > 0;
            const short = balance != null && balance < node.pointsCost;
            return (
              <li key={node.id}>
                <RewardCard
                  reward={node}
                  actions={
                    open && !signedIn ? (
                      <LinkButton type={buttonType} to={`/signin?next=${encodeURIComponent('/rewards')}`} aria-label={t('incentives.catalogue.signInFor', { title: node.title })}>
                        {t('incentives.catalogue.signIn')}
                      </LinkButton>
                    ) : open ? (
                      <>
                        <Button type={buttonType} disabled={short} aria-haspopup="dialog" aria-label={t('incentives.catalogue.redeemFor', { title: node.title })} onClick={() => (setRedeemError(null), setAsking(node))}>
                          {t('incentives.catalogue.redeem')}
                        </Button>
                        {short ? <span className="hint">{t('incentives.catalogue.notEnough', { count: node.pointsCost - (balance ?? 0) })}</span> : null}
                      </>
                    ) : null
                  }
                />
              </li>
            );
          })}
        </ul>
        {conn?.pageInfo.hasNextPage ? (
          <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: REWARDS_PAGE_SIZE } })}>
            {t('incentives.catalogue.more')}
          </Button>
        ) : null}
      </section>
      {actingFor || !signedIn ? null : <MyRedemptions onShow={setShown} />}
      <Modal
        open={!!asking}
        title={asking ? t('incentives.redeem.title', { title: asking.title }) : ''}
        onCancel={() => setAsking(null)}
        destroyOnHidden
        footer={[
          <Button key="keep" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </Button>,
          <Button key="redeem" type="primary" loading={redeeming.loading} onClick={() => void onRedeem()}>
            {asking ? t('incentives.redeem.confirm', { count: asking.pointsCost }) : ''}
          </Button>,
        ]}
      >
        {asking ? (
          <>
            <p>{actingFor ? t('incentives.redeem.holdFor', { count: asking.pointsCost, name: actingFor.displayName }) : t('incentives.redeem.hold', { count: asking.pointsCost })}</p>
            <p className="hint">{t('incentives.redeem.explain')}</p>
          </>
        ) : null}
        {redeemError ? (
          <p role="alert" className="field-error">
            {incentiveErrorText(t, redeemError)}
          </p>
        ) : null}
      </Modal>
      <RedemptionCodeDialog redemption={shown} onClose={() => setShown(null)} />
    </>
  );
}
