import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { RegionCascader } from '../../../lib/regions';
import { usePrefs } from '../../../lib/prefs';
import { useSignUpMutation } from '../api/sign-up';
import { useStartSession } from '../hooks/use-start-session';
import { phoneRules } from './phone-rules';

interface Values {
  displayName: string;
  phone: string;
  password: string;
  confirm: string;
  homeRegion?: string[];
}

export function SignUpForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { locale } = usePrefs();
  const [signUp, { loading }] = useSignUpMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['displayName', 'phone', 'password', 'homeRegion'], { aliases: { homeRegionId: 'homeRegion' } });
  const startSession = useStartSession();

  const onFinish = async (v: Values) => {
    clearError();
    try {
      const { data } = await signUp({
        variables: {
          input: {
            displayName: v.displayName.trim(),
            phone: v.phone.trim(),
            password: v.password,
            homeRegionId: v.homeRegion?.length ? v.homeRegion[v.homeRegion.length - 1] : undefined,
            locale,
          },
        },
      });
      if (data) await startSession(data.register);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form form={form} name="signup" layout="vertical" onFinish={onFinish} requiredMark={false} className="narrow-form" aria-label={t('auth.signUp.title')}>
      <Form.Item
        name="displayName"
        label={t('auth.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('auth.displayNameRequired') },
          { max: Limits.displayNameMaxLength, message: t('validation.maxLength', { max: Limits.displayNameMaxLength }) },
        ]}
      >
        <Input autoComplete="name" size="large" />
      </Form.Item>
      <Form.Item name="phone" label={t('auth.phone')} rules={phoneRules(t)} extra={t('auth.phoneHint')}>
        <Input type="tel" inputMode="numeric" autoComplete="tel" size="large" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        extra={t('auth.passwordHint', { min: Limits.passwordMinLength })}
        rules={[
          { required: true, message: t('auth.passwordRequired') },
          { min: Limits.passwordMinLength, message: t('auth.passwordTooShort', { min: Limits.passwordMinLength }) },
          { max: Limits.passwordMaxLength, message: t('validation.maxLength', { max: Limits.passwordMaxLength }) },
        ]}
      >
        <Input.Password autoComplete="new-password" size="large" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('auth.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.confirmMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" size="large" />
      </Form.Item>
      <Form.Item name="homeRegion" label={t('auth.homeGrid')} extra={t('auth.homeGridHint')}>
        <RegionCascader />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <Button type="primary" htmlType="submit" block size="large" loading={loading}>
        {t('auth.signUp.submit')}
      </Button>
      <p className="form-footer">
        {t('auth.signUp.haveAccount')} <Link to="/signin">{t('auth.signIn.link')}</Link>
      </p>
    </Form>
  );
}
