import { dayjs } from '../../../lib/time';

/** Settlement months are calendar months in China's time, whatever zone the reader uses. */
export const SETTLEMENT_ZONE = 'Asia/Shanghai';

export function currentMonth(at: number = Date.now()): string {
  return dayjs(at).tz(SETTLEMENT_ZONE).format('YYYY-MM');
}

/** This month and the `count - 1` before it, newest first. */
export function recentMonths(count = 24, at: number = Date.now()): string[] {
  const start = dayjs(at).tz(SETTLEMENT_ZONE).startOf('month');
  return Array.from({ length: count }, (_, i) => start.subtract(i, 'month').format('YYYY-MM'));
}

export function isMonth(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
