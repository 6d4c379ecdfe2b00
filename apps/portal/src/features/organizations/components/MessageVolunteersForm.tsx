import { useRef, useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { useMessageVolunteersMutation } from '../api/message-volunteers';
import { newIdempotencyKey } from './new-key';

/** As the API counts it: characters (code points), at most this many. */
export const MESSAGE_MAX_LENGTH = Limits.volunteerMessageMaxLength;
const TASK = 'task';
const characters = (s: string) => [...s].length;

interface Values {
  target: string;
  message: string;
}

/**
 * "Message volunteers": to everyone expected on the task's coming shifts, or on one shift.
 * One idempotency key per message being written: a retry (after a timeout, a double click)
 * sends the same key, so nobody is told twice; changing the words or the shift, or a
 * successful send, starts a new message with a new key (the API refuses a key reused for
 * other words).
 */
export function MessageVolunteersForm({ taskId, shifts }: { taskId: string; shifts: { id: string; label: string }[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [send, { loading }] = useMessageVolunteersMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['message', 'target'], { aliases: { shiftId: 'target', taskId: 'target' } });
  const key = useRef<string>(newIdempotencyKey());
  const sending = useRef(false);
  const [sent, setSent] = useState<number | null>(null);

  const onFinish = async (v: Values) => {
    if (sending.current) return;
    sending.current = true;
    clearError();
    setSent(null);
    try {
      const target = v.target === TASK ? { taskId } : { shiftId: v.target };
      const { data } = await send({ variables: { input: { ...target, message: v.message.trim(), idempotencyKey: key.current } } });
      if (data) {
        setSent(data.messageVolunteers.recipients);
        key.current = newIdempotencyKey();
        form.setFieldsValue({ message: '' });
      }
    } catch (e) {
      showError(e);
    } finally {
      sending.current = false;
    }
  };

  return (
    <Form
      form={form}
      name="message-volunteers"
      layout="vertical"
      requiredMark={false}
      aria-labelledby="message-heading"
      initialValues={{ target: TASK, message: '' }}
      onFinish={onFinish}
      onValuesChange={() => {
        // Other words or another shift: another message.
        key.current = newIdempotencyKey();
        setSent(null);
      }}
    >
      <Form.Item name="target" label={t('message.target')}>
        <Select options={[{ value: TASK, label: t('message.wholeTask') }, ...shifts.map((s) => ({ value: s.id, label: s.label }))]} />
      </Form.Item>
      <Form.Item
        name="message"
        label={t('message.text')}
        extra={t('message.hint')}
        rules={[
          { required: true, whitespace: true, message: t('message.required') },
          { validator: (_, v: string | undefined) => (characters((v ?? '').trim()) > MESSAGE_MAX_LENGTH ? Promise.reject(new Error(t('validation.maxLength', { max: MESSAGE_MAX_LENGTH }))) : Promise.resolve()) },
        ]}
      >
        <Input.TextArea rows={4} showCount={{ formatter: ({ value }) => `${characters(value)} / ${MESSAGE_MAX_LENGTH}` }} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{sent !== null ? <Alert type="success" showIcon title={t('message.sent', { count: sent })} className="form-alert" /> : null}</div>
      <Button htmlType="submit" loading={loading}>
        {t('message.send')}
      </Button>
    </Form>
  );
}
