import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The way back to the elder home, at the top of each of its screens. */
export function ElderBack() {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb elder-back">
      <Link to="/">{t('elder.back')}</Link>
    </p>
  );
}
