import { Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormatters } from '../time';
import { ErrorAlert } from '../ui';
import { usePreviewShiftSeries } from './preview-shift-series';
import { type RepeatDraft, repeatProblems, toExceptions, toRecurrenceInput } from './recurrence';

type Path = (string | number)[];

/**
 * The next dates a repeating shift would have, as the API computes them, under its fields:
 * read from the form at `repeat`, `start` and `end`; `toIso` turns a picked time into an
 * instant the way the form will send it.
 */
export function RecurrencePreview({ repeat, start, end, toIso }: { repeat: Path; start: Path; end: Path; toIso: (d: Dayjs) => string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const form = Form.useFormInstance();
  const r = Form.useWatch(repeat, form) as RepeatDraft | undefined;
  const startsAt = Form.useWatch(start, form) as Dayjs | null | undefined;
  const endsAt = Form.useWatch(end, form) as Dayjs | null | undefined;
  const recurrence = toRecurrenceInput(r, startsAt);
  const ready = !!(recurrence && startsAt && endsAt && endsAt.valueOf() > startsAt.valueOf() && !Object.keys(repeatProblems(r, startsAt)).length);
  const { data, error } = usePreviewShiftSeries(ready ? { startsAt: toIso(startsAt!), endsAt: toIso(endsAt!), recurrence: recurrence!, exceptions: toExceptions(r), first: 6 } : null);
  if (!r?.enabled) return null;
  const p = ready ? data?.previewShiftSeries : undefined;
  return (
    <div className="recurrence-preview" aria-live="polite">
      {!ready ? <p className="hint">{t('recurrence.previewHint')}</p> : null}
      {ready && error ? <ErrorAlert error={error} /> : null}
      {p ? (
        <>
          <p className="recurrence-preview-title">{t('recurrence.previewTitle')}</p>
          <ol className="plain-list recurrence-dates">
            {p.occurrences.map((o) => (
              <li key={o.date}>{f.range(o.startsAt, o.endsAt)}</li>
            ))}
          </ol>
          <p className="hint">
            {p.totalCount != null ? t('recurrence.total', { count: p.totalCount }) : t('recurrence.runsOn')} {t('recurrence.window', { count: p.windowCount, days: Limits.shiftSeriesWindowDays })}
          </p>
        </>
      ) : null}
    </div>
  );
}
