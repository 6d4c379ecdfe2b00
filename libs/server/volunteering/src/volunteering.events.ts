/**
 * The events volunteering publishes (ids and facts, never personal data beyond ids).
 * Others subscribe by these names; the payloads are their contract.
 */
export type ClaimEventType = 'claim.confirmed' | 'claim.waitlisted' | 'claim.requested' | 'claim.promoted' | 'claim.decided' | 'claim.cancelled' | 'claim.noShow' | 'claim.added';

export interface ClaimEventPayload {
  claimId: string;
  shiftId: string;
  taskId: string;
  organizationId: string;
  /** the task's region path, for subscribers filtering by area */
  regionPath: string;
  volunteerId: string;
  /** the claim's status after the change */
  status: string;
  /** claim.confirmed: it came from accepting an invitation */
  invited?: boolean;
  /** claim.decided */
  approved?: boolean;
  /** claim.cancelled: the organisation cancelled it (not the volunteer or their proxy) */
  byOrganization?: boolean;
}

/** Live topic with the shifts whose counts, time or status changed. */
export const SHIFT_UPDATED = 'shiftUpdated';

/** A shift's time moved: its claimants are told and their reminders follow. */
export interface ShiftRescheduledPayload {
  shiftId: string;
  taskId: string;
  organizationId: string;
  regionPath: string;
  previousStartsAt: string;
  startsAt: string;
  endsAt: string;
}

/** A shift was cancelled (alone or with its task): these claims were cancelled with it. */
export interface ShiftCancelledPayload {
  shiftId: string;
  taskId: string;
  organizationId: string;
  regionPath: string;
  reason: string;
  claimIds: string[];
  volunteerIds: string[];
}

export interface TaskCancelledPayload {
  taskId: string;
  organizationId: string;
  regionPath: string;
  reason: string;
}

export interface TaskCompletedPayload {
  taskId: string;
  organizationId: string;
  regionPath: string;
}

export interface ServiceVerifiedPayload {
  recordId: string;
  claimId: string;
  volunteerId: string;
  taskId: string;
  organizationId: string;
  minutes: number;
  approved: boolean;
  /** how the minutes were known: CHECKED_IN (on site); later issues add REPORTED */
  kind: 'CHECKED_IN';
}

export const CLAIM_EVENTS: ClaimEventType[] = ['claim.confirmed', 'claim.waitlisted', 'claim.requested', 'claim.promoted', 'claim.decided', 'claim.cancelled', 'claim.noShow', 'claim.added'];
