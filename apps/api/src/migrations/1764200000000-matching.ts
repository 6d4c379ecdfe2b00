import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching: volunteers' weekly availability and birth date (for tasks with a minimum
 * age), tasks' strict skills and minimum age, batch assignments replayed by their
 * idempotency key, and the invitations they send.
 */
export class Matching1764200000000 implements MigrationInterface {
  name = 'Matching1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account ADD COLUMN availability jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(availability) = 'array')`);
    await q.query(`ALTER TABLE user_account ADD COLUMN birth_date date CHECK (birth_date > '1900-01-01')`);
    await q.query(`ALTER TABLE task ADD COLUMN skills_mandatory boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE task ADD COLUMN minimum_age integer CHECK (minimum_age BETWEEN 1 AND 120)`);
    await q.query(`CREATE INDEX region_coordinates_idx ON region (latitude, longitude) WHERE level = 'GRID'`);

    await q.query(`
      CREATE TABLE assignment_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        requested_by_id uuid NOT NULL REFERENCES user_account(id),
        dry_run boolean NOT NULL,
        shift_ids uuid[] NOT NULL,
        proposal jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (requested_by_id, idempotency_key)
      )`);

    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid REFERENCES assignment_batch(id) ON DELETE SET NULL,
        shift_id uuid NOT NULL REFERENCES shift(id) ON DELETE CASCADE,
        volunteer_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        invited_by_id uuid REFERENCES user_account(id),
        score double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
        reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        distance_km double precision,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','ACCEPTED','DECLINED','EXPIRED','WITHDRAWN')),
        expires_at timestamptz(3) NOT NULL,
        claim_id uuid REFERENCES shift_claim(id),
        responded_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'ACCEPTED') = (claim_id IS NOT NULL))
      )`);
    // One open invitation per volunteer and shift.
    await q.query(`CREATE UNIQUE INDEX invitation_pending_uq ON invitation (shift_id, volunteer_id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX invitation_volunteer_idx ON invitation (volunteer_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS invitation`);
    await q.query(`DROP TABLE IF EXISTS assignment_batch`);
    await q.query(`DROP INDEX IF EXISTS region_coordinates_idx`);
    await q.query(`ALTER TABLE task DROP COLUMN IF EXISTS minimum_age`);
    await q.query(`ALTER TABLE task DROP COLUMN IF EXISTS skills_mandatory`);
    await q.query(`ALTER TABLE user_account DROP COLUMN IF EXISTS birth_date`);
    await q.query(`ALTER TABLE user_account DROP COLUMN IF EXISTS availability`);
  }
}
