import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';

/** The figures shown here, as the board reads them (and its live feed keeps them). */
export const ShiftPlacesFragmentDoc = graphql(`
  fragment ShiftPlaces on Shift {
    capacity
    confirmedCount
    waitlistCount
    pendingCount
  }
`);

/** Places taken of the capacity, and how many wait; the bar repeats the figure for the eye. */
export function PlacesInfo({ confirmedCount, capacity, waitlistCount, pendingCount = 0 }: { confirmedCount: number; capacity: number; waitlistCount: number; pendingCount?: number }) {
  const { t } = useTranslation();
  const left = Math.max(0, capacity - confirmedCount);
  const pct = capacity ? Math.min(100, Math.round((confirmedCount / capacity) * 100)) : 100;
  return (
    <div className="places">
      <div className="places-text">
        <strong>{t('shift.places', { taken: confirmedCount, capacity })}</strong>
        <span>{left > 0 ? t('shift.placesLeft', { count: left }) : t('shift.full')}</span>
        {waitlistCount > 0 ? <span>{t('shift.waitlist', { count: waitlistCount })}</span> : null}
        {pendingCount > 0 ? <span>{t('shift.pending', { count: pendingCount })}</span> : null}
      </div>
      <div className="places-bar" aria-hidden="true">
        <div className={left > 0 ? 'places-fill' : 'places-fill places-fill-full'} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
