import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormErrors } from '../../../lib/errors';
import { useRequestPasswordResetMutation, useResetPasswordMutation } from '../api/password-reset';
import { phoneRules } from './phone-rules';
import { NewPasswordFields } from './NewPasswordFields';

interface PhoneValues {
  phone: string;
}

interface ResetValues {
  code: string;
  newPassword: string;
  confirm: string;
}

/**
 * A forgotten password: the phone first (a code goes by SMS if it has an account; the
 * page says the same either way), then the code and a new password. Every device that
 * was signed in is signed out; the person signs in again with the new password.
 */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const [phoneForm] = Form.useForm<PhoneValues>();
  const [resetForm] = Form.useForm<ResetValues>();
  const [request, requesting] = useRequestPasswordResetMutation();
  const [reset, resetting] = useResetPasswordMutation();
  const phoneErrors = useFormErrors(phoneForm, ['phone']);
  const resetErrors = useFormErrors(resetForm, ['code', 'newPassword']);
  const [phone, setPhone] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const onPhone = async (v: PhoneValues) => {
    phoneErrors.clearError();
    try {
      const { data } = await request({ variables: { input: { phone: v.phone.trim() } } });
      if (data) setPhone(v.phone.trim());
    } catch (e) {
      phoneErrors.showError(e);
    }
  };

  const onReset = async (v: ResetValues) => {
    resetErrors.clearError();
    try {
      const { data } = await reset({ variables: { input: { phone: phone!, code: v.code.trim(), newPassword: v.newPassword } } });
      if (data?.resetPassword) setDone(true);
    } catch (e) {
      resetErrors.showError(e);
    }
  };

  if (done) {
    return (
      <div className="narrow-form" aria-live="polite">
        <Alert type="success" showIcon className="form-alert" title={t('forgotPassword.done')} />
        <p className="form-footer">
          <Link to="/signin">{t('forgotPassword.toSignIn')}</Link>
        </p>
      </div>
    );
  }

  if (!phone) {
    return (
      <Form key="phone" form={phoneForm} name="forgot-password" layout="vertical" requiredMark={false} onFinish={onPhone} className="narrow-form" aria-label={t('forgotPassword.title')}>
        <Form.Item name="phone" label={t('auth.phone')} rules={phoneRules(t)} extra={t('forgotPassword.phoneHint')}>
          <Input type="tel" inputMode="numeric" autoComplete="tel" size="large" />
        </Form.Item>
        {phoneErrors.formError ? <Alert type="error" showIcon role="alert" title={phoneErrors.formError} className="form-alert" /> : null}
        <Button type="primary" htmlType="submit" block size="large" loading={requesting.loading}>
          {t('forgotPassword.sendCode')}
        </Button>
        <p className="form-footer">
          <Link to="/signin">{t('forgotPassword.backToSignIn')}</Link>
        </p>
      </Form>
    );
  }

  return (
    // Its own key: React would otherwise reuse the first step's form, bound to the other instance.
    <Form key="reset" form={resetForm} name="reset-password" layout="vertical" requiredMark={false} onFinish={onReset} className="narrow-form" aria-label={t('forgotPassword.resetTitle')}>
      <p aria-live="polite" className="hint">
        {t('forgotPassword.codeSent', { minutes: 10 })}
      </p>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={phone} readOnly hidden />
      <Form.Item
        name="code"
        label={t('forgotPassword.code')}
        rules={[
          { required: true, message: t('forgotPassword.codeRequired') },
          { pattern: /^\s*\d{6}\s*$/, message: t('forgotPassword.codeFormat') },
        ]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" />
      </Form.Item>
      <NewPasswordFields name="newPassword" label={t('changePassword.new')} requiredMessage={t('changePassword.newRequired')} confirmLabel={t('changePassword.confirm')} size="large" />
      {resetErrors.formError ? <Alert type="error" showIcon role="alert" title={resetErrors.formError} className="form-alert" /> : null}
      <Button type="primary" htmlType="submit" block size="large" loading={resetting.loading}>
        {t('forgotPassword.submit')}
      </Button>
      <p className="form-footer">
        <Button type="link" onClick={() => setPhone(null)}>
          {t('forgotPassword.askAgain')}
        </Button>
      </p>
    </Form>
  );
}
