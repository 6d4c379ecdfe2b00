import { dayjs, getTimeZone } from '../../../lib/time';
import type { Dayjs } from 'dayjs';

/** The picker's wall-clock time in the user's zone, as the instant the API takes. */
export function pickedToIso(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm'), getTimeZone()).toISOString();
}
