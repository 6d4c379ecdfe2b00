import { MigrationInterface, QueryRunner } from 'typeorm';
import { CLAIM_STATUS_FUNCTIONS, claimStatusFunctionsSql } from '@civicgrid/volunteering';

/**
 * The claim-status sets as SQL functions generated from their one TypeScript definition
 * (`libs/server/volunteering/src/claim-status.ts`): `claim_holds_place(status)`,
 * `claim_is_standing(status)` and the others. The shift-count trigger and the
 * one-standing-claim index now call them instead of repeating the lists. The invariants
 * stay as they were: the CHECK keeping confirmed_count within capacity, and one standing
 * claim per volunteer and shift (same index name, so errors still name it).
 */
export class ClaimStatusSets1764620000000 implements MigrationInterface {
  name = 'ClaimStatusSets1764620000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of claimStatusFunctionsSql()) await q.query(sql);
    await q.query(countsTrigger('claim_holds_place(OLD.status)', 'claim_holds_place(NEW.status)'));
    // Rebuilt in this transaction (the table is locked meanwhile), so no duplicate can slip in between.
    await q.query(`DROP INDEX shift_claim_one_active_uq`);
    await q.query(`CREATE UNIQUE INDEX shift_claim_one_active_uq ON shift_claim (shift_id, volunteer_id) WHERE claim_is_standing(status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX shift_claim_one_active_uq`);
    await q.query(`
      CREATE UNIQUE INDEX shift_claim_one_active_uq ON shift_claim (shift_id, volunteer_id)
        WHERE status IN ('CONFIRMED','WAITLISTED','PENDING_APPROVAL','CHECKED_IN','ATTENDED','NO_SHOW')`);
    await q.query(countsTrigger(`OLD.status IN ('CONFIRMED','CHECKED_IN','ATTENDED')`, `NEW.status IN ('CONFIRMED','CHECKED_IN','ATTENDED')`));
    for (const name of Object.keys(CLAIM_STATUS_FUNCTIONS)) await q.query(`DROP FUNCTION IF EXISTS ${name}(text)`);
  }
}

/** The trigger function of the core schema, with the test for "holds a place" passed in. */
function countsTrigger(oldHoldsPlace: string, newHoldsPlace: string): string {
  return `
    CREATE OR REPLACE FUNCTION shift_claim_counts() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      d_conf int := 0; d_wait int := 0; d_pend int := 0;
    BEGIN
      IF TG_OP IN ('UPDATE','DELETE') THEN
        d_conf := d_conf - (${oldHoldsPlace})::int;
        d_wait := d_wait - (OLD.status = 'WAITLISTED')::int;
        d_pend := d_pend - (OLD.status = 'PENDING_APPROVAL')::int;
      END IF;
      IF TG_OP IN ('INSERT','UPDATE') THEN
        d_conf := d_conf + (${newHoldsPlace})::int;
        d_wait := d_wait + (NEW.status = 'WAITLISTED')::int;
        d_pend := d_pend + (NEW.status = 'PENDING_APPROVAL')::int;
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.shift_id <> NEW.shift_id THEN
        RAISE EXCEPTION 'a claim cannot move to another shift' USING ERRCODE = 'check_violation';
      END IF;
      IF d_conf <> 0 OR d_wait <> 0 OR d_pend <> 0 THEN
        UPDATE shift SET confirmed_count = confirmed_count + d_conf,
                         waitlist_count = waitlist_count + d_wait,
                         pending_count = pending_count + d_pend
         WHERE id = COALESCE(NEW.shift_id, OLD.shift_id);
      END IF;
      RETURN NULL;
    END $$`;
}
