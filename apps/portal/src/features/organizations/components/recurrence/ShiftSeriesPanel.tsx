import { useState } from 'react';
import { Alert, Button, DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RecurrenceSummary, useRecurrenceText } from '../../../../lib/recurrence';
import { dayjs, useFormatters } from '../../../../lib/time';
import { ErrorAlert } from '../../../../lib/ui';
import { useAddShiftSeriesExceptionMutation } from '../../api/add-shift-series-exception';
import { useTaskShiftSeries } from '../../api/task-shift-series';
import { type EditableSeries, type SeriesChangeResult, UpdateShiftSeriesForm } from './UpdateShiftSeriesForm';

/**
 * A task's repeating shifts for its coordinators: how each repeats, its next dates, skipping
 * a date (a holiday) and changing it from one date on ("this and following").
 */
export function ShiftSeriesPanel({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const { data } = useTaskShiftSeries(taskId);
  // Held here: a change from the next date on ends the series it was made on, whose row then goes.
  const [changed, setChanged] = useState<SeriesChangeResult | null>(null);
  const series = (data?.task?.shiftSeries ?? []).filter((s) => s.nextOccurrences.length > 0);
  if (!series.length) return null;
  const editable = data?.task?.status === 'DRAFT' || data?.task?.status === 'PUBLISHED';
  return (
    <section className="panel" aria-labelledby="series-heading">
      <h2 id="series-heading">{t('recurrence.seriesHeading')}</h2>
      {changed ? (
        <Alert
          type="success"
          showIcon
          role="status"
          className="form-alert"
          title={t('seriesEdit.done', { date: dayjs(changed.fromDate).format(t('format.date')), moved: changed.moved, cancelled: changed.cancelled })}
          closable={{ 'aria-label': t('common.close') }}
          onClose={() => setChanged(null)}
        />
      ) : null}
      <ul className="plain-list">
        {series.map((s) => (
          <SeriesItem key={s.id} series={s} editable={editable} onChanged={setChanged} />
        ))}
      </ul>
    </section>
  );
}

function SeriesItem({ series, editable, onChanged }: { series: EditableSeries; editable: boolean; onChanged(result: SeriesChangeResult): void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const ruleText = useRecurrenceText();
  const [skip, { loading, error }] = useAddShiftSeriesExceptionMutation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [editing, setEditing] = useState(false);
  const label = t('recurrence.skipDate');
  const seriesLabel = `${ruleText(series.recurrence)} ${t('recurrence.timeRange', { start: series.startTime, end: series.endTime })}`;
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
          <Button onClick={() => setEditing((on) => !on)} aria-expanded={editing} aria-label={t('seriesEdit.openFor', { series: seriesLabel })}>
            {t('seriesEdit.open')}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={error} />
      {editable && editing ? (
        <UpdateShiftSeriesForm
          series={series}
          label={seriesLabel}
          onCancel={() => setEditing(false)}
          onDone={(result) => {
            setEditing(false);
            onChanged(result);
          }}
        />
      ) : null}
    </li>
  );
}
