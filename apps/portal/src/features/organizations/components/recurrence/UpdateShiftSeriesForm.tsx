import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../../lib/errors';
import { NEW_REPEAT, RecurrencePreview, type RepeatDraft, RepeatFields, toExceptions, toRecurrenceInput, weekdayOf } from '../../../../lib/recurrence';
import { dayjs, useFormatters } from '../../../../lib/time';
import { useUpdateShiftSeriesMutation } from '../../api/update-shift-series';
import type { TaskShiftSeriesQuery as TaskShiftSeriesData, UpdateShiftSeriesInput } from '../../../../gql/graphql';

export type EditableSeries = NonNullable<TaskShiftSeriesData['task']>['shiftSeries'][number];
export interface SeriesChangeResult {
  fromDate: string;
  moved: number;
  cancelled: number;
}

const TIME_FORMAT = 'HH:mm';

interface Values {
  fromDate?: string;
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  capacity?: number | null;
  repeat: RepeatDraft;
  /** The first date of the changed part at its new times (wall clock in the series' zone), for the checks and the preview. */
  firstStartsAt?: Dayjs | null;
  firstEndsAt?: Dayjs | null;
}

const atTime = (hhmm: string) => dayjs(`2000-01-01T${hhmm}`);

/**
 * Where the changed part starts: the chosen date or, when a weekly rule's days leave it
 * out, the next of those days (the API moves the start the same way).
 */
function firstOfChange(v: Partial<Values>): { startsAt: Dayjs; endsAt: Dayjs } | null {
  if (!v.fromDate || !v.startTime || !v.endTime) return null;
  let day = dayjs(v.fromDate);
  const days = v.repeat?.frequency === 'WEEKLY' ? (v.repeat.byWeekday ?? []) : [];
  for (let i = 0; i < 6 && days.length && !days.includes(weekdayOf(day)); i++) day = day.add(1, 'day');
  const startsAt = dayjs(`${day.format('YYYY-MM-DD')}T${v.startTime.format(TIME_FORMAT)}`);
  let endsAt = dayjs(`${day.format('YYYY-MM-DD')}T${v.endTime.format(TIME_FORMAT)}`);
  // An end earlier than the start is on the next day.
  if (!endsAt.isAfter(startsAt)) endsAt = endsAt.add(1, 'day');
  return { startsAt, endsAt };
}

function repeatOf(s: EditableSeries, from: string | undefined): RepeatDraft {
  const r = s.recurrence;
  return {
    enabled: true,
    frequency: r.frequency,
    interval: r.interval,
    byWeekday: [...r.byWeekday],
    end: r.count ? 'COUNT' : r.until ? 'UNTIL' : 'NEVER',
    count: r.count ?? NEW_REPEAT.count,
    until: r.until ? dayjs(r.until) : null,
    exceptions: s.exceptions.filter((d) => !from || d >= from).map((d) => dayjs(d)),
  };
}

/**
 * "Change this and following": a recurring shift's times, places and rule from one of its
 * upcoming dates on. Only what differs from the series is sent, so an untouched rule keeps
 * what is left of its number of times.
 */
export function UpdateShiftSeriesForm({ series, label, onDone, onCancel }: { series: EditableSeries; label: string; onDone(result: SeriesChangeResult): void; onCancel(): void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [form] = Form.useForm<Values>();
  const [update, { loading }] = useUpdateShiftSeriesMutation();
  const [nothing, setNothing] = useState(false);
  const { formError, showError, clearError } = useFormErrors(form, ['fromDate', 'startTime', 'endTime', 'capacity', 'repeat'], {
    aliases: {
      exceptions: 'repeat.exceptions',
      'recurrence.frequency': 'repeat.frequency',
      'recurrence.interval': 'repeat.interval',
      'recurrence.byWeekday': 'repeat.byWeekday',
      'recurrence.until': 'repeat.until',
      'recurrence.count': 'repeat.count',
    },
    keyFields: { 'shiftSeries.capacityBelowTaken': 'capacity', 'shiftSeries.occurrenceStarted': 'fromDate', 'shiftSeries.occurrenceUnderway': 'fromDate' },
  });
  const upcoming = series.nextOccurrences.filter((o) => dayjs(o.startsAt).valueOf() > Date.now());
  const initial: Values = {
    fromDate: upcoming[0]?.date,
    startTime: atTime(series.startTime),
    endTime: atTime(series.endTime),
    capacity: series.capacity,
    repeat: repeatOf(series, upcoming[0]?.date),
  };
  const first0 = firstOfChange(initial);
  const toIso = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DDTHH:mm'), series.timeZone).toISOString();

  const ruleOf = (v: Values) => {
    const first = firstOfChange(v);
    const from = first?.startsAt.format('YYYY-MM-DD') ?? v.fromDate ?? '';
    return { recurrence: toRecurrenceInput(v.repeat, first?.startsAt), exceptions: toExceptions(v.repeat).filter((d) => d >= from) };
  };

  const onFinish = async (v: Values) => {
    clearError();
    const was = ruleOf({ ...initial, fromDate: v.fromDate, startTime: v.startTime, endTime: v.endTime });
    const now = ruleOf(v);
    const startTime = v.startTime!.format(TIME_FORMAT);
    const endTime = v.endTime!.format(TIME_FORMAT);
    const ruleChanged = JSON.stringify(now.recurrence) !== JSON.stringify(was.recurrence);
    const input: UpdateShiftSeriesInput = {
      seriesId: series.id,
      fromDate: v.fromDate,
      ...(startTime !== series.startTime ? { startTime } : {}),
      ...(endTime !== series.endTime ? { endTime } : {}),
      ...(v.capacity !== series.capacity ? { capacity: v.capacity } : {}),
      ...(ruleChanged ? { recurrence: now.recurrence } : {}),
      // With a new rule the skipped dates go along as the form shows them.
      ...(ruleChanged || JSON.stringify(now.exceptions) !== JSON.stringify(was.exceptions) ? { exceptions: now.exceptions } : {}),
    };
    // Sending only the date would still split the series, for nothing.
    if (Object.keys(input).length === 2) return setNothing(true);
    try {
      const { data } = await update({ variables: { input } });
      if (data) onDone({ fromDate: v.fromDate!, moved: data.updateShiftSeries.moved, cancelled: data.updateShiftSeries.cancelled });
    } catch (e) {
      showError(e);
    }
  };

  const timeRule = (field: 'startTime' | 'endTime') => ({
    validator: () => {
      const { startTime, endTime } = form.getFieldsValue();
      if (field === 'startTime' && !startTime) return Promise.reject(new Error(t('seriesEdit.timeRequired')));
      if (field === 'endTime' && !endTime) return Promise.reject(new Error(t('seriesEdit.timeRequired')));
      if (field === 'endTime' && startTime && endTime && startTime.format(TIME_FORMAT) === endTime.format(TIME_FORMAT)) return Promise.reject(new Error(t('errors.keys.shift_endsBeforeStart')));
      return Promise.resolve();
    },
  });
  const capacityRule = {
    validator: () => {
      const c = form.getFieldValue('capacity') as number | null | undefined;
      return c == null || !Number.isInteger(c) || c < 1 || c > Limits.shiftCapacityMax ? Promise.reject(new Error(t('createTask.capacityHint', { max: Limits.shiftCapacityMax }))) : Promise.resolve();
    },
  };

  return (
    <Form
      form={form}
      name={`update-series-${series.id}`}
      layout="vertical"
      requiredMark={false}
      className="series-edit"
      aria-label={t('seriesEdit.formLabel', { series: label })}
      initialValues={{ ...initial, firstStartsAt: first0?.startsAt, firstEndsAt: first0?.endsAt }}
      onValuesChange={(_, all: Values) => {
        const first = firstOfChange(all);
        form.setFieldsValue({ firstStartsAt: first?.startsAt ?? null, firstEndsAt: first?.endsAt ?? null });
        setNothing(false);
      }}
      onFinish={onFinish}
    >
      <p className="hint">{t('seriesEdit.keptHint')}</p>
      <Form.Item name="fromDate" label={t('seriesEdit.from')} rules={[{ required: true, message: t('seriesEdit.fromRequired') }]}>
        <Select options={upcoming.map((o) => ({ value: o.date, label: f.range(o.startsAt, o.endsAt) }))} />
      </Form.Item>
      <div className="shift-row">
        <Form.Item name="startTime" label={t('seriesEdit.startTime')} dependencies={['endTime']} rules={[timeRule('startTime')]}>
          <TimePicker format={TIME_FORMAT} needConfirm={false} allowClear={false} style={{ width: '100%' }} placeholder={TIME_FORMAT} />
        </Form.Item>
        <Form.Item name="endTime" label={t('seriesEdit.endTime')} dependencies={['startTime']} rules={[timeRule('endTime')]} extra={t('seriesEdit.endTimeHint')}>
          <TimePicker format={TIME_FORMAT} needConfirm={false} allowClear={false} style={{ width: '100%' }} placeholder={TIME_FORMAT} />
        </Form.Item>
        <Form.Item name="capacity" label={t('createTask.capacity')} extra={t('editShift.capacityHint', { max: Limits.shiftCapacityMax })} rules={[capacityRule]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="firstStartsAt" hidden noStyle>
        <span />
      </Form.Item>
      <Form.Item name="firstEndsAt" hidden noStyle>
        <span />
      </Form.Item>
      <RepeatFields name={['repeat']} start={['firstStartsAt']} optional={false} />
      <p className="hint">{t('seriesEdit.countHint')}</p>
      <RecurrencePreview repeat={['repeat']} start={['firstStartsAt']} end={['firstEndsAt']} toIso={toIso} />
      <p className="hint">{t('seriesEdit.toldHint')}</p>
      {nothing ? <Alert type="info" showIcon role="status" title={t('seriesEdit.nothingChanged')} className="form-alert" /> : null}
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div className="button-row">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('seriesEdit.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
