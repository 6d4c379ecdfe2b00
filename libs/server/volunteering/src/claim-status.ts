/**
 * A claim's statuses and the sets of them the rules use, written once. TypeScript uses
 * these arrays; SQL uses the IMMUTABLE functions generated from them
 * (`claimStatusFunctionsSql`, run by the migration `claim-status-sets`), which the
 * shift-count trigger, the one-standing-claim index and the queries call. A test checks,
 * for every status, that each function agrees with its set. Changing a set therefore
 * needs a migration that runs `claimStatusFunctionsSql()` again, reindexes
 * `shift_claim_one_active_uq` and recounts the shifts; until then that test fails.
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

/** The sets SQL needs, by the name of the function `<name>(status text) RETURNS boolean` that tests membership. */
export const CLAIM_STATUS_FUNCTIONS = {
  claim_holds_place: HOLDS_PLACE,
  claim_is_standing: STANDING,
  claim_holds_time: HOLDS_TIME,
  claim_is_waiting: WAITING,
  claim_is_expected: EXPECTED,
  claim_is_present: PRESENT,
  claim_is_committed: COMMITTED,
} as const satisfies Record<string, readonly ClaimStatus[]>;

/**
 * `CREATE OR REPLACE FUNCTION` statements for every set in CLAIM_STATUS_FUNCTIONS. The
 * functions are IMMUTABLE (so an index predicate may use them) and plain SQL (so the
 * planner inlines them into `status = ANY(...)` and indexes on status still apply).
 */
export function claimStatusFunctionsSql(): string[] {
  return Object.entries(CLAIM_STATUS_FUNCTIONS).map(([name, set]) => {
    const list = set.map((s) => `'${s}'`).join(',');
    return `CREATE OR REPLACE FUNCTION ${name}(status text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT status IN (${list}) $$`;
  });
}
