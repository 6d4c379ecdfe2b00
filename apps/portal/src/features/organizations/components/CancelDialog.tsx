import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';

/**
 * Cancelling a shift or a whole task: a dialog that says what cannot be undone (the claims
 * are cancelled and the volunteers told) and asks for the reason they will read.
 */
export function CancelDialog({
  trigger,
  triggerLabel,
  title,
  consequence,
  confirm,
  onCancel,
}: {
  /** The button's text; `triggerLabel` names what it cancels for screen readers. */
  trigger: string;
  triggerLabel?: string;
  title: string;
  consequence: string;
  confirm: string;
  onCancel(reason: string): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const { formError, showError, clearError } = useFormErrors(form, ['reason']);

  const close = () => {
    setOpen(false);
    clearError();
    form.resetFields();
  };

  const onFinish = async ({ reason }: { reason: string }) => {
    clearError();
    setBusy(true);
    try {
      await onCancel(reason.trim());
      close();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)} aria-label={triggerLabel}>
        {trigger}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={close}
        destroyOnHidden
        footer={[
          <Button key="keep" onClick={close}>
            {t('cancelWork.keep')}
          </Button>,
          <Button key="confirm" danger type="primary" loading={busy} onClick={() => form.submit()}>
            {confirm}
          </Button>,
        ]}
      >
        <Alert type="warning" showIcon title={consequence} className="form-alert" />
        <Form form={form} name="cancel-work" layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Form.Item
            name="reason"
            label={t('cancelWork.reason')}
            extra={t('cancelWork.reasonHint')}
            rules={[
              { required: true, whitespace: true, message: t('cancelWork.reasonRequired') },
              { max: Limits.cancelReasonMaxLength, message: t('validation.maxLength', { max: Limits.cancelReasonMaxLength }) },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        </Form>
      </Modal>
    </>
  );
}
