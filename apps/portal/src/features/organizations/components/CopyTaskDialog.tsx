import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { useCopyTaskMutation } from '../api/copy-task';

interface Values {
  offsetDays: number | null;
  title?: string;
}

const DEFAULT_OFFSET_DAYS = 7;

/** "Copy task": a new draft with every shift moved by some days (next week by default), then its page. */
export function CopyTaskDialog({ organizationId, task }: { organizationId: string; task: { id: string; title: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [copy, { loading }] = useCopyTaskMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['offsetDays', 'title']);

  const close = () => {
    setOpen(false);
    clearError();
  };

  const onFinish = async (v: Values) => {
    clearError();
    try {
      const { data } = await copy({ variables: { input: { id: task.id, offsetDays: v.offsetDays!, title: v.title?.trim() || undefined } } });
      if (data) {
        setOpen(false);
        navigate(`/orgs/${organizationId}/tasks/${data.copyTask.id}`);
      }
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('copyTask.open')}</Button>
      <Modal
        open={open}
        title={t('copyTask.title')}
        onCancel={close}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={close}>
            {t('common.cancel')}
          </Button>,
          <Button key="copy" type="primary" loading={loading} onClick={() => form.submit()}>
            {t('copyTask.submit')}
          </Button>,
        ]}
      >
        <p>{t('copyTask.lead')}</p>
        <Form form={form} name="copy-task" layout="vertical" requiredMark={false} onFinish={onFinish} initialValues={{ offsetDays: DEFAULT_OFFSET_DAYS, title: '' }}>
          <Form.Item
            name="offsetDays"
            label={t('copyTask.offsetDays')}
            extra={t('copyTask.offsetHint', { max: Limits.copyOffsetDaysMax })}
            rules={[
              {
                validator: (_, d: number | null | undefined) =>
                  typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= Limits.copyOffsetDaysMax
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('copyTask.offsetRange', { max: Limits.copyOffsetDaysMax }))),
              },
            ]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('copyTask.newTitle')}
            extra={t('copyTask.newTitleHint')}
            rules={[{ max: Limits.taskTitleMaxLength, message: t('validation.maxLength', { max: Limits.taskTitleMaxLength }) }]}
          >
            <Input placeholder={task.title} />
          </Form.Item>
          {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        </Form>
      </Modal>
    </>
  );
}
