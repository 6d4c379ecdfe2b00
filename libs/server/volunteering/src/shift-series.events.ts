/**
 * Events of recurring shifts' occurrences (ids and facts only). A change of a series
 * moves or cancels occurrences that volunteers hold claims on; they are told through
 * these, in the change's transaction.
 */

// An occurrence that moves or is called off travels as any shift does: `shift.rescheduled`
// and `shift.cancelled` (volunteering.events.ts), told to its claimants by VolunteeringNotifier.
export type { ShiftCancelledPayload, ShiftRescheduledPayload } from './volunteering.events';
export const SHIFT_RESCHEDULED = 'shift.rescheduled';
export const SHIFT_CANCELLED = 'shift.cancelled';
