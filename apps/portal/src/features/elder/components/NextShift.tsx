import { useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { checkInWindow } from '../../../lib/time';
import { ErrorAlert, LinkButton, Loading, PageTitle, usePlainWords } from '../../../lib/ui';
import { useElderNextShift } from '../api/next-shift';
import { useElderCancelClaim, useElderCheckIn, useElderCheckOut } from '../api/attendance';
import { ElderBack } from './ElderBack';

/** "My next shift": the soonest shift the person holds or waits for, with what they can do about it. */
export function NextShift({ now = Date.now() }: { now?: number }) {
  const { t } = useTranslation();
  const plain = usePlainWords();
  const claims = useElderNextShift();
  const [checkIn, checkingIn] = useElderCheckIn();
  const [checkOut, checkingOut] = useElderCheckOut();
  const [cancel, cancelling] = useElderCancelClaim();
  const [code, setCode] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);

  const next = (claims.data?.myClaims.edges ?? [])
    .map((e) => e.node)
    .filter((c) => !c.shift.cancelledAt)
    .sort((a, b) => Date.parse(a.shift.startsAt) - Date.parse(b.shift.startsAt))[0];

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };

  let body;
  if (!claims.data && claims.loading) body = <Loading />;
  else if (!next) {
    body = (
      <div className="elder-screen">
        {cancelled ? (
          <Alert type="success" showIcon role="status" title={t('elder.next.cancelled')} />
        ) : null}
        <p className="elder-big-text">{t('elder.next.none')}</p>
        <LinkButton to="/elder/today" type="primary" size="large" block className="elder-button">
          {t('elder.next.findToday')}
        </LinkButton>
      </div>
    );
  } else {
    const s = next.shift;
    const opening = checkInWindow(s.startsAt, s.endsAt, Limits.checkInOpensMinutesBefore, now);
    const needsCode = s.task.requiresCheckInCode;
    body = (
      <article className="elder-screen elder-card" aria-labelledby="elder-next-title">
        <h2 id="elder-next-title">{s.task.title}</h2>
        <dl className="elder-facts">
          <div>
            <dt>{t('elder.facts.when')}</dt>
            <dd>{plain.when(s.startsAt, s.endsAt)}</dd>
          </div>
          <div>
            <dt>{t('elder.facts.where')}</dt>
            <dd>{plain.where(s.place, s.task.region)}</dd>
          </div>
          <div>
            <dt>{t('elder.facts.who')}</dt>
            <dd>{s.task.organization.name}</dd>
          </div>
        </dl>
        <p className="elder-status">{plain.status(next.status)}</p>
        {next.status === 'CONFIRMED' && opening.state === 'open' ? (
          <div className="elder-checkin">
            {needsCode ? (
              <label className="stack-field">
                <span className="field-label">{t('elder.next.code')}</span>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} className="code-input" />
              </label>
            ) : null}
            <Button
              type="primary"
              size="large"
              block
              className="elder-button"
              loading={checkingIn.loading}
              onClick={() => void act(() => checkIn({ variables: { input: { claimId: next.id, code: needsCode ? code.trim() : undefined } } }))}
            >
              {t('elder.next.checkIn')}
            </Button>
          </div>
        ) : null}
        {next.status === 'CONFIRMED' && opening.state === 'notYet' ? <p className="elder-note">{t('elder.next.checkInLater', { time: opening.opensAt.format('HH:mm') })}</p> : null}
        {next.status === 'CHECKED_IN' ? (
          <Button type="primary" size="large" block className="elder-button" loading={checkingOut.loading} onClick={() => void act(() => checkOut({ variables: { input: { claimId: next.id } } }))}>
            {t('elder.next.checkOut')}
          </Button>
        ) : null}
        {next.status !== 'CHECKED_IN' && Date.parse(s.startsAt) > now ? (
          asking ? (
            <div className="elder-confirm" role="group" aria-label={t('elder.next.cancelQuestion')}>
              <p className="elder-big-text">{t('elder.next.cancelQuestion')}</p>
              <div className="elder-button-row">
                <Button
                  danger
                  size="large"
                  className="elder-button"
                  loading={cancelling.loading}
                  onClick={() =>
                    void act(async () => {
                      await cancel({ variables: { input: { claimId: next.id } } });
                      setAsking(false);
                      setCancelled(true);
                    })
                  }
                >
                  {t('elder.next.cancelYes')}
                </Button>
                <Button size="large" className="elder-button" onClick={() => setAsking(false)}>
                  {t('elder.next.cancelNo')}
                </Button>
              </div>
            </div>
          ) : (
            <Button size="large" block className="elder-button" onClick={() => setAsking(true)}>
              {t('elder.next.cancel')}
            </Button>
          )
        ) : null}
        <ErrorAlert error={error} />
      </article>
    );
  }

  return (
    <>
      <ElderBack />
      <PageTitle>{t('elder.next.title')}</PageTitle>
      <ErrorAlert error={claims.error} onRetry={() => void claims.refetch()} />
      {body}
    </>
  );
}
