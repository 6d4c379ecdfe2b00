/**
 * A claim's statuses and the sets of them the rules use, written once for the API and the
 * portal. SQL tests membership through functions generated from these sets (see
 * claim-status.ts in volunteering, which also says what changing a set takes).
 */
export const CLAIM_STATUSES = ['CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL', 'CANCELLED', 'CHECKED_IN', 'ATTENDED', 'NO_SHOW', 'REJECTED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Holds one of the shift's places: counted in `shift.confirmed_count`, which a CHECK bounds by capacity. */
export const HOLDS_PLACE: readonly ClaimStatus[] = ['CONFIRMED', 'CHECKED_IN', 'ATTENDED'];
/** Still stands: at most one per volunteer and shift (a partial unique index). */
export const STANDING: readonly ClaimStatus[] = ['CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL', 'CHECKED_IN', 'ATTENDED', 'NO_SHOW'];
/** Holds the volunteer's time: no second claim on an overlapping shift, and matching plans around it. */
export const HOLDS_TIME: readonly ClaimStatus[] = ['CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL', 'CHECKED_IN'];
/** Waits for a place or an approval: cancelled when the task completes. */
export const WAITING: readonly ClaimStatus[] = ['WAITLISTED', 'PENDING_APPROVAL'];
/** The volunteer is still expected on site, or is there: the task cannot complete yet. */
export const EXPECTED: readonly ClaimStatus[] = ['CONFIRMED', 'CHECKED_IN'];
/** The volunteer came (checked in, and maybe out): attended for reliability, served for reviews. */
export const PRESENT: readonly ClaimStatus[] = ['CHECKED_IN', 'ATTENDED'];
/** A place was held for the volunteer, whether they came or not: what attendance is measured against. */
export const COMMITTED: readonly ClaimStatus[] = ['CONFIRMED', 'CHECKED_IN', 'ATTENDED', 'NO_SHOW'];
/** May still be cancelled by the volunteer, their proxy or a coordinator. */
export const CANCELLABLE: readonly ClaimStatus[] = ['CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL'];
