import { useMemo, useState } from 'react';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { now as zonedNow } from '../../../lib/time';
import { ErrorAlert, Loading, PageTitle, usePlainWords } from '../../../lib/ui';
import { useElderClaimShift, useElderHomePlace, useElderTodayShifts } from '../api/near-today';
import { ElderBack } from './ElderBack';

/** A few at a time: one look, one choice. */
export const TODAY_STEP = 3;

type Shift = NonNullable<ReturnType<typeof useElderTodayShifts>['data']>['openShifts']['edges'][number]['node'];

function TodayShift({ shift }: { shift: Shift }) {
  const { t } = useTranslation();
  const plain = usePlainWords();
  const [claim, claiming] = useElderClaimShift();
  const [error, setError] = useState<unknown>(null);
  const mine = shift.viewerClaim;
  const titleId = `elder-today-${shift.id}`;
  return (
    <li>
      <article className="elder-card" aria-labelledby={titleId}>
        <h2 id={titleId}>{shift.task.title}</h2>
        <dl className="elder-facts">
          <div>
            <dt>{t('elder.facts.when')}</dt>
            <dd>{plain.when(shift.startsAt, shift.endsAt)}</dd>
          </div>
          <div>
            <dt>{t('elder.facts.where')}</dt>
            <dd>{plain.where(shift.place, shift.task.region)}</dd>
          </div>
          <div>
            <dt>{t('elder.facts.places')}</dt>
            <dd>{plain.placesLeft(shift.capacity, shift.confirmedCount)}</dd>
          </div>
        </dl>
        {mine ? (
          <div role="status" className="elder-done">
            <p className="elder-status">{plain.status(mine.status)}</p>
            <Link to="/elder/next-shift">{t('elder.today.seeNext')}</Link>
          </div>
        ) : (
          <Button
            type="primary"
            size="large"
            block
            className="elder-button"
            loading={claiming.loading}
            aria-label={t('elder.today.goLabel', { title: shift.task.title })}
            onClick={async () => {
              setError(null);
              try {
                await claim({ variables: { input: { shiftId: shift.id } } });
              } catch (e) {
                setError(e);
              }
            }}
          >
            {t('elder.today.go')}
          </Button>
        )}
        <ErrorAlert error={error} />
      </article>
    </li>
  );
}

/** "Something near me today": open shifts of today near home, a few at a time, each with one big button. */
export function NearToday() {
  const { t } = useTranslation();
  const place = useElderHomePlace();
  const [shown, setShown] = useState(TODAY_STEP);
  const home = place.data?.me?.homeRegion ?? null;
  // Near: the home's neighbourhood (the community around a home grid), else the home region itself.
  const around = home ? (home.level === 'GRID' && home.parent ? home.parent.id : home.id) : null;
  const filter = useMemo(() => {
    const n = zonedNow();
    return { regionId: around ?? undefined, from: n.toISOString(), to: n.endOf('day').toISOString(), onlyWithSpace: true };
  }, [around]);
  const shifts = useElderTodayShifts(filter, !place.data);
  const all = shifts.data?.openShifts.edges.map((e) => e.node) ?? [];
  const list = all.slice(0, shown);

  let body;
  if ((!place.data && place.loading) || (!shifts.data && shifts.loading)) body = <Loading />;
  else if (!all.length) body = <p className="elder-big-text">{t('elder.today.none')}</p>;
  else {
    body = (
      <>
        <ul className="elder-list" aria-label={t('elder.today.listLabel')}>
          {list.map((s) => (
            <TodayShift key={s.id} shift={s} />
          ))}
        </ul>
        {all.length > shown ? (
          <Button size="large" block className="elder-button" onClick={() => setShown((n) => n + TODAY_STEP)}>
            {t('elder.today.more')}
          </Button>
        ) : null}
      </>
    );
  }

  return (
    <>
      <ElderBack />
      <PageTitle>{t('elder.today.title')}</PageTitle>
      {place.data && !home ? <Alert type="info" showIcon title={t('elder.today.noHome')} className="form-alert" /> : null}
      <ErrorAlert error={place.error ?? shifts.error} onRetry={() => void (place.error ? place.refetch() : shifts.refetch())} />
      {body}
    </>
  );
}
