import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../../lib/auth';
import { useActing } from '../../../lib/acting/ActingProvider';
import { apiErrors } from '../../../lib/errors';
import { ErrorAlert, ClaimStatusLine, ClaimStatusTag, useListActionType, type ClaimStateInput } from '../../../lib/ui';
import { useClaimShiftMutation } from '../api/claim-shift';

export interface ClaimableShift {
  id: string;
  capacity: number;
  confirmedCount: number;
  viewerClaim?: ({ id: string } & ClaimStateInput) | null;
}

type Outcome = { status: string; forName?: string };

const OUTCOME_TYPE: Record<string, 'success' | 'warning' | 'info'> = {
  CONFIRMED: 'success',
  WAITLISTED: 'warning',
  PENDING_APPROVAL: 'info',
};

/**
 * The one-tap claim on a shift, and what became of it: a place (CONFIRMED), the waiting
 * list (WAITLISTED) or a request for the organiser (PENDING_APPROVAL). A grid leader acting
 * for a resident claims in the resident's name.
 */
export function ClaimAction({ shift, requiresApproval, label }: { shift: ClaimableShift; requiresApproval: boolean; label: string }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const { actingFor } = useActing();
  const navigate = useNavigate();
  const location = useLocation();
  const [claim, { loading }] = useClaimShiftMutation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const buttonType = useListActionType();

  const full = shift.confirmedCount >= shift.capacity;
  const own = !actingFor ? shift.viewerClaim : null;

  const onClaim = async () => {
    if (!signedIn) {
      navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    setError(null);
    setOutcome(null);
    try {
      const { data } = await claim({ variables: { input: { shiftId: shift.id, onBehalfOfUserId: actingFor?.id } } });
      if (data) setOutcome({ status: data.claimShift.status, forName: actingFor ? data.claimShift.volunteer.displayName : undefined });
    } catch (e) {
      setError(e);
    }
  };

  const verb = actingFor
    ? t('claim.forResident', { name: actingFor.displayName })
    : full
      ? t('claim.joinWaitlist')
      : requiresApproval
        ? t('claim.apply')
        : t('claim.claim');

  return (
    <div className="claim-action">
      {own ? (
        <div className="claim-own">
          <ClaimStatusTag claim={own} />
          <ClaimStatusLine claim={own} className="" />
          <Link to="/my-shifts">{t('claim.seeMyShifts')}</Link>
        </div>
      ) : outcome && !actingFor ? null : (
        <Button type={buttonType} onClick={onClaim} loading={loading} aria-label={`${verb} – ${label}`} className="claim-button">
          {signedIn ? verb : t('claim.signInToClaim')}
        </Button>
      )}
      <div aria-live="polite">
        {outcome ? (
          <Alert
            className="claim-outcome"
            type={OUTCOME_TYPE[outcome.status] ?? 'info'}
            showIcon
            title={outcome.forName ? t(`claim.outcomeFor.${outcome.status}`, { name: outcome.forName }) : t(`claim.outcome.${outcome.status}`)}
          />
        ) : null}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {/* A task with a minimum age needs the volunteer's birth date: say where to add it. */}
      {!actingFor && apiErrors(error).some((e) => e.key === 'claim.birthDateRequired') ? <Link to="/profile">{t('claim.addBirthDate')}</Link> : null}
    </div>
  );
}
