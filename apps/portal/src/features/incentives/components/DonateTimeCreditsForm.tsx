import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useListActionType } from '../../../lib/ui';
import { useDonateTimeCreditsMutation, useFindDonationRecipient } from '../api/donate-time-credits';
import { useIncentiveFormErrors } from '../hooks/errors';
import { useIdempotencyKey } from '../hooks/idempotency';

interface Values {
  phone: string;
  minutes: number;
  note?: string;
}

/**
 * Give time credits to an elder (a resident aged 60 or over) or to someone who made me their
 * proxy (family): find them by mobile number, then the minutes and a note.
 */
export function DonateTimeCreditsForm({ balance }: { balance: number | null }) {
  const { t } = useTranslation();
  const buttonType = useListActionType();
  const [form] = Form.useForm<Values>();
  const [find, found] = useFindDonationRecipient();
  const [donate, donating] = useDonateTimeCreditsMutation();
  const { keyFor, done } = useIdempotencyKey();
  const { formError, showError, clearError } = useIncentiveFormErrors(form, ['phone', 'minutes', 'note'], { recipientUserId: 'phone' });
  const [given, setGiven] = useState<string | null>(null);
  const person = found.data?.userByPhone ?? null;
  const searched = found.called && !found.loading && !found.error;

  const onFind = async () => {
    clearError();
    setGiven(null);
    try {
      const { phone } = await form.validateFields(['phone']);
      const res = await find({ variables: { phone: phone.trim() } });
      if (res.error) showError(res.error);
    } catch {
      /* the field shows its own message */
    }
  };

  const onDonate = async ({ minutes, note }: Values) => {
    if (!person) return;
    clearError();
    setGiven(null);
    const input = { recipientUserId: person.id, minutes, note: note?.trim() || undefined };
    try {
      await donate({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
      done();
      setGiven(t('incentives.donate.done', { count: minutes, name: person.displayName }));
      form.resetFields();
      found.client.cache.evict({ fieldName: 'userByPhone' });
    } catch (e) {
      showError(e);
    }
  };

  return (
    <section className="panel" aria-labelledby="wallet-donate">
      <h2 id="wallet-donate">{t('incentives.donate.title')}</h2>
      <p className="hint">{t('incentives.donate.rule')}</p>
      <Form form={form} name="donate-time-credits" layout="vertical" onFinish={onDonate} requiredMark={false}>
        <Form.Item label={t('incentives.donate.phone')} required>
          <div className="inline-field">
            <Form.Item name="phone" noStyle rules={[{ required: true, whitespace: true, message: t('auth.phoneRequired') }]}>
              <Input type="tel" inputMode="numeric" aria-label={t('incentives.donate.phone')} onChange={() => setGiven(null)} />
            </Form.Item>
            <Button onClick={() => void onFind()} loading={found.loading}>
              {t('incentives.donate.find')}
            </Button>
          </div>
        </Form.Item>
        <div aria-live="polite">
          {searched && person ? <Alert type="success" showIcon title={t('incentives.donate.found', { name: person.displayName, phone: person.phone ?? '' })} /> : null}
          {searched && !person ? <Alert type="warning" showIcon title={t('incentives.donate.notFound')} /> : null}
        </div>
        {person ? (
          <>
            <Form.Item
              name="minutes"
              label={t('incentives.donate.minutes')}
              extra={balance != null ? t('incentives.donate.available', { count: balance }) : undefined}
              rules={[{ required: true, message: t('incentives.donate.minutesRequired') }]}
            >
              <InputNumber min={1} max={balance ?? undefined} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label={t('incentives.donate.note')} rules={[{ max: 200, message: t('validation.maxLength', { max: 200 }) }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type={buttonType} htmlType="submit" loading={donating.loading}>
              {t('incentives.donate.submit', { name: person.displayName })}
            </Button>
          </>
        ) : null}
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <div aria-live="polite">{given ? <p className="saved-note">{given}</p> : null}</div>
      </Form>
    </section>
  );
}
