import { useState } from 'react';
import { Button, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormatters } from '../../../lib/time';
import { ClaimStatusTag, ConfirmIrreversible, ErrorAlert } from '../../../lib/ui';
import type { ManageTaskQuery } from '../../../gql/graphql';
import { useDecideClaimMutation } from '../api/decide-claim';
import { useVerifyServiceMutation } from '../api/verify-service';
import { useMarkNoShowMutation } from '../api/mark-no-show';
import { ClaimantProfile } from './ClaimantProfile';

type Claim = NonNullable<ManageTaskQuery['task']>['shifts'][number]['claims']['edges'][number]['node'];

/** One claim on a shift: approve or reject a request; verify or reject the minutes served (each asked once more, being final). */
export function ClaimRow({ claim, started = false }: { claim: Claim; started?: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [decide, decideState] = useDecideClaimMutation();
  const [verify, verifyState] = useVerifyServiceMutation();
  const [noShow, noShowState] = useMarkNoShowMutation();
  const [error, setError] = useState<unknown>(null);
  const [minutes, setMinutes] = useState<number | null>(claim.serviceRecord?.minutes ?? null);
  const name = claim.volunteer.displayName;

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };
  const minutesOk = minutes !== null && Number.isInteger(minutes) && minutes >= 1 && minutes <= Limits.serviceMinutesMax;

  return (
    <li className="claim-row">
      <div className="claim-row-main">
        <ClaimantProfile claimId={claim.id} name={name} /> <span>{claim.volunteer.phone}</span> <ClaimStatusTag claim={claim} />
        {claim.actingProxy ? <span className="hint">{t('manage.viaProxy', { name: claim.actingProxy.displayName })}</span> : null}
      </div>
      <div className="hint">
        {claim.checkInAt ? t('manage.checkedIn', { time: f.time(claim.checkInAt) }) : null}
        {claim.checkOutAt ? ` · ${t('manage.checkedOut', { time: f.time(claim.checkOutAt) })}` : null}
      </div>
      {claim.status === 'PENDING_APPROVAL' ? (
        <div className="button-row">
          <Button onClick={() => run(() => decide({ variables: { input: { claimId: claim.id, approve: true } } }))} loading={decideState.loading}>
            {t('manage.approve', { name })}
          </Button>
          <Button danger onClick={() => run(() => decide({ variables: { input: { claimId: claim.id, approve: false } } }))} loading={decideState.loading}>
            {t('manage.reject', { name })}
          </Button>
        </div>
      ) : null}
      {claim.status === 'CONFIRMED' && started ? (
        <div className="button-row">
          <ConfirmIrreversible
            danger
            loading={noShowState.loading}
            title={t('irreversible.noShow.title', { name })}
            consequence={t('irreversible.noShow.consequence', { name })}
            confirmText={t('irreversible.noShow.confirm')}
            onConfirm={() => run(() => noShow({ variables: { input: { claimId: claim.id } } }))}
          >
            {t('manage.noShow', { name })}
          </ConfirmIrreversible>
        </div>
      ) : null}
      {claim.serviceRecord?.status === 'PENDING' ? (
        <div className="verify">
          <span>{t('myShifts.minutes', { count: claim.serviceRecord.minutes })}</span>
          <Form layout="vertical" className="verify-form" component="div">
            <Form.Item
              label={t('manage.minutes', { name })}
              htmlFor={`minutes-${claim.id}`}
              validateStatus={minutesOk ? undefined : 'error'}
              help={minutesOk ? undefined : t('manage.minutesRange', { max: Limits.serviceMinutesMax })}
            >
              <InputNumber id={`minutes-${claim.id}`} min={1} max={Limits.serviceMinutesMax} value={minutes} onChange={(v) => setMinutes(typeof v === 'number' ? v : null)} />
            </Form.Item>
            <div className="button-row">
              <ConfirmIrreversible
                disabled={!minutesOk}
                loading={verifyState.loading}
                title={t('irreversible.verify.title', { name, minutes })}
                consequence={t('irreversible.verify.consequence', { name })}
                confirmText={t('irreversible.verify.confirm')}
                onConfirm={() => run(() => verify({ variables: { input: { claimId: claim.id, minutes: minutes ?? undefined, approve: true } } }))}
              >
                {t('manage.verify', { name })}
              </ConfirmIrreversible>
              <ConfirmIrreversible
                danger
                loading={verifyState.loading}
                title={t('irreversible.rejectService.title', { name })}
                consequence={t('irreversible.rejectService.consequence', { name })}
                confirmText={t('irreversible.rejectService.confirm')}
                onConfirm={() => run(() => verify({ variables: { input: { claimId: claim.id, approve: false } } }))}
              >
                {t('manage.rejectService', { name })}
              </ConfirmIrreversible>
            </div>
          </Form>
        </div>
      ) : null}
      <ErrorAlert error={error} />
    </li>
  );
}
