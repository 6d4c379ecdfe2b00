import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { checkInWindow, useFormatters } from '../../../lib/time';
import { ConfirmIrreversible, ErrorAlert, useListActionType } from '../../../lib/ui';
import { useFormErrors } from '../../../lib/errors';
import { useCheckInMutation } from '../api/check-in';
import { useCheckOutMutation } from '../api/check-out';

export interface AttendanceClaim {
  id: string;
  status: string;
  checkInAt?: string | null;
  shift: { startsAt: string; endsAt: string; task: { requiresCheckInCode: boolean } };
}

/**
 * Check in (with the 6-digit code when the task asks for it) while the window is open,
 * from 30 minutes before the start until the end; then check out. Outside the window the
 * card says when it opens or that it has closed.
 */
export function AttendanceActions({ claim, now }: { claim: AttendanceClaim; now: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const buttonType = useListActionType();
  const [checkIn, checkInState] = useCheckInMutation();
  const [checkOut, checkOutState] = useCheckOutMutation();
  const [form] = Form.useForm<{ code: string }>();
  const { formError, showError, clearError } = useFormErrors(form, ['code']);
  const [outError, setOutError] = useState<unknown>(null);
  const needsCode = claim.shift.task.requiresCheckInCode;

  if (claim.status === 'CHECKED_IN') {
    return (
      <div className="attendance">
        <p>{t('myShifts.checkedInAt', { time: claim.checkInAt ? f.time(claim.checkInAt) : '' })}</p>
        <ConfirmIrreversible
          type={buttonType}
          loading={checkOutState.loading}
          title={t('irreversible.checkOut.title')}
          consequence={t('irreversible.checkOut.consequence')}
          confirmText={t('irreversible.checkOut.confirm')}
          onConfirm={async () => {
            setOutError(null);
            try {
              await checkOut({ variables: { input: { claimId: claim.id } } });
            } catch (e) {
              setOutError(e);
            }
          }}
        >
          {t('myShifts.checkOut')}
        </ConfirmIrreversible>
        <ErrorAlert error={outError} />
      </div>
    );
  }
  if (claim.status !== 'CONFIRMED') return null;

  const w = checkInWindow(claim.shift.startsAt, claim.shift.endsAt, Limits.checkInOpensMinutesBefore, now);
  if (w.state === 'notYet') {
    return (
      <p className="window-note" role="note">
        {t('myShifts.checkInOpensAt', { time: w.opensAt.format(t('format.dateTime')), minutes: Limits.checkInOpensMinutesBefore })}
      </p>
    );
  }
  if (w.state === 'closed') {
    return (
      <p className="window-note" role="note">
        {t('myShifts.checkInClosed')}
      </p>
    );
  }

  const onFinish = async ({ code }: { code?: string }) => {
    clearError();
    try {
      await checkIn({ variables: { input: { claimId: claim.id, code: needsCode ? code?.trim() : undefined } } });
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form form={form} name={`checkin-${claim.id}`} layout="vertical" onFinish={onFinish} className="attendance" requiredMark={false}>
      <p className="window-note window-open">{t('myShifts.checkInOpen')}</p>
      {needsCode ? (
        <Form.Item
          name="code"
          label={t('myShifts.code')}
          extra={t('myShifts.codeHint')}
          rules={[
            { required: true, message: t('myShifts.codeRequired') },
            { pattern: /^\d{6}$/, message: t('myShifts.codeFormat') },
          ]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="code-input" />
        </Form.Item>
      ) : null}
      <Button type={buttonType} htmlType="submit" loading={checkInState.loading}>
        {t('myShifts.checkIn')}
      </Button>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
    </Form>
  );
}
