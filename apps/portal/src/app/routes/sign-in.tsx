import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../lib/ui';
import { SignInForm } from '../../features/auth/components/SignInForm';

export default function SignInRoute() {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <PageTitle>{t('auth.signIn.title')}</PageTitle>
      <p className="lead">{t('auth.signIn.lead')}</p>
      <SignInForm />
    </div>
  );
}
