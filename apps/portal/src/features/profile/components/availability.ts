export interface WindowDraft {
  weekday?: number | null;
  startMinute?: number | null;
  endMinute?: number | null;
}

/** Half-hour steps from 00:00 to 24:00, as minutes from midnight. */
export const TIME_STEPS = Array.from({ length: 49 }, (_, i) => i * 30);

export function minuteLabel(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The locale key of what is wrong with one weekly window, or null. */
export function windowProblem(w: WindowDraft): string | null {
  if (w.weekday === null || w.weekday === undefined) return 'availability.weekdayRequired';
  if (w.startMinute === null || w.startMinute === undefined || w.endMinute === null || w.endMinute === undefined) return 'availability.timeRequired';
  if (w.endMinute <= w.startMinute) return 'availability.endBeforeStart';
  return null;
}

/** YYYY-MM-DD, a real date, not in the future. */
export function birthDateProblem(v: string | undefined, today = new Date()): string | null {
  if (!v) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'availability.birthDateFormat';
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return 'availability.birthDateFormat';
  if (d.getTime() > today.getTime()) return 'availability.birthDateFuture';
  return null;
}
