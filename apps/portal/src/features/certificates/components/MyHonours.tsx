import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { useMyHonours } from '../api/my-honours';
import { HonoursList } from './HonoursList';
import { StarLevel } from './StarLevel';

/** The profile's star level and honours, with the way to the person's certificates. */
export function MyHonours() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, refetch } = useMyHonours();
  const me = data?.me;
  return (
    <section className="panel" aria-labelledby="honours-heading">
      <h2 id="honours-heading">{t('honours.title')}</h2>
      {!data && loading ? <Loading /> : null}
      {!me && error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {me ? (
        <>
          <p>
            <StarLevel level={me.starLevel} />{' '}
            {me.verifiedServiceMinutes != null ? <span className="hint">{t('honours.verifiedHours', { hours: f.hours(me.verifiedServiceMinutes) })}</span> : null}
          </p>
          <p className="hint">{t('honours.starRule')}</p>
          <h3>{t('honours.listTitle')}</h3>
          <HonoursList honours={me.honours} />
          <p>
            <Link to="/certificates">{t('honours.certificatesLink')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
