import type { ServiceSource } from './service-record.entity';

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
  /** the claim the minutes come from; null for REPORTED minutes */
  claimId: string | null;
  volunteerId: string;
  /** the task served; REPORTED minutes may name none */
  taskId: string | null;
  organizationId: string;
  minutes: number;
  approved: boolean;
  /**
   * How the minutes were known: CHECKED_IN on site, or REPORTED (off the platform, or a
   * paper sign-in sheet). Incentives are to pay for CHECKED_IN minutes only: reported ones
   * rest on a coordinator's word, not on presence the platform saw.
   */
  kind: ServiceSource;
  /** REPORTED: a coordinator recorded the minutes for the volunteer (verified at once), rather than deciding the volunteer's report */
  recordedByOrganization?: boolean;
}

/** A volunteer (or their proxy) reported hours served off the platform; the organisation's coordinators decide them. */
export interface ServiceReportedPayload {
  recordId: string;
  volunteerId: string;
  reportedById: string;
  organizationId: string;
  minutes: number;
  servedOn: string;
}

export const CLAIM_EVENTS: ClaimEventType[] = ['claim.confirmed', 'claim.waitlisted', 'claim.requested', 'claim.promoted', 'claim.decided', 'claim.cancelled', 'claim.noShow', 'claim.added'];
