import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { useClaimantProfile } from '../api/claimant-profile';

/**
 * What the page showing the claim rows adds under a claimant's card (awarding an honour):
 * given by the route, so this feature does not reach into another.
 */
export const ClaimantCardExtra = createContext<((card: { volunteerId: string; displayName: string }) => ReactNode) | null>(null);

/**
 * The claimant's name on a claim row, opening their profile card: what the organisers
 * judge a claim by. The card is fetched only when opened, so the audit of a shared phone
 * records a real look, not a list being drawn.
 */
export function ClaimantProfile({ claimId, name }: { claimId: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" className="claimant-name" onClick={() => setOpen(true)} aria-haspopup="dialog" aria-label={t('claimantProfile.open', { name })}>
        <strong>{name}</strong>
      </Button>
      <Modal open={open} title={t('claimantProfile.title', { name })} onCancel={() => setOpen(false)} footer={<Button onClick={() => setOpen(false)}>{t('claimantProfile.close')}</Button>} destroyOnHidden>
        {open ? <ProfileCard claimId={claimId} /> : null}
      </Modal>
    </>
  );
}

function ProfileCard({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const labels = useLabels();
  const { data, loading, error, refetch } = useClaimantProfile(claimId, false);
  const extra = useContext(ClaimantCardExtra);
  const card = data?.claimantProfile;
  if (!data && loading) return <Loading />;
  if (!card) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <dl className="facts claimant-card">
        <div>
          <dt>{t('claimantProfile.skills')}</dt>
          <dd>{card.skills.length ? card.skills.map(labels.skill).join(t('common.listSeparator')) : t('claimantProfile.noSkills')}</dd>
        </div>
        <div>
          <dt>{t('claimantProfile.verifiedHours')}</dt>
          <dd>{f.hours(card.verifiedMinutes)}</dd>
        </div>
        <div>
          <dt>{t('claimantProfile.attendance')}</dt>
          <dd>{card.attendanceRate == null ? t('claimantProfile.noAttendance') : t('claimantProfile.attendanceRate', { percent: Math.round(card.attendanceRate * 100) })}</dd>
        </div>
        <div>
          <dt>{t('claimantProfile.tasksServed')}</dt>
          <dd>{t('claimantProfile.tasksServedCount', { count: card.tasksServed })}</dd>
        </div>
        <div>
          <dt>{t('claimantProfile.memberSince')}</dt>
          <dd>{f.date(card.memberSince)}</dd>
        </div>
        <div>
          <dt>{t('claimantProfile.phone')}</dt>
          <dd>
            {!card.phone ? t('claimantProfile.noPhone') : card.phoneShared ? <a href={`tel:${card.phone}`}>{card.phone}</a> : card.phone}
            <span className="hint"> {card.phoneShared ? t('claimantProfile.phoneShared') : t('claimantProfile.phoneMasked')}</span>
          </dd>
        </div>
      </dl>
      {extra ? extra({ volunteerId: card.volunteerId, displayName: card.displayName }) : null}
    </>
  );
}
