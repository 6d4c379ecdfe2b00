import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../lib/ui';
import { ForgotPasswordForm } from '../../features/auth/components/ForgotPasswordForm';

export default function ForgotPasswordRoute() {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <PageTitle>{t('forgotPassword.title')}</PageTitle>
      <p className="lead">{t('forgotPassword.lead')}</p>
      <ForgotPasswordForm />
    </div>
  );
}
