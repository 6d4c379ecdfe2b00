import { useState } from 'react';
import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RedemptionFieldsFragment } from '../../../gql/graphql';
import { useDisplayName } from '../../../lib/i18n';
import { useFormatters } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading } from '../../../lib/ui';
import { REDEMPTIONS_PAGE_SIZE, useCancelRedemptionMutation, useMyRedemptions } from '../api/redemptions';
import { groupRedemptionCode } from '../hooks/code';
import { incentiveErrorText } from '../hooks/errors';
import { RedemptionCode } from './RedemptionCode';
import { RedemptionStatusTag } from './RedemptionStatusTag';

/** My codes: each with its state, the code while it is held, and cancelling (the points come back). */
export function MyRedemptions({ onShow }: { onShow(r: RedemptionFieldsFragment): void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const show = useDisplayName();
  const { data, loading, error, refetch, fetchMore } = useMyRedemptions();
  const [cancel, cancelling] = useCancelRedemptionMutation();
  const [asking, setAsking] = useState<RedemptionFieldsFragment | null>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const conn = data?.myRedemptions;

  const onCancel = async () => {
    if (!asking) return;
    setCancelError(null);
    try {
      await cancel({ variables: { id: asking.id } });
      setNote(t('incentives.mine.cancelled', { count: asking.points, title: asking.reward.title }));
      setAsking(null);
    } catch (e) {
      setCancelError(e);
    }
  };

  return (
    <section className="panel" aria-labelledby="rewards-mine">
      <h2 id="rewards-mine">{t('incentives.mine.title')}</h2>
      {!conn && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <div aria-live="polite">{note ? <p className="saved-note">{note}</p> : null}</div>
      {conn && conn.edges.length === 0 ? <EmptyState text={t('incentives.mine.none')} /> : null}
      <ul className="plain-list">
        {conn?.edges.map(({ node }) => (
          <li key={node.id} className="record-row">
            <span className="record-title">{node.reward.title}</span>
            <RedemptionStatusTag status={node.status} />
            <span>{show(node.reward.merchant)}</span>
            <span>{t('incentives.amount.points', { sign: '', count: node.points })}</span>
            {node.onBehalfOf ? <span>{t('incentives.mine.forResident', { name: node.user.displayName })}</span> : null}
            {node.status === 'HELD' && node.code ? (
              <>
                <span className="code-inline">{groupRedemptionCode(node.code)}</span>
                <span className="hint">{t('incentives.mine.expires', { time: f.dateTime(node.expiresAt) })}</span>
                <Button onClick={() => onShow(node)} aria-label={t('incentives.mine.showFor', { title: node.reward.title })}>
                  {t('incentives.mine.show')}
                </Button>
                <Button danger onClick={() => setAsking(node)} aria-haspopup="dialog" aria-label={t('incentives.mine.cancelFor', { title: node.reward.title })}>
                  {t('incentives.mine.cancel')}
                </Button>
              </>
            ) : null}
            {node.status === 'CONFIRMED' && node.confirmedAt ? <span className="hint">{t('incentives.mine.confirmedAt', { time: f.dateTime(node.confirmedAt) })}</span> : null}
          </li>
        ))}
      </ul>
      {conn?.pageInfo.hasNextPage ? (
        <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: REDEMPTIONS_PAGE_SIZE } })}>
          {t('incentives.mine.more')}
        </Button>
      ) : null}
      <Modal
        open={!!asking}
        title={asking ? t('incentives.mine.cancelTitle', { title: asking.reward.title }) : ''}
        onCancel={() => setAsking(null)}
        destroyOnHidden
        footer={[
          <Button key="keep" onClick={() => setAsking(null)}>
            {t('incentives.mine.keep')}
          </Button>,
          <Button key="cancel" danger type="primary" loading={cancelling.loading} onClick={() => void onCancel()}>
            {t('incentives.mine.cancelConfirm')}
          </Button>,
        ]}
      >
        {asking ? <p>{t('incentives.mine.cancelBody', { count: asking.points })}</p> : null}
        {cancelError ? <p role="alert" className="field-error">{incentiveErrorText(t, cancelError)}</p> : null}
      </Modal>
    </section>
  );
}

/** The code of one held redemption, in a dialog to hold up at the counter. */
export function RedemptionCodeDialog({ redemption, onClose }: { redemption: RedemptionFieldsFragment | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!redemption}
      title={t('incentives.code.title')}
      onCancel={onClose}
      destroyOnHidden
      className="redemption-dialog"
      footer={[
        <Button key="done" type="primary" onClick={onClose}>
          {t('incentives.code.done')}
        </Button>,
      ]}
    >
      {redemption?.code ? <RedemptionCode code={redemption.code} expiresAt={redemption.expiresAt} title={redemption.reward.title} /> : null}
    </Modal>
  );
}
