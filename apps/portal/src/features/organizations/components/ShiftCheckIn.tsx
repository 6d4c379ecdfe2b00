import { useState } from 'react';
import { Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { ClaimStatusTag, ConfirmIrreversible, EmptyState, ErrorAlert, LinkButton, Loading, PageTitle, useListActionType } from '../../../lib/ui';
import type { ShiftCheckInQuery } from '../../../gql/graphql';
import { useCoordinatorCheckIn, useCoordinatorCheckOut, useShiftCheckIn } from '../api/shift-check-in';
import { CheckInCode } from './CheckInCode';
import { useDisplayName } from '../../../lib/i18n';

type Claim = NonNullable<ShiftCheckInQuery['shift']>['claims']['edges'][number]['node'];

/** The portal page a volunteer's phone opens from the shift's QR code: checks them in with the code. */
export function checkInUrl(origin: string, shiftId: string, code: string): string {
  return `${origin}/check-in/${shiftId}?code=${encodeURIComponent(code)}`;
}

/** One expected volunteer: their state and times, with check-in or check-out on their behalf. */
function ExpectedRow({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const buttonType = useListActionType();
  const [checkIn, inState] = useCoordinatorCheckIn();
  const [checkOut, outState] = useCoordinatorCheckOut();
  const [error, setError] = useState<unknown>(null);
  const name = claim.volunteer.displayName;
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="claim-row" data-claim-id={claim.id}>
      <div className="claim-row-main">
        <strong>{name}</strong> <span>{claim.volunteer.phone}</span> <ClaimStatusTag claim={claim} />
      </div>
      <div className="hint">
        {claim.checkInAt ? t('manage.checkedIn', { time: f.time(claim.checkInAt) }) : t('shiftPage.notArrived')}
        {claim.checkOutAt ? ` · ${t('manage.checkedOut', { time: f.time(claim.checkOutAt) })}` : null}
      </div>
      {claim.status === 'CONFIRMED' ? (
        <div className="button-row">
          <Button type={buttonType} loading={inState.loading} onClick={() => run(() => checkIn({ variables: { input: { claimId: claim.id } } }))}>
            {t('shiftPage.checkIn', { name })}
          </Button>
        </div>
      ) : null}
      {claim.status === 'CHECKED_IN' ? (
        <div className="button-row">
          <ConfirmIrreversible
            loading={outState.loading}
            title={t('irreversible.checkOutFor.title', { name })}
            consequence={t('irreversible.checkOutFor.consequence', { name })}
            confirmText={t('irreversible.checkOutFor.confirm')}
            onConfirm={() => run(() => checkOut({ variables: { input: { claimId: claim.id } } }))}
          >
            {t('shiftPage.checkOut', { name })}
          </ConfirmIrreversible>
        </div>
      ) : null}
      <ErrorAlert error={error} />
    </li>
  );
}

/**
 * A shift on the day, for its coordinators: who is expected, checked in or gone, with a
 * check-in and check-out for each; the check-in code and the QR code volunteers scan; and
 * the way into kiosk mode for a shared tablet at the venue.
 */
export function ShiftCheckIn({ organizationId, taskId, shiftId }: { organizationId: string; taskId: string; shiftId: string }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const { data, loading, error, refetch } = useShiftCheckIn(shiftId);
  const shift = data?.shift;
  if (!data && loading) return <Loading />;
  if (error && !shift) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!shift || shift.task.id !== taskId) return <EmptyState text={t('shiftPage.notFound')} />;
  const when = f.range(shift.startsAt, shift.endsAt);
  const claims = shift.claims.edges.map((e) => e.node);
  const present = claims.filter((c) => c.status !== 'CONFIRMED').length;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/orgs/${organizationId}/tasks/${taskId}`}>{show(shift.task.title)}</Link>
      </p>
      <PageTitle
        title={t('shiftPage.title', { task: shift.task.title })}
        extra={
          <LinkButton to={`/kiosk/${shift.id}`} size="large">
            {t('shiftPage.openKiosk')}
          </LinkButton>
        }
      >
        {t('shiftPage.title', { task: shift.task.title })}
      </PageTitle>
      <p>{when}</p>
      {shift.checkInCode ? (
        <section className="panel" aria-labelledby="shift-code-heading">
          <h2 id="shift-code-heading">{t('shiftPage.codeHeading')}</h2>
          <p className="hint">{t('shiftPage.qrHint')}</p>
          <CheckInCode code={shift.checkInCode} label={when} url={checkInUrl(window.location.origin, shift.id, shift.checkInCode)} qrShown />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="shift-expected-heading">
        <h2 id="shift-expected-heading">{t('shiftPage.expected', { count: claims.length })}</h2>
        <p aria-live="polite">{t('shiftPage.present', { present, expected: claims.length })}</p>
        {claims.length === 0 ? <EmptyState text={t('shiftPage.nobody')} /> : null}
        <ul className="plain-list">
          {claims.map((c) => (
            <ExpectedRow key={c.id} claim={c} />
          ))}
        </ul>
        {shift.claims.pageInfo.hasNextPage ? <p className="hint">{t('shiftPage.more', { count: shift.claims.totalCount })}</p> : null}
      </section>
    </>
  );
}
