import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { readDeviceToken } from '../../../lib/auth';
import { useFormErrors } from '../../../lib/errors';
import { useSignInMutation } from '../api/sign-in';
import { useStartSession } from '../hooks/use-start-session';
import { phoneRules } from './phone-rules';

interface Values {
  phone: string;
  password: string;
}

export function SignInForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [signIn, { loading }] = useSignInMutation();
  // A wrong password is the password's fault to the user, though the API names no field.
  const { formError, showError, clearError } = useFormErrors(form, ['phone', 'password'], { keyFields: { 'auth.badCredentials': 'password' } });
  const startSession = useStartSession();
  const [params] = useSearchParams();

  const onFinish = async (values: Values) => {
    clearError();
    try {
      // This device's token (from an earlier sign-in here) keeps it signing in while others' wrong guesses lock the number.
      const deviceToken = readDeviceToken();
      const input = { phone: values.phone.trim(), password: values.password, ...(deviceToken ? { deviceToken } : {}) };
      const { data } = await signIn({ variables: { input } });
      if (data) await startSession(data.login);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form form={form} name="signin" layout="vertical" onFinish={onFinish} requiredMark={false} className="narrow-form" aria-label={t('auth.signIn.title')}>
      <Form.Item name="phone" label={t('auth.phone')} rules={phoneRules(t)} extra={t('auth.phoneHint')}>
        <Input type="tel" inputMode="numeric" autoComplete="tel" size="large" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" size="large" />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <Button type="primary" htmlType="submit" block size="large" loading={loading}>
        {t('auth.signIn.submit')}
      </Button>
      <p className="form-footer">
        <Link to="/forgot-password">{t('forgotPassword.link')}</Link>
      </p>
      <p className="form-footer">
        {t('auth.signIn.noAccount')} <Link to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t('auth.signUp.link')}</Link>
      </p>
    </Form>
  );
}
