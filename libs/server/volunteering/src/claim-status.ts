/**
 * The claim status sets (defined once, in @civicgrid/contracts, for the API and the portal)
 * as SQL: IMMUTABLE functions generated from them (`claimStatusFunctionsSql`, run by the
 * migration `claim-status-sets`), which the shift-count trigger, the one-standing-claim
 * index and the queries call. A test checks, for every status, that each function agrees
 * with its set. Changing a set therefore needs a migration that runs
 * `claimStatusFunctionsSql()` again, reindexes `shift_claim_one_active_uq` and recounts
 * the shifts; until then that test fails.
 */
import { COMMITTED, EXPECTED, HOLDS_PLACE, HOLDS_TIME, PRESENT, STANDING, WAITING } from '@civicgrid/contracts';
import type { ClaimStatus } from '@civicgrid/contracts';

export { CLAIM_STATUSES, HOLDS_PLACE, STANDING, HOLDS_TIME, WAITING, EXPECTED, PRESENT, COMMITTED, CANCELLABLE } from '@civicgrid/contracts';
export type { ClaimStatus } from '@civicgrid/contracts';

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
