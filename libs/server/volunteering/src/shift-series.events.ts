/**
 * Events of recurring shifts' occurrences (ids and facts only). A change of a series
 * moves or cancels occurrences that volunteers hold claims on; they are told through
 * these, in the change's transaction.
 */

/** An occurrence moved in time: every volunteer with a standing claim on it is told. */
export interface ShiftRescheduledPayload {
  shiftId: string;
  taskId: string;
  organizationId: string;
  regionPath: string;
  startsAt: string;
  endsAt: string;
  previousStartsAt: string;
  previousEndsAt: string;
  /** who held a standing claim when it moved */
  volunteerIds: string[];
}

/**
 * An occurrence called off (skipped, or no longer in the changed rule). The shift is gone
 * once this commits, so the facts the words need travel with it.
 */
export interface ShiftCancelledPayload {
  shiftId: string;
  taskId: string;
  organizationId: string;
  regionPath: string;
  startsAt: string;
  endsAt: string;
  volunteerIds: string[];
}

export const SHIFT_RESCHEDULED = 'shift.rescheduled';
export const SHIFT_CANCELLED = 'shift.cancelled';
