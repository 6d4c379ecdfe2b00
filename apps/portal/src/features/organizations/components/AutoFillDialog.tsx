import { useRef, useState } from 'react';
import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { MatchReasons } from '../../../lib/matching';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert, Loading } from '../../../lib/ui';
import type { AutoAssignMutation } from '../../../gql/graphql';
import { useAutoAssignMutation } from '../api/auto-assign';
import { newIdempotencyKey } from './new-key';

type Proposal = AutoAssignMutation['autoAssign'];

/** A mean distance in words: metres below a kilometre, else kilometres to one decimal. */
function useDistanceText() {
  const { t } = useTranslation();
  return (metres: number | null) =>
    metres === null ? t('autoFill.noDistance') : metres < 1000 ? t('autoFill.metres', { metres }) : t('autoFill.kilometres', { km: (metres / 1000).toFixed(1) });
}

/** What a coordinator judges a proposal by: places filled, skills met, how far people come; per shift when there are several. */
function ProposalFigures({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const distance = useDistanceText();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('autoFill.placesFilledLabel')}</dt>
          <dd>{t('autoFill.placesFilled', { filled: proposal.placesFilled, open: proposal.placesOpen })}</dd>
        </div>
        <div>
          <dt>{t('autoFill.skillsMetLabel')}</dt>
          <dd>{t('autoFill.skillsMet', { met: proposal.skillsMet, filled: proposal.placesFilled })}</dd>
        </div>
        <div>
          <dt>{t('autoFill.meanDistanceLabel')}</dt>
          <dd>{distance(proposal.meanDistanceMeters)}</dd>
        </div>
      </dl>
      {proposal.shifts.length > 1 ? (
        <ul className="plain-list" aria-label={t('autoFill.perShift')}>
          {proposal.shifts.map((s) => (
            <li key={s.shift.id} className="hint">
              {f.range(s.shift.startsAt, s.shift.endsAt)}:{' '}
              {t('autoFill.shiftFigures', { filled: s.placesFilled, open: s.placesOpen, met: s.skillsMet, distance: distance(s.meanDistanceMeters) })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * "Auto-fill open places": a dry run shows who would be invited to which shift and why;
 * confirming sends the same request for real with one key per confirmation, so a second
 * click (or a retry) does not invite anyone twice.
 */
export function AutoFillDialog({ shiftIds, onDone }: { shiftIds: string[]; onDone?: () => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [open, setOpen] = useState(false);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [sent, setSent] = useState<Proposal | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [run, { loading }] = useAutoAssignMutation();
  const confirmKey = useRef<string | null>(null);
  const confirming = useRef(false);

  const preview = async () => {
    setOpen(true);
    setProposal(null);
    setSent(null);
    setError(null);
    try {
      const { data } = await run({ variables: { input: { shiftIds, dryRun: true, idempotencyKey: newIdempotencyKey() } } });
      if (data) setProposal(data.autoAssign);
      // One key for this proposal's confirmation, however many times it is clicked.
      confirmKey.current = newIdempotencyKey();
    } catch (e) {
      setError(e);
    }
  };

  const confirm = async () => {
    if (confirming.current || !confirmKey.current) return;
    confirming.current = true;
    setError(null);
    try {
      const { data } = await run({ variables: { input: { shiftIds, dryRun: false, idempotencyKey: confirmKey.current } } });
      if (data) setSent(data.autoAssign);
      onDone?.();
    } catch (e) {
      setError(e);
    } finally {
      confirming.current = false;
    }
  };

  const close = () => {
    setOpen(false);
    confirmKey.current = null;
  };

  const shown = sent ?? proposal;
  return (
    <>
      <Button onClick={() => void preview()} disabled={shiftIds.length === 0}>
        {t('autoFill.open')}
      </Button>
      <Modal
        open={open}
        title={t('autoFill.title')}
        onCancel={close}
        destroyOnHidden
        footer={
          sent
            ? [
                <Button key="close" type="primary" onClick={close}>
                  {t('common.close')}
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  {t('common.cancel')}
                </Button>,
                <Button key="confirm" type="primary" loading={loading && Boolean(proposal)} disabled={!proposal || proposal.pairs.length === 0} onClick={() => void confirm()}>
                  {t('autoFill.confirm', { count: proposal?.pairs.length ?? 0 })}
                </Button>,
              ]
        }
      >
        {!shown && loading ? <Loading /> : null}
        <ErrorAlert error={error} />
        {shown ? (
          <div aria-live="polite">
            {sent ? <Alert type="success" showIcon title={t('autoFill.sent', { count: sent.invitations.length })} /> : <p>{t('autoFill.lead')}</p>}
            <p className="hint">{t('autoFill.rule')}</p>
            <ProposalFigures proposal={shown} />
            {shown.pairs.length === 0 ? <p>{t('autoFill.nobody')}</p> : null}
            <ul className="plain-list">
              {shown.pairs.map((p) => (
                <li key={`${p.shift.id}-${p.volunteer.id}`} className="claim-row">
                  <div className="claim-row-main">
                    <strong>{p.volunteer.displayName}</strong> → {f.range(p.shift.startsAt, p.shift.endsAt)}
                  </div>
                  <MatchReasons score={p.score} reasons={p.reasons} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Modal>
    </>
  );
}
