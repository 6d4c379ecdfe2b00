import type { Tone } from './StatusTag';

/*
 * What a claim's status is shown from: its status and its record (`serviceRecord { id
 * minutes status }`), which the queries listing claims select inline (the API's query-cost
 * limit weighs a fragment spread on a list of claims far more than the same fields), and
 * its shift's cancellation, from the shift the screen already has.
 */

/**
 * Where a claim stands, as people read it: the claim's status refined by its record (checked
 * out and waiting, verified, not accepted) and by its shift (cancelled by the organiser).
 * Hours reported from elsewhere (no claim) stand in the same list, so one table says all.
 */
export type ClaimState =
  | 'WAITLISTED'
  | 'PENDING_APPROVAL'
  | 'CONFIRMED'
  | 'CHECKED_IN'
  | 'AWAITING_VERIFICATION'
  | 'VERIFIED'
  | 'SERVICE_REJECTED'
  | 'NO_SHOW'
  | 'CANCELLED'
  | 'REJECTED'
  | 'SHIFT_CANCELLED'
  | 'REPORTED_PENDING'
  | 'REPORTED_VERIFIED'
  | 'REPORTED_REJECTED';

export interface ClaimStateInput {
  status: string;
  serviceRecord?: { minutes: number; status: string } | null;
  shift?: { cancelledAt?: string | null } | null;
}

/** A claim's state: the one mapping every status tag and status line reads. */
export function claimState(claim: ClaimStateInput): ClaimState {
  // A cancelled shift outranks the claim's own status: the volunteer did nothing wrong.
  if (claim.shift?.cancelledAt && !['ATTENDED', 'NO_SHOW'].includes(claim.status)) return 'SHIFT_CANCELLED';
  if (claim.status === 'ATTENDED') {
    if (claim.serviceRecord?.status === 'VERIFIED') return 'VERIFIED';
    if (claim.serviceRecord?.status === 'REJECTED') return 'SERVICE_REJECTED';
    return 'AWAITING_VERIFICATION';
  }
  if (['WAITLISTED', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN', 'NO_SHOW', 'CANCELLED', 'REJECTED'].includes(claim.status)) return claim.status as ClaimState;
  return 'CANCELLED';
}

/** A record of hours reported from elsewhere (no claim): where it stands. */
export function reportedState(status: string): ClaimState {
  return status === 'VERIFIED' ? 'REPORTED_VERIFIED' : status === 'REJECTED' ? 'REPORTED_REJECTED' : 'REPORTED_PENDING';
}

/** Each state's tone; its words are `claimState.tag.<STATE>` and `claimState.line.<STATE>` (with `count` minutes). */
export const CLAIM_STATE_TONES: Record<ClaimState, Tone> = {
  WAITLISTED: 'amber',
  PENDING_APPROVAL: 'blue',
  CONFIRMED: 'green',
  CHECKED_IN: 'teal',
  AWAITING_VERIFICATION: 'amber',
  VERIFIED: 'green',
  SERVICE_REJECTED: 'red',
  NO_SHOW: 'red',
  CANCELLED: 'grey',
  REJECTED: 'red',
  SHIFT_CANCELLED: 'grey',
  REPORTED_PENDING: 'amber',
  REPORTED_VERIFIED: 'green',
  REPORTED_REJECTED: 'red',
};

export const CLAIM_STATES = Object.keys(CLAIM_STATE_TONES) as ClaimState[];
