import { useState } from 'react';
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
import { NewPasswordFields } from './NewPasswordFields';
import { usePrivacyNotice } from '../api/privacy-notice';
import { ConsentStep } from './ConsentStep';

interface Values {
  displayName: string;
  phone: string;
  password: string;
  confirm: string;
  homeRegion?: string[];
  acceptPrivacy?: boolean;
  acceptTerms?: boolean;
  contactBySms?: boolean;
}

/** The first step's fields: checked before the privacy step, and where a refusal of them sends the person back. */
const DETAILS = ['displayName', 'phone', 'password', 'confirm', 'homeRegion'] as const;

/** Sign-up in two steps: who I am, then the privacy notice and what I agree to (recorded with the account). */
export function SignUpForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { locale } = usePrefs();
  const [signUp, { loading }] = useSignUpMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['displayName', 'phone', 'password', 'homeRegion'], { aliases: { homeRegionId: 'homeRegion' } });
  const startSession = useStartSession();
  const notice = usePrivacyNotice();
  const [step, setStep] = useState<'details' | 'consent'>('details');

  const next = async () => {
    try {
      await form.validateFields([...DETAILS]);
      setStep('consent');
    } catch {
      // The fields show what is missing.
    }
  };

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
            consent: { privacyNoticeVersion: notice.data!.privacyNotice.version, termsAccepted: v.acceptTerms === true, contactBySms: v.contactBySms === true },
          },
        },
      });
      if (data) await startSession(data.register);
    } catch (e) {
      showError(e);
      // A refused name or phone is shown where it was typed.
      if (DETAILS.some((f) => form.getFieldError(f).length)) setStep('details');
    }
  };

  return (
    <Form form={form} name="signup" layout="vertical" onFinish={onFinish} requiredMark={false} className="narrow-form" aria-label={t('auth.signUp.title')}>
      <p className="hint" aria-live="polite">
        {t('consent.stepOf', { step: step === 'details' ? 1 : 2, count: 2 })}
      </p>
      {/* Both steps stay mounted, so what was typed is kept and a refusal can be shown where it belongs. */}
      <div hidden={step !== 'details'}>
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
      <NewPasswordFields name="password" label={t('auth.password')} requiredMessage={t('auth.passwordRequired')} confirmLabel={t('auth.confirmPassword')} size="large" />
      <Form.Item name="homeRegion" label={t('auth.homeGrid')} extra={t('auth.homeGridHint')}>
        <RegionCascader />
      </Form.Item>
      <Button type="primary" block size="large" onClick={() => void next()}>
        {t('consent.next')}
      </Button>
      </div>
      {step === 'consent' ? <ConsentStep version={notice.data?.privacyNotice.version} /> : null}
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      {step === 'consent' ? (
        <div className="button-row">
          <Button size="large" onClick={() => setStep('details')}>
            {t('consent.back')}
          </Button>
          <Button type="primary" htmlType="submit" size="large" loading={loading} disabled={!notice.data}>
            {t('auth.signUp.submit')}
          </Button>
        </div>
      ) : null}
      <p className="form-footer">
        {t('auth.signUp.haveAccount')} <Link to="/signin">{t('auth.signIn.link')}</Link>
      </p>
    </Form>
  );
}
