import { useState } from 'react';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CANCELLABLE, STANDING } from '@civicgrid/contracts';
import { useFormatters } from '../../../lib/time';
import { ClaimStatusLine, ClaimStatusTag, ConfirmIrreversible, ErrorAlert, claimState } from '../../../lib/ui';
import type { MyClaimsQuery } from '../../../gql/graphql';
import { useCancelClaimMutation } from '../api/cancel-claim';
import { AttendanceActions } from './AttendanceActions';
import { useDisplayName } from '../../../lib/i18n';
import { SharePhoneToggle } from './SharePhoneToggle';

type Claim = MyClaimsQuery['myClaims']['edges'][number]['node'];

export function ClaimCard({ claim, now }: { claim: Claim; now: number }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const [cancel, { loading }] = useCancelClaimMutation();
  const [error, setError] = useState<unknown>(null);
  const { task } = claim.shift;
  const ended = new Date(claim.shift.endsAt).getTime() <= now;

  const onCancel = async () => {
    setError(null);
    try {
      await cancel({ variables: { input: { claimId: claim.id } } });
    } catch (e) {
      setError(e);
    }
  };
  const state = claimState(claim);

  return (
    <article className="claim-card" aria-labelledby={`claim-${claim.id}`}>
      <div className="claim-card-head">
        <ClaimStatusTag claim={claim} />
      </div>
      <h3 id={`claim-${claim.id}`} className="shift-card-title">
        <Link to={`/tasks/${task.id}`}>{show(task.title)}</Link>
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('shift.when')}</dt>
          <dd>{f.range(claim.shift.startsAt, claim.shift.endsAt)}</dd>
        </div>
        <div>
          <dt>{t('shift.where')}</dt>
          <dd>{show(task.region)}</dd>
        </div>
        {claim.shift.place ? (
          <div>
            <dt>{t('shift.place')}</dt>
            <dd>{claim.shift.place}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('shift.organizer')}</dt>
          <dd>{show(task.organization)}</dd>
        </div>
        {claim.actingProxy ? (
          <div>
            <dt>{t('myShifts.claimedBy')}</dt>
            <dd>{claim.actingProxy.displayName}</dd>
          </div>
        ) : null}
      </dl>
      {/* One status line, from the mapping the tag reads too; a cancelled shift says why. */}
      {state === 'SHIFT_CANCELLED' ? (
        <Alert type="warning" showIcon title={t('shift.cancelled', { reason: claim.shift.cancelReason ?? '' })} />
      ) : (
        <p>
          <ClaimStatusLine claim={claim} />
        </p>
      )}
      {!ended || claim.status === 'CHECKED_IN' ? <AttendanceActions claim={claim} now={now} /> : null}
      {!ended && !claim.shift.cancelledAt && (STANDING as readonly string[]).includes(claim.status) ? <SharePhoneToggle claimId={claim.id} shared={claim.phoneShared} /> : null}
      {(CANCELLABLE as readonly string[]).includes(claim.status) && !ended ? (
        <ConfirmIrreversible
          danger
          loading={loading}
          className="cancel-button"
          title={t('irreversible.cancelClaim.title')}
          // What is given up depends on what the claim holds: a place, a turn on the waiting list, or a request.
          consequence={t(`irreversible.cancelClaim.${claim.status === 'WAITLISTED' || claim.status === 'PENDING_APPROVAL' ? claim.status : 'CONFIRMED'}`, { title: task.title })}
          confirmText={t('irreversible.cancelClaim.confirm')}
          onConfirm={onCancel}
        >
          {t('myShifts.cancel')}
        </ConfirmIrreversible>
      ) : null}
      <ErrorAlert error={error} />
    </article>
  );
}
