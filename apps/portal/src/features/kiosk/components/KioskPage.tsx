import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormatters } from '../../../lib/time';
import { ConfirmIrreversible, EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import type { KioskExpectedQuery } from '../../../gql/graphql';
import { useKioskCheckIn, useKioskCheckOut, useKioskExpected, useKioskShift, useKioskSignOut } from '../api/kiosk';
import { setKioskLock } from '../lock';
import { useDisplayName } from '../../../lib/i18n';

type Entry = KioskExpectedQuery['kioskExpected'][number];
/** A confirmation stays this long before the kiosk is ready for the next person. */
const NEXT_PERSON_MS = 15_000;
const DIGITS = new RegExp(`^\\d{${Limits.kioskPhoneDigits}}$`);

/**
 * Kiosk mode: a shared tablet at the venue, opened by a coordinator who is signed in. A
 * volunteer types the last 4 digits of their phone, picks themselves from the masked
 * matches and is checked in (or out) on the coordinator's behalf. The page has no
 * navigation, and the kiosk lock keeps the coordinator's other pages out of reach; leaving
 * signs the tablet out, so getting back in takes the coordinator's password.
 */
export function KioskPage({ shiftId }: { shiftId: string }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const navigate = useNavigate();
  const shiftQuery = useKioskShift(shiftId);
  const [find, found] = useKioskExpected();
  const [checkIn, inState] = useKioskCheckIn();
  const [checkOut, outState] = useKioskCheckOut();
  const signOut = useKioskSignOut();
  const [digits, setDigits] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [digitsError, setDigitsError] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<Entry | null>(null);
  const [leaving, setLeaving] = useState(false);
  const digitsRef = useRef<HTMLInputElement>(null);
  const shift = shiftQuery.data?.shift;
  // Only a coordinator of the shift's organisation sees its code: then, and only then, the kiosk locks.
  const mayRun = Boolean(shift?.checkInCode);

  useEffect(() => {
    if (mayRun) setKioskLock(shiftId);
  }, [mayRun, shiftId]);

  const reset = () => {
    setDigits('');
    setSearched(null);
    setDone(null);
    setActionError(null);
    digitsRef.current?.focus();
  };
  useEffect(() => {
    if (!done) return;
    const timer = window.setTimeout(reset, NEXT_PERSON_MS);
    return () => window.clearTimeout(timer);
  }, [done]);

  if (!shiftQuery.data && shiftQuery.loading) return <Loading />;
  if (shiftQuery.error && !shift) return <ErrorAlert error={shiftQuery.error} onRetry={() => void shiftQuery.refetch()} />;
  if (!shift) return <EmptyState text={t('kiosk.notFound')} />;
  if (!mayRun) return <Alert type="warning" showIcon title={t('kiosk.notCoordinator')} />;

  const lookUp = async () => {
    setActionError(null);
    setDone(null);
    if (!DIGITS.test(digits)) {
      setDigitsError(true);
      return;
    }
    setDigitsError(false);
    setSearched(digits);
    await find({ variables: { shiftId, phoneLast4: digits } });
  };

  const act = async (entry: Entry) => {
    setActionError(null);
    try {
      const input = { shiftId, claimId: entry.claimId, phoneLast4: searched ?? digits };
      const result = entry.status === 'CHECKED_IN' ? (await checkOut({ variables: { input } })).data?.kioskCheckOut : (await checkIn({ variables: { input } })).data?.kioskCheckIn;
      if (result) setDone(result);
    } catch (e) {
      setActionError(e);
    }
  };

  const leave = async () => {
    setLeaving(true);
    setKioskLock(null);
    await signOut();
    navigate(`/signin?next=${encodeURIComponent(`/orgs/${shift.task.organization.id}/tasks/${shift.task.id}/shifts/${shift.id}`)}`, { replace: true });
  };

  const matches = searched ? (found.data?.kioskExpected ?? []) : [];

  return (
    <div className="kiosk">
      <PageTitle title={t('kiosk.title', { task: shift.task.title })}>{t('kiosk.title', { task: shift.task.title })}</PageTitle>
      <p className="kiosk-when">
        {show(shift.task.organization)} · {f.range(shift.startsAt, shift.endsAt)}
      </p>
      {done ? (
        <section className="panel kiosk-done" aria-labelledby="kiosk-done-heading">
          <div aria-live="assertive">
            <h2 id="kiosk-done-heading">
              {done.status === 'CHECKED_IN' ? t('kiosk.checkedIn', { name: done.name, time: done.checkInAt ? f.time(done.checkInAt) : '' }) : t('kiosk.checkedOut', { name: done.name, time: done.checkOutAt ? f.time(done.checkOutAt) : '' })}
            </h2>
          </div>
          <Button type="primary" size="large" block onClick={reset}>
            {t('kiosk.next')}
          </Button>
        </section>
      ) : (
        <section className="panel" aria-labelledby="kiosk-find-heading">
          <h2 id="kiosk-find-heading">{t('kiosk.findHeading')}</h2>
          <Form layout="vertical" component="div">
            <Form.Item label={t('kiosk.digits')} htmlFor="kiosk-digits" validateStatus={digitsError ? 'error' : undefined} help={digitsError ? t('kiosk.digitsFormat') : t('kiosk.digitsHint')}>
              <Input
                id="kiosk-digits"
                ref={(el) => {
                  digitsRef.current = el?.input ?? null;
                }}
                className="kiosk-digits"
                inputMode="numeric"
                autoComplete="off"
                maxLength={Limits.kioskPhoneDigits}
                value={digits}
                autoFocus
                onChange={(e) => {
                  setDigits(e.target.value.replace(/\D/g, ''));
                  setSearched(null);
                }}
                onPressEnter={() => void lookUp()}
              />
            </Form.Item>
            <Button type="primary" size="large" block loading={found.loading} onClick={() => void lookUp()}>
              {t('kiosk.find')}
            </Button>
          </Form>
          <ErrorAlert error={found.error} />
          {searched && !found.loading && found.data ? (
            <div aria-live="polite">
              {matches.length === 0 ? (
                <Alert type="warning" showIcon title={t('kiosk.noMatch')} className="form-alert" />
              ) : (
                <>
                  <h3>{t('kiosk.pick')}</h3>
                  <ul className="plain-list kiosk-matches">
                    {matches.map((m) => (
                      <li key={m.claimId} className="claim-row">
                        <div className="claim-row-main">
                          <strong>{m.name}</strong> <span>{m.phone}</span>
                        </div>
                        {m.status === 'CONFIRMED' ? (
                          <Button size="large" block loading={inState.loading || outState.loading} onClick={() => void act(m)}>
                            {t('kiosk.checkIn', { name: m.name })}
                          </Button>
                        ) : m.status === 'CHECKED_IN' ? (
                          <ConfirmIrreversible
                            size="large"
                            block
                            loading={inState.loading || outState.loading}
                            title={t('irreversible.checkOutFor.title', { name: m.name })}
                            consequence={t('irreversible.checkOutFor.consequence', { name: m.name })}
                            confirmText={t('irreversible.checkOutFor.confirm')}
                            onConfirm={() => act(m)}
                          >
                            {t('kiosk.checkOut', { name: m.name })}
                          </ConfirmIrreversible>
                        ) : (
                          <p className="hint">{m.checkOutAt ? t('kiosk.alreadyOut', { time: f.time(m.checkOutAt) }) : null}</p>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ) : null}
          <ErrorAlert error={actionError} />
        </section>
      )}
      <p className="kiosk-exit">
        <Button
          onClick={() =>
            Modal.confirm({
              title: t('kiosk.exitTitle'),
              content: t('kiosk.exitBody'),
              okText: t('kiosk.exitConfirm'),
              cancelText: t('common.cancel'),
              onOk: leave,
            })
          }
          loading={leaving}
        >
          {t('kiosk.exit')}
        </Button>
      </p>
    </div>
  );
}
