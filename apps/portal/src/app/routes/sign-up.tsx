import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../lib/ui';
import { SignUpForm } from '../../features/auth/components/SignUpForm';

export default function SignUpRoute() {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <PageTitle>{t('auth.signUp.title')}</PageTitle>
      <p className="lead">{t('auth.signUp.lead')}</p>
      <SignUpForm />
    </div>
  );
}
