import { useState } from 'react';
import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RewardCardFieldsFragment } from '../../../gql/graphql';
import { EmptyState, ErrorAlert, Loading } from '../../../lib/ui';
import { REWARDS_PAGE_SIZE, useRewards } from '../api/rewards';
import { useSetRewardPausedMutation } from '../api/manage-rewards';
import { MerchantGate, type Merchant } from './MerchantGate';
import { RewardCard } from './RewardCard';
import { RewardForm } from './RewardForm';

function PauseButton({ reward, onError }: { reward: RewardCardFieldsFragment; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const [setPaused, state] = useSetRewardPausedMutation();
  const paused = reward.status === 'PAUSED';
  if (!paused && reward.status !== 'ACTIVE') return null;
  const run = async () => {
    onError(null);
    try {
      await setPaused({ variables: { rewardId: reward.id, paused: !paused } });
    } catch (e) {
      onError(e);
    }
  };
  return (
    <Button loading={state.loading} onClick={() => void run()} aria-label={t(paused ? 'incentives.manage.resumeFor' : 'incentives.manage.pauseFor', { title: reward.title })}>
      {paused ? t('incentives.manage.resume') : t('incentives.manage.pause')}
    </Button>
  );
}

function MerchantRewards({ org }: { org: Merchant }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useRewards({ merchantId: org.id });
  const [editing, setEditing] = useState<RewardCardFieldsFragment | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const alliances = org.allianceMemberships.filter((m) => m.status === 'ACTIVE').map((m) => m.alliance);
  const conn = data?.rewards;
  return (
    <>
      <div aria-live="polite">{note ? <p className="saved-note">{note}</p> : null}</div>
      <section className="panel" aria-labelledby="merchant-rewards-list">
        <h2 id="merchant-rewards-list">{t('incentives.manage.list', { count: conn?.totalCount ?? 0 })}</h2>
        {!conn && loading ? <Loading /> : null}
        <ErrorAlert error={error} onRetry={() => void refetch()} />
        <ErrorAlert error={actionError} />
        {conn && conn.edges.length === 0 ? <EmptyState text={t('incentives.manage.none')} /> : null}
        <ul className="plain-list reward-grid">
          {conn?.edges.map(({ node }) => (
            <li key={node.id}>
              <RewardCard
                reward={node}
                actions={
                  <>
                    <Button aria-haspopup="dialog" onClick={() => setEditing(node)} aria-label={t('incentives.manage.editFor', { title: node.title })}>
                      {t('incentives.manage.edit')}
                    </Button>
                    <PauseButton reward={node} onError={setActionError} />
                  </>
                }
              />
            </li>
          ))}
        </ul>
        {conn?.pageInfo.hasNextPage ? (
          <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: REWARDS_PAGE_SIZE } })}>
            {t('incentives.catalogue.more')}
          </Button>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="merchant-rewards-new">
        <h2 id="merchant-rewards-new">{t('incentives.manage.new')}</h2>
        {alliances.length === 0 ? (
          <Alert type="info" showIcon title={t('incentives.manage.noAlliance')} />
        ) : (
          <RewardForm orgId={org.id} alliances={alliances} onDone={setNote} />
        )}
      </section>
      <Modal open={!!editing} title={editing ? t('incentives.manage.editTitle', { title: editing.title }) : ''} onCancel={() => setEditing(null)} destroyOnHidden footer={null}>
        {editing ? (
          <RewardForm
            orgId={org.id}
            alliances={alliances}
            reward={editing}
            onDone={(m) => {
              setNote(m);
              setEditing(null);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

/** The merchant's rewards in every status: create, edit, pause and resume (its ADMINs and OWNER). */
export function MerchantRewardsPage({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  return (
    <MerchantGate orgId={orgId} title={t('incentives.manage.title')} admin>
      {(org) => <MerchantRewards org={org} />}
    </MerchantGate>
  );
}
