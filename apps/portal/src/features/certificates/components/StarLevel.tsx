import { useTranslation } from 'react-i18next';

export const MAX_STARS = 5;

/** 星级志愿者: 0–5 stars, read out as one sentence rather than five pictures. */
export function StarLevel({ level }: { level: number }) {
  const { t } = useTranslation();
  const stars = Math.max(0, Math.min(MAX_STARS, level));
  return (
    <span className="star-level" role="img" aria-label={t('honours.starLabel', { count: stars, max: MAX_STARS })}>
      {Array.from({ length: MAX_STARS }, (_, i) => (
        <span key={i} aria-hidden="true" className={i < stars ? 'star-on' : 'star-off'}>
          {i < stars ? '★' : '☆'}
        </span>
      ))}
    </span>
  );
}
