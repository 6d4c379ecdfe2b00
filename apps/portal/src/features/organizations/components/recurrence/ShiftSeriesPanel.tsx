import { useState } from 'react';
import { Button, DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RecurrenceSummary } from '../../../../lib/recurrence';
import { useFormatters } from '../../../../lib/time';
import { ErrorAlert } from '../../../../lib/ui';
import { useAddShiftSeriesExceptionMutation } from '../../api/add-shift-series-exception';
import { useTaskShiftSeries } from '../../api/task-shift-series';
import type { TaskShiftSeriesQuery as TaskShiftSeriesData } from '../../../../gql/graphql';

/** A task's repeating shifts for its coordinators: how each repeats, its next dates, and skipping a date (a holiday). */
export function ShiftSeriesPanel({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const { data } = useTaskShiftSeries(taskId);
  const series = (data?.task?.shiftSeries ?? []).filter((s) => s.nextOccurrences.length > 0);
  if (!series.length) return null;
  const editable = data?.task?.status === 'DRAFT' || data?.task?.status === 'PUBLISHED';
  return (
    <section className="panel" aria-labelledby="series-heading">
      <h2 id="series-heading">{t('recurrence.seriesHeading')}</h2>
      <ul className="plain-list">
        {series.map((s) => (
          <SeriesItem key={s.id} series={s} editable={editable} />
        ))}
      </ul>
    </section>
  );
}

type Series = NonNullable<TaskShiftSeriesData['task']>['shiftSeries'][number];

function SeriesItem({ series, editable }: { series: Series; editable: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [skip, { loading, error }] = useAddShiftSeriesExceptionMutation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const label = t('recurrence.skipDate');
  return (
    <li className="series-item">
      <p>
        <RecurrenceSummary recurrence={series.recurrence} exceptions={series.exceptions} /> {t('recurrence.timeRange', { start: series.startTime, end: series.endTime })} · {t('recurrence.placesEach', { count: series.capacity })}
      </p>
      <p className="hint">{t('recurrence.nextDates', { dates: series.nextOccurrences.map((o) => f.dateTime(o.startsAt)).join(t('common.listSeparator')) })}</p>
      {editable ? (
        <div className="series-skip">
          <DatePicker value={date} onChange={setDate} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" aria-label={label} />
          <Button
            disabled={!date}
            loading={loading}
            onClick={async () => {
              try {
                await skip({ variables: { input: { seriesId: series.id, date: date!.format('YYYY-MM-DD') } } });
                setDate(null);
              } catch {
                // shown below
              }
            }}
          >
            {label}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={error} />
    </li>
  );
}
