import { useCallback, useRef, useState } from 'react';
import { Alert, Button, Input, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConfirmRedemptionMutation } from '../../../gql/graphql';
import { apiErrors } from '../../../lib/errors';
import { useFormatters } from '../../../lib/time';
import { useConfirmRedemptionMutation } from '../api/confirm-redemption';
import { normalizeRedemptionCode } from '../hooks/code';
import { translateIncentiveError } from '../hooks/errors';
import { CodeScanner, canScanCodes } from './CodeScanner';
import { MerchantGate } from './MerchantGate';

type Confirmed = ConfirmRedemptionMutation['confirmRedemption'];

function Counter({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [done, setDone] = useState<Confirmed | null>(null);
  const [confirm, confirming] = useConfirmRedemptionMutation();
  const input = useRef<InputRef>(null);
  const scanner = canScanCodes();

  const submit = async (raw: string) => {
    const value = normalizeRedemptionCode(raw);
    setDone(null);
    if (!value) {
      setFieldError(t('incentives.counter.codeRequired'));
      input.current?.focus();
      return;
    }
    setFieldError(null);
    try {
      const res = await confirm({ variables: { input: { organizationId: orgId, code: value } } });
      if (res.data) {
        setDone(res.data.confirmRedemption);
        setCode('');
      }
    } catch (e) {
      setFieldError(apiErrors(e).map((x) => translateIncentiveError(t, x)).join(' '));
      input.current?.focus();
    }
  };

  const onScanned = useCallback((text: string) => {
    setScanning(false);
    setCode(normalizeRedemptionCode(text));
    void submit(text);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className="panel counter" aria-labelledby="counter-heading">
      <h2 id="counter-heading">{t('incentives.counter.enter')}</h2>
      <p className="hint" id="counter-hint">
        {t('incentives.counter.hint')}
      </p>
      <form
        className="counter-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(code);
        }}
      >
        <label htmlFor="counter-code" className="counter-label">
          {t('incentives.counter.code')}
        </label>
        <Input
          id="counter-code"
          ref={input}
          className="counter-code-input"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setFieldError(null);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={16}
          status={fieldError ? 'error' : undefined}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'counter-hint counter-error' : 'counter-hint'}
        />
        <div id="counter-error" role="alert" className="field-error">
          {fieldError}
        </div>
        <div className="counter-buttons">
          <Button type="primary" htmlType="submit" size="large" loading={confirming.loading}>
            {t('incentives.counter.confirm')}
          </Button>
          {scanner && !scanning ? (
            <Button size="large" onClick={() => setScanning(true)}>
              {t('incentives.counter.scan')}
            </Button>
          ) : null}
        </div>
      </form>
      {scanning ? <CodeScanner onCode={onScanned} onClose={() => setScanning(false)} /> : null}
      <div aria-live="polite">
        {done ? (
          <Alert
            type="success"
            showIcon
            className="form-alert"
            title={t('incentives.counter.confirmed', { title: done.reward.title })}
            description={
              <>
                <p>{t('incentives.counter.points', { count: done.points })}</p>
                <p>{done.onBehalfOf ? t('incentives.counter.forProxy', { name: done.user.displayName }) : t('incentives.counter.for', { name: done.user.displayName })}</p>
                {done.confirmedAt ? <p>{t('incentives.counter.at', { time: f.dateTime(done.confirmedAt) })}</p> : null}
              </>
            }
          />
        ) : null}
      </div>
    </section>
  );
}

/** The counter: staff type the customer's code (or scan its QR) and confirm it. */
export function CounterPage({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  return (
    <MerchantGate orgId={orgId} title={t('incentives.counter.title')}>
      {() => <Counter orgId={orgId} />}
    </MerchantGate>
  );
}
