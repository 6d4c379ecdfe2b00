import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Knowing who one works with.
 *
 * A volunteer may share their phone with the organisers of one shift: `shift_claim.phone_shared`,
 * off unless they say so, per claim (another shift's organisers still see it masked).
 *
 * An organisation's verification is a state, not a flag: PENDING (registered or
 * resubmitted), VERIFIED, REJECTED (with the official's reason) or INFO_REQUESTED (with
 * the official's question); the owner answers a rejection or a question by resubmitting,
 * which makes it PENDING again. `verified` stays as the flag every reader already uses and
 * must agree with the state; rows written with only `verified` (bulk loaders) take the
 * matching state from a trigger. An optional registration number (统一社会信用代码, 18
 * characters of the code's alphabet) is unique among organisations.
 */
export class PeopleAndVerification1765220000000 implements MigrationInterface {
  name = 'PeopleAndVerification1765220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shift_claim ADD COLUMN phone_shared boolean NOT NULL DEFAULT false`);
    await q.query(`
      ALTER TABLE organization
        ADD COLUMN verification_status text NOT NULL DEFAULT 'PENDING'
          CONSTRAINT organization_verification_status_known CHECK (verification_status IN ('PENDING','VERIFIED','REJECTED','INFO_REQUESTED')),
        ADD COLUMN review_note text CONSTRAINT organization_review_note_length CHECK (length(btrim(review_note)) BETWEEN 1 AND 500),
        ADD COLUMN reviewed_at timestamptz,
        ADD COLUMN reviewed_by_id uuid REFERENCES user_account(id),
        ADD COLUMN applicant_answer text CONSTRAINT organization_applicant_answer_length CHECK (length(btrim(applicant_answer)) BETWEEN 1 AND 500),
        ADD COLUMN registration_number text CONSTRAINT organization_registration_number_form CHECK (registration_number ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$')`);
    await q.query(`UPDATE organization SET verification_status = 'VERIFIED' WHERE verified`);
    await q.query(`
      CREATE FUNCTION organization_verification_from_flag() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.verified AND NEW.verification_status = 'PENDING' THEN NEW.verification_status := 'VERIFIED'; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER organization_verification_from_flag BEFORE INSERT ON organization FOR EACH ROW EXECUTE FUNCTION organization_verification_from_flag()`);
    await q.query(`
      ALTER TABLE organization
        ADD CONSTRAINT organization_verified_agrees CHECK (verified = (verification_status = 'VERIFIED')),
        ADD CONSTRAINT organization_review_note_when_decided CHECK ((verification_status IN ('REJECTED','INFO_REQUESTED')) = (review_note IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX organization_registration_number_uq ON organization (registration_number) WHERE registration_number IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organization_registration_number_uq`);
    await q.query(`DROP TRIGGER organization_verification_from_flag ON organization`);
    await q.query(`DROP FUNCTION organization_verification_from_flag()`);
    await q.query(`
      ALTER TABLE organization
        DROP CONSTRAINT organization_review_note_when_decided, DROP CONSTRAINT organization_verified_agrees,
        DROP COLUMN registration_number, DROP COLUMN applicant_answer, DROP COLUMN reviewed_by_id,
        DROP COLUMN reviewed_at, DROP COLUMN review_note, DROP COLUMN verification_status`);
    await q.query(`ALTER TABLE shift_claim DROP COLUMN phone_shared`);
  }
}
