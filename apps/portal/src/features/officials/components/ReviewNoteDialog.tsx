import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';

/**
 * Rejecting an organisation or asking it for more: a dialog with the words its owner will
 * read, which may not be blank. The API's refusal (already verified, out of scope) stays
 * in the dialog.
 */
export function ReviewNoteDialog({
  trigger,
  title,
  label,
  submit,
  danger,
  onSubmit,
}: {
  trigger: string;
  title: string;
  label: string;
  submit: string;
  danger?: boolean;
  onSubmit(note: string): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const { formError, showError, clearError } = useFormErrors(form, ['note'], { aliases: { reason: 'note', message: 'note' } });
  const close = () => {
    setOpen(false);
    clearError();
    form.resetFields();
  };
  return (
    <>
      <Button danger={danger} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {trigger}
      </Button>
      <Modal open={open} title={title} onCancel={close} footer={null} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={async ({ note }) => {
            clearError();
            setBusy(true);
            try {
              await onSubmit(note.trim());
              close();
            } catch (e) {
              showError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="note" label={label} rules={[{ required: true, whitespace: true, message: t('officialDesk.noteRequired') }, { max: 500, message: t('validation.maxLength', { max: 500 }) }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
          <div className="button-row">
            <Button htmlType="submit" type="primary" danger={danger} loading={busy}>
              {submit}
            </Button>
            <Button onClick={close}>{t('officialDesk.back')}</Button>
          </div>
        </Form>
      </Modal>
    </>
  );
}
