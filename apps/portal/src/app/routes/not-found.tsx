import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../lib/ui';

export default function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p className="lead">{t('notFound.body')}</p>
      <Link to="/">{t('nav.board')}</Link>
    </>
  );
}
