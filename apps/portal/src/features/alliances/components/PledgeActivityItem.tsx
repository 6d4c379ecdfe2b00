import { useState } from 'react';
import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert } from '../../../lib/ui';
import { useDisplayName } from '../../../lib/i18n';
import type { AlliancePageQuery } from '../../../gql/graphql';
import { useDeletePledgeActivityMutation } from '../api/delete-pledge-activity';
import { usePledgeUnits } from '../hooks/use-pledge-units';
import { PledgeActivityForm, type UnitsOfPledge } from './PledgeActivityForm';

export type PledgeActivityNode = NonNullable<AlliancePageQuery['alliance']>['activity']['edges'][number]['node'];

/**
 * One record of the feed. Its recorder may correct or delete it within a day of
 * recording (the API says so in `viewerMayChange`); deleting asks first.
 */
export function PledgeActivityItem({ node, unitsOf, onDeleted }: { node: PledgeActivityNode; unitsOf: UnitsOfPledge; onDeleted?: (what: string) => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const labels = useLabels();
  const show = useDisplayName();
  const units = usePledgeUnits();
  const [editing, setEditing] = useState(false);
  const [corrected, setCorrected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [remove, { loading: deleting }] = useDeletePledgeActivityMutation();
  const what = units.what(node.pledge, node.quantity, node.unit);

  const confirmDelete = () =>
    Modal.confirm({
      title: t('alliance.deleteTitle'),
      content: t('alliance.deleteBody', { what }),
      okText: t('alliance.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(null);
        try {
          await remove({ variables: { input: { pledgeActivityId: node.id } } });
          onDeleted?.(what);
        } catch (e) {
          setError(e);
        }
      },
    });

  return (
    <li className="claim-row">
      <div className="claim-row-main">
        <strong>{show(node.member.organization)}</strong> · {labels.pledge(node.pledge)}
        {node.quantity != null ? <span> · {units.quantity(node.quantity, node.unit)}</span> : null}
      </div>
      {node.note ? <p className="description">{node.note}</p> : null}
      <p className="hint">{f.dateTime(node.occurredAt)}</p>
      <div aria-live="polite">{corrected ? <Alert type="success" showIcon title={t('alliance.corrected', { what: corrected })} className="form-alert" /> : null}</div>
      {node.viewerMayChange && !editing ? (
        <>
          <p className="hint">{t('alliance.changeableUntil', { time: f.dateTime(node.changeableUntil) })}</p>
          <div className="button-row">
            <Button onClick={() => {
                setCorrected(null);
                setEditing(true);
              }} aria-label={t('alliance.editFor', { what })}>
              {t('alliance.edit')}
            </Button>
            <Button danger loading={deleting} onClick={confirmDelete} aria-label={t('alliance.deleteFor', { what })}>
              {t('alliance.delete')}
            </Button>
          </div>
        </>
      ) : null}
      {editing ? (
        <section aria-label={t('alliance.editTitle')}>
          <PledgeActivityForm
            unitsOf={unitsOf}
            activity={{ id: node.id, pledge: node.pledge, note: node.note, quantity: node.quantity, unit: node.unit, occurredAt: node.occurredAt, memberPledges: node.member.pledges }}
            onSaved={(saved) => {
              setEditing(false);
              setCorrected(saved);
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : null}
      <ErrorAlert error={error} />
    </li>
  );
}
