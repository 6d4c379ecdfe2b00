import { useState } from 'react';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { ClaimStatusTag, ConfirmIrreversible, EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { useCheckInShift, useScanCheckIn, useScanCheckOut } from '../api/check-in-shift';
import { useDisplayName } from '../../../lib/i18n';

/**
 * The page a shift's QR code opens on a volunteer's phone: the shift, and one press to
 * check in with the code the QR code carried; once checked in, check-out. The API says
 * why when it refuses (wrong code, no place on the shift, too early or too late).
 */
export function CheckInPage({ shiftId, code }: { shiftId: string; code: string | null }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const { data, loading, error, refetch } = useCheckInShift(shiftId);
  const [checkIn, inState] = useScanCheckIn();
  const [checkOut, outState] = useScanCheckOut();
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<'in' | 'out' | null>(null);
  const shift = data?.shift;
  if (!data && loading) return <Loading />;
  if (error && !shift) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!shift) return <EmptyState text={t('checkInPage.notFound')} />;
  const claim = shift.viewerClaim;

  const run = async (fn: () => Promise<unknown>, what: 'in' | 'out') => {
    setActionError(null);
    setDone(null);
    try {
      await fn();
      setDone(what);
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <>
      <PageTitle title={t('checkInPage.title')}>{t('checkInPage.title')}</PageTitle>
      <section className="panel" aria-labelledby="check-in-shift">
        <h2 id="check-in-shift">{show(shift.task.title)}</h2>
        <p>
          {show(shift.task.organization)} · {f.range(shift.startsAt, shift.endsAt)}
        </p>
        {claim ? (
          <p>
            {t('checkInPage.yourClaim')} <ClaimStatusTag claim={claim} />
          </p>
        ) : null}
        <div aria-live="polite">
          {done === 'in' && claim?.checkInAt ? <Alert type="success" showIcon title={t('checkInPage.checkedIn', { time: f.time(claim.checkInAt) })} className="form-alert" /> : null}
          {done === 'out' && claim?.checkOutAt ? <Alert type="success" showIcon title={t('checkInPage.checkedOut', { time: f.time(claim.checkOutAt) })} className="form-alert" /> : null}
        </div>
        <ErrorAlert error={actionError} />
        {!claim ? (
          <>
            <Alert type="warning" showIcon title={t('checkInPage.noClaim')} className="form-alert" />
            <Link to={`/tasks/${shift.task.id}`}>{t('checkInPage.seeTask')}</Link>
          </>
        ) : claim.status === 'CONFIRMED' ? (
          <>
            {!code && shift.task.requiresCheckInCode ? <Alert type="warning" showIcon title={t('checkInPage.noCode')} className="form-alert" /> : null}
            <Button type="primary" size="large" block loading={inState.loading} onClick={() => run(() => checkIn({ variables: { input: { claimId: claim.id, code: code ?? undefined } } }), 'in')}>
              {t('checkInPage.checkIn')}
            </Button>
          </>
        ) : claim.status === 'CHECKED_IN' ? (
          <>
            {done !== 'in' && claim.checkInAt ? <p>{t('myShifts.checkedInAt', { time: f.time(claim.checkInAt) })}</p> : null}
            <ConfirmIrreversible
              type="primary"
              size="large"
              block
              loading={outState.loading}
              title={t('irreversible.checkOut.title')}
              consequence={t('irreversible.checkOut.consequence')}
              confirmText={t('irreversible.checkOut.confirm')}
              onConfirm={() => run(() => checkOut({ variables: { input: { claimId: claim.id } } }), 'out')}
            >
              {t('checkInPage.checkOut')}
            </ConfirmIrreversible>
          </>
        ) : claim.status === 'ATTENDED' ? (
          done !== 'out' ? <p>{t('checkInPage.attended')}</p> : null
        ) : (
          <Alert type="warning" showIcon title={t('checkInPage.cannot')} className="form-alert" />
        )}
        <p className="breadcrumb">
          <Link to="/my-shifts">{t('checkInPage.myShifts')}</Link>
        </p>
      </section>
    </>
  );
}
