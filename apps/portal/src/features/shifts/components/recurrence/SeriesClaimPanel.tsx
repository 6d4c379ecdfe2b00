import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { ClaimShiftSeriesMutation, TaskSeriesQuery as TaskSeriesData } from '../../../../gql/graphql';
import { useActing } from '../../../../lib/acting/ActingProvider';
import { useSession } from '../../../../lib/auth';
import { RecurrenceSummary } from '../../../../lib/recurrence';
import { useFormatters } from '../../../../lib/time';
import { ErrorAlert, Pill, useListActionType } from '../../../../lib/ui';
import { useClaimShiftSeriesMutation, useStopClaimingShiftSeriesMutation } from '../../api/claim-shift-series';
import { useTaskSeries } from '../../api/task-series';

type Series = NonNullable<TaskSeriesData['task']>['shiftSeries'][number];
type Result = ClaimShiftSeriesMutation['claimShiftSeries'];

const OUTCOME_TONE = { CONFIRMED: 'green', WAITLISTED: 'amber', PENDING_APPROVAL: 'blue', ALREADY_CLAIMED: 'grey', OVERLAP: 'grey' } as const;

/** A task's repeating shifts for volunteers: how each repeats, and claiming every occurrence with what became of each. */
export function SeriesClaimPanel({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const { data } = useTaskSeries(taskId);
  const series = (data?.task?.shiftSeries ?? []).filter((s) => s.nextOccurrences.length > 0);
  if (!series.length) return null;
  const open = data?.task?.status === 'PUBLISHED';
  return (
    <section className="panel" aria-labelledby="repeating-heading">
      <h2 id="repeating-heading">{t('recurrence.repeatingHeading')}</h2>
      <ul className="plain-list">
        {series.map((s) => (
          <SeriesClaim key={s.id} series={s} open={open} />
        ))}
      </ul>
    </section>
  );
}

function SeriesClaim({ series, open }: { series: Series; open: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { signedIn } = useSession();
  const { actingFor } = useActing();
  const navigate = useNavigate();
  const location = useLocation();
  const buttonType = useListActionType();
  const [claim, claimState] = useClaimShiftSeriesMutation();
  const [stop, stopState] = useStopClaimingShiftSeriesMutation();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const summaryId = `series-${series.id}`;
  // Acting for a resident, the viewer's own standing claim says nothing about theirs.
  const standing = !actingFor && series.viewerStandingClaim;

  const onClaim = async () => {
    if (!signedIn) {
      navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    setError(null);
    setResult(null);
    try {
      const { data } = await claim({ variables: { input: { seriesId: series.id, onBehalfOfUserId: actingFor?.id } } });
      if (data) setResult(data.claimShiftSeries);
    } catch (e) {
      setError(e);
    }
  };
  const onStop = async () => {
    setError(null);
    setResult(null);
    try {
      await stop({ variables: { input: { seriesId: series.id } } });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <li className="series-item">
      <p id={summaryId}>
        <RecurrenceSummary recurrence={series.recurrence} exceptions={series.exceptions} /> {t('recurrence.timeRange', { start: series.startTime, end: series.endTime })}
      </p>
      <p className="hint">{t('recurrence.nextDates', { dates: series.nextOccurrences.map((o) => f.dateTime(o.startsAt)).join(t('common.listSeparator')) })}</p>
      {open ? (
        standing ? (
          <div className="claim-own">
            <Pill tone="green">{t('recurrence.claimingEvery')}</Pill>
            <Button onClick={onStop} loading={stopState.loading} aria-describedby={summaryId}>
              {t('recurrence.stopClaiming')}
            </Button>
            <Link to="/my-shifts">{t('claim.seeMyShifts')}</Link>
          </div>
        ) : (
          <Button type={buttonType} onClick={onClaim} loading={claimState.loading} aria-describedby={summaryId} className="claim-button">
            {!signedIn ? t('claim.signInToClaim') : actingFor ? t('recurrence.claimEveryFor', { name: actingFor.displayName }) : t('recurrence.claimEvery')}
          </Button>
        )
      ) : null}
      <div aria-live="polite">
        {result ? (
          <div className="series-result">
            <p>{t('recurrence.claimedSummary', { count: result.occurrences.filter((o) => o.claim).length })}</p>
            <ul className="plain-list">
              {result.occurrences.map((o) => (
                <li key={o.shift.id}>
                  {f.range(o.shift.startsAt, o.shift.endsAt)} <Pill tone={OUTCOME_TONE[o.outcome]}>{t(`recurrence.outcome.${o.outcome}`)}</Pill>
                </li>
              ))}
            </ul>
            <p className="hint">{t('recurrence.laterToo')}</p>
          </div>
        ) : null}
      </div>
      <ErrorAlert error={error} />
    </li>
  );
}
