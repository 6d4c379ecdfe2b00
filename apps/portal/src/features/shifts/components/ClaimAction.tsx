import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../../lib/auth';
import { useActing } from '../../../lib/acting/ActingProvider';
import { apiErrors } from '../../../lib/errors';
import { ErrorAlert, ClaimStatusLine, ClaimStatusTag, useListActionType, type ClaimStateInput } from '../../../lib/ui';
import { CANCELLABLE } from '@civicgrid/contracts';
import { graphql } from '../../../gql';
import { useClaimShiftMutation } from '../api/claim-shift';
import { useCancelShiftClaimMutation } from '../api/cancel-shift-claim';

/**
 * What the claim button reads of a shift. `viewerClaim` is the claim of the person claiming:
 * the signed-in volunteer, or the resident acted for, since every operation spreading this
 * passes `$onBehalfOf` (the acting resident's id, or null).
 */
export const ClaimActionShiftFragmentDoc = graphql(`
  fragment ClaimActionShift on Shift {
    id
    capacity
    confirmedCount
    viewerClaim(onBehalfOf: $onBehalfOf) {
      id
      status
    }
  }
`);

export interface ClaimableShift {
  id: string;
  capacity: number;
  confirmedCount: number;
  viewerClaim?: ({ id: string } & ClaimStateInput) | null;
}

// Asked only when cancelling for a resident: its popup's code (with antd's tooltip) waits till then.
const CancelForConfirm = lazy(() => import('./CancelForConfirm'));

type Outcome = { status: string; forName?: string };

const OUTCOME_TYPE: Record<string, 'success' | 'warning' | 'info'> = {
  CONFIRMED: 'success',
  WAITLISTED: 'warning',
  PENDING_APPROVAL: 'info',
};

/**
 * The one-tap claim on a shift, and what became of it: a place (CONFIRMED), the waiting
 * list (WAITLISTED) or a request for the organiser (PENDING_APPROVAL). A grid leader acting
 * for a resident claims in the resident's name, sees the resident's own claim in place of
 * the button ("Zhang Defu holds this shift") and may cancel it for him.
 */
export function ClaimAction({
  shift,
  requiresApproval,
  label,
  offerPhoneShare = false,
}: {
  shift: ClaimableShift;
  requiresApproval: boolean;
  label: string;
  /** Offer to share the volunteer's phone with the organisers of this shift along with the claim (the task page; the board stays one tap). */
  offerPhoneShare?: boolean;
}) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const { actingFor } = useActing();
  const navigate = useNavigate();
  const location = useLocation();
  const [claim, { loading }] = useClaimShiftMutation();
  const [cancel, cancelling] = useCancelShiftClaimMutation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sharePhone, setSharePhone] = useState(false);
  const buttonType = useListActionType();

  const full = shift.confirmedCount >= shift.capacity;
  // The claimant's claim (the resident's while acting): the documents pass `onBehalfOf`.
  const held = signedIn ? shift.viewerClaim : null;
  const onBehalfOf = actingFor?.id ?? null;

  const onClaim = async () => {
    if (!signedIn) {
      navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    setError(null);
    setOutcome(null);
    setCancelled(false);
    try {
      const { data } = await claim({ variables: { input: { shiftId: shift.id, onBehalfOfUserId: actingFor?.id, sharePhone: (sharePhone && !actingFor) || undefined }, onBehalfOf } });
      if (data) setOutcome({ status: data.claimShift.status, forName: actingFor ? data.claimShift.volunteer.displayName : undefined });
    } catch (e) {
      setError(e);
    }
  };

  const onCancel = async (claimId: string) => {
    setError(null);
    try {
      await cancel({ variables: { input: { claimId }, onBehalfOf } });
      setOutcome(null);
      setCancelled(true);
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

  const cancelFor = actingFor ? (
    <Button danger loading={cancelling.loading} aria-label={`${t('claim.cancelFor', { name: actingFor.displayName })} – ${label}`}>
      {t('claim.cancelFor', { name: actingFor.displayName })}
    </Button>
  ) : null;
  return (
    <div className="claim-action">
      {held && actingFor ? (
        <div className="claim-own">
          <ClaimStatusTag claim={held} />
          <span>{t(`claim.heldFor.${held.status}`, { name: actingFor.displayName, defaultValue: t('claim.heldFor.other', { name: actingFor.displayName }) })}</span>
          {(CANCELLABLE as readonly string[]).includes(held.status) ? (
            // Until the confirmation's code is there, the same button, which then asks.
            <Suspense fallback={cancelFor}>
              <CancelForConfirm
                title={t('claim.cancelForConfirm', { name: actingFor.displayName })}
                okText={t('claim.cancelForOk')}
                cancelText={t('claim.keep')}
                onConfirm={() => onCancel(held.id)}
              >
                {cancelFor}
              </CancelForConfirm>
            </Suspense>
          ) : null}
        </div>
      ) : held ? (
        <div className="claim-own">
          <ClaimStatusTag claim={held} />
          <ClaimStatusLine claim={held} className="" />
          <Link to="/my-shifts">{t('claim.seeMyShifts')}</Link>
        </div>
      ) : outcome ? null : (
        <>
          <Button type={buttonType} onClick={onClaim} loading={loading} aria-label={`${verb} – ${label}`} className="claim-button">
            {signedIn ? verb : t('claim.signInToClaim')}
          </Button>
          {offerPhoneShare && signedIn && !actingFor ? (
            <Checkbox checked={sharePhone} onChange={(e) => setSharePhone(e.target.checked)} className="share-phone">
              {t('sharePhone.atClaim')}
            </Checkbox>
          ) : null}
        </>
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
        {cancelled && actingFor ? <Alert className="claim-outcome" type="info" showIcon title={t('claim.cancelledFor', { name: actingFor.displayName })} /> : null}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {/* A task with a minimum age needs the volunteer's birth date: say where to add it. */}
      {!actingFor && apiErrors(error).some((e) => e.key === 'claim.birthDateRequired') ? <Link to="/profile">{t('claim.addBirthDate')}</Link> : null}
    </div>
  );
}
