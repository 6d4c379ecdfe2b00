import { useState } from 'react';
import { Alert, Button, Checkbox, Modal } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useSession } from '../../../lib/auth';
import { Loading } from '../../../lib/ui';
import { useClaimShiftTogetherMutation, useCompanions } from '../api/claim-shift-together';
import { partyErrorTexts } from './party-errors';

const OUTCOME_TYPE: Record<string, 'success' | 'warning' | 'info'> = {
  CONFIRMED: 'success',
  WAITLISTED: 'warning',
  PENDING_APPROVAL: 'info',
};

interface Person {
  id: string;
  displayName: string;
}

/**
 * "Sign up with family or friends": the signed-in volunteer picks companions among the
 * people they act for (minors under their account, residents who made them their proxy)
 * and claims for all of them at once. The party is seated, waits or awaits approval as
 * one, so the answer is one line for everyone.
 */
export function PartyClaim({ shift, label, prerequisites }: { shift: { id: string; viewerClaim?: { id: string } | null }; label: string; prerequisites: string[] }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string[] | null>(null);
  const [outcome, setOutcome] = useState<{ status: string; names: string[] } | null>(null);
  const companions = useCompanions(!open);
  const [claim, { loading }] = useClaimShiftTogetherMutation();

  const seen = new Set<string>();
  const people: Person[] = [...(companions.data?.me?.dependants ?? []), ...(companions.data?.proxyResidents.edges.map((e) => e.node) ?? [])].filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)));
  const tooMany = chosen.length > Limits.companionsMax;
  const close = () => {
    setOpen(false);
    setError(null);
  };

  const onClaim = async () => {
    if (!me || chosen.length === 0 || tooMany) return;
    setError(null);
    const party = [{ id: me.id, displayName: me.displayName }, ...people.filter((p) => chosen.includes(p.id))];
    try {
      const { data } = await claim({ variables: { input: { shiftId: shift.id, volunteerIds: party.map((p) => p.id) } } });
      if (!data) return;
      const claims = data.claimShiftTogether;
      setOutcome({ status: claims[0]?.status ?? 'CONFIRMED', names: claims.map((c) => c.volunteer.displayName) });
      setChosen([]);
      setOpen(false);
    } catch (e) {
      setError(partyErrorTexts(t, e, party));
    }
  };

  return (
    <div className="party-claim">
      {!shift.viewerClaim && !outcome ? (
        <Button onClick={() => setOpen(true)} aria-label={t('party.openFor', { label })}>
          {t('party.open')}
        </Button>
      ) : null}
      <div aria-live="polite">
        {outcome ? (
          <Alert
            className="claim-outcome"
            type={OUTCOME_TYPE[outcome.status] ?? 'info'}
            showIcon
            title={t(`party.outcome.${outcome.status}`, { names: outcome.names.join(t('common.listSeparator')), count: outcome.names.length })}
          />
        ) : null}
      </div>
      <Modal
        open={open}
        title={t('party.title')}
        onCancel={close}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={close}>
            {t('common.cancel')}
          </Button>,
          <Button key="claim" type="primary" loading={loading} disabled={chosen.length === 0 || tooMany} onClick={() => void onClaim()}>
            {t('party.submit', { count: chosen.length + 1 })}
          </Button>,
        ]}
      >
        <p>{t('party.lead', { max: Limits.companionsMax })}</p>
        {prerequisites.length ? (
          <div className="party-prerequisites">
            <p className="hint">{t('party.prerequisites')}</p>
            <ul>
              {prerequisites.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {!companions.data && companions.loading ? <Loading /> : null}
        {companions.error ? <Alert type="error" showIcon role="alert" title={partyErrorTexts(t, companions.error, []).join(' ')} /> : null}
        {companions.data && people.length === 0 ? (
          <p className="hint">
            {t('party.nobody')} <Link to="/profile">{t('party.addFamily')}</Link>
          </p>
        ) : null}
        {people.length ? (
          <fieldset className="party-people">
            <legend>{t('party.who', { name: me?.displayName ?? '' })}</legend>
            <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} className="party-list">
              {people.map((p) => (
                <Checkbox key={p.id} value={p.id}>
                  {p.displayName}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </fieldset>
        ) : null}
        {tooMany ? <Alert type="warning" showIcon title={t('party.tooMany', { max: Limits.companionsMax })} /> : null}
        {error ? <Alert type="error" showIcon role="alert" title={error.join(' ')} className="form-alert" /> : null}
      </Modal>
    </div>
  );
}
