import type { Dayjs } from 'dayjs';
import { Limits } from '@civicgrid/contracts';

export interface ShiftDraft {
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  capacity?: number | null;
  place?: string | null;
}

/** The API's bounds for a task's minimum age. */
export const MINIMUM_AGE_MAX = 120;

/** What is wrong with a minimum age (empty: none), as a locale key. */
export function minimumAgeProblem(age: number | null | undefined): string | null {
  if (age === undefined || age === null) return null;
  return Number.isInteger(age) && age >= 1 && age <= MINIMUM_AGE_MAX ? null : 'createTask.minimumAgeRange';
}

/** What is wrong with a shift, as locale keys per field (checked before sending). */
export function shiftProblems(s: ShiftDraft, now: number = Date.now()): { startsAt?: string; endsAt?: string; capacity?: string; place?: string } {
  const out: { startsAt?: string; endsAt?: string; capacity?: string; place?: string } = {};
  if (!s.startsAt) out.startsAt = 'createTask.startRequired';
  else if (s.startsAt.valueOf() <= now) out.startsAt = 'createTask.startInPast';
  if (!s.endsAt) out.endsAt = 'createTask.endRequired';
  else if (s.startsAt && s.endsAt.valueOf() <= s.startsAt.valueOf()) out.endsAt = 'createTask.endBeforeStart';
  else if (s.startsAt && s.endsAt.valueOf() - s.startsAt.valueOf() > Limits.shiftMaxHours * 3_600_000) out.endsAt = 'createTask.tooLong';
  const c = s.capacity;
  if (c === undefined || c === null || Number.isNaN(c)) out.capacity = 'createTask.capacityRequired';
  else if (!Number.isInteger(c) || c < 1 || c > Limits.shiftCapacityMax) out.capacity = 'createTask.capacityRange';
  if (s.place && s.place.trim().length > Limits.shiftPlaceMaxLength) out.place = 'createTask.placeTooLong';
  return out;
}
