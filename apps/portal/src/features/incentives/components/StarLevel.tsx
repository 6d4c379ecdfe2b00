import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/time';
import { STAR_LEVEL_HOURS, starProgress } from '../hooks/stars';

/** Star level (星级志愿者) as stars with words, and the hours still to serve for the next. */
export function StarLevel({ level, verifiedMinutes }: { level: number; verifiedMinutes: number | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const progress = starProgress(level, verifiedMinutes);
  const max = STAR_LEVEL_HOURS.length;
  return (
    <div className="wallet-stars">
      <p className="star-row" role="img" aria-label={t('incentives.stars.level', { count: level })}>
        <span aria-hidden="true" className="stars">
          {'★'.repeat(level)}
          <span className="stars-empty">{'☆'.repeat(max - level)}</span>
        </span>
        <span aria-hidden="true" className="star-words">
          {t('incentives.stars.level', { count: level })}
        </span>
      </p>
      {verifiedMinutes != null ? <p>{t('incentives.stars.verified', { hours: f.hours(verifiedMinutes) })}</p> : null}
      {progress ? (
        <p className="hint">{t('incentives.stars.toNext', { hours: progress.hoursToGo, count: progress.next, target: progress.target })}</p>
      ) : level >= max ? (
        <p className="hint">{t('incentives.stars.top')}</p>
      ) : null}
    </div>
  );
}
