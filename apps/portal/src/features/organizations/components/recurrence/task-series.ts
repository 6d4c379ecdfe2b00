import type { Dayjs } from 'dayjs';
import type { NewShiftSeriesInput, ShiftInput } from '../../../../gql/graphql';
import { type RepeatDraft, toExceptions, toRecurrenceInput } from '../../../../lib/recurrence';
import type { ShiftDraft } from '../shift-rules';

/** A shift row of the new-task form, which may repeat. */
export interface ShiftRow extends ShiftDraft {
  repeat?: RepeatDraft;
}

/** The rows as createTask takes them: one-off shifts, and repeating ones as series. */
export function shiftsAndSeries(rows: ShiftRow[], toIso: (d: Dayjs) => string): { shifts: ShiftInput[]; series: NewShiftSeriesInput[] } {
  const shifts: ShiftInput[] = [];
  const series: NewShiftSeriesInput[] = [];
  for (const r of rows) {
    const base = { startsAt: toIso(r.startsAt!), endsAt: toIso(r.endsAt!), capacity: r.capacity! };
    const recurrence = toRecurrenceInput(r.repeat, r.startsAt);
    if (recurrence) series.push({ ...base, recurrence, exceptions: toExceptions(r.repeat) });
    else shifts.push({ ...base, place: r.place?.trim() || undefined });
  }
  return { shifts, series };
}
