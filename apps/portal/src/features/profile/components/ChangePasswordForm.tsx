import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../../lib/errors';
import { useChangePasswordMutation } from '../api/change-password';
import { NewPasswordFields } from '../../auth/components/NewPasswordFields';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Change my password with the current one. The API signs out my other devices and
 * answers how many; this one stays signed in.
 */
export function ChangePasswordForm({ phone }: { phone?: string | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [change, { loading }] = useChangePasswordMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['currentPassword', 'newPassword']);
  const [ended, setEnded] = useState<number | null>(null);

  const onFinish = async (v: Values) => {
    clearError();
    setEnded(null);
    try {
      const { data } = await change({ variables: { input: { currentPassword: v.currentPassword, newPassword: v.newPassword } } });
      if (data) {
        form.resetFields();
        setEnded(data.changePassword);
      }
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form form={form} name="change-password" layout="vertical" requiredMark={false} onFinish={onFinish} aria-labelledby="password-heading" onValuesChange={() => setEnded(null)}>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={phone ?? ''} readOnly hidden />
      <Form.Item name="currentPassword" label={t('changePassword.current')} rules={[{ required: true, message: t('changePassword.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields name="newPassword" label={t('changePassword.new')} requiredMessage={t('changePassword.newRequired')} confirmLabel={t('changePassword.confirm')} />
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">
        {ended !== null ? (
          <Alert type="success" showIcon className="form-alert" title={ended > 0 ? t('changePassword.done', { count: ended }) : t('changePassword.doneNone')} />
        ) : null}
      </div>
      <Button htmlType="submit" loading={loading} size="large">
        {t('changePassword.submit')}
      </Button>
    </Form>
  );
}
