import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dependants: a minor signed up under a guardian's account. They have no phone and no
 * password (they never sign in), a birth date (prerequisites read it), and the guardian
 * acts for them through an ordinary proxy grant made with them, so every rule that lets a
 * proxy act applies unchanged.
 */
export class Dependants1764860000000 implements MigrationInterface {
  name = 'Dependants1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_account
        ALTER COLUMN phone DROP NOT NULL,
        ALTER COLUMN password_hash DROP NOT NULL,
        ADD COLUMN guardian_id uuid REFERENCES user_account(id) ON DELETE CASCADE,
        ADD CONSTRAINT user_account_signs_in CHECK (guardian_id IS NOT NULL OR (phone IS NOT NULL AND password_hash IS NOT NULL)),
        ADD CONSTRAINT user_account_dependant CHECK (guardian_id IS NULL OR (phone IS NULL AND password_hash IS NULL AND birth_date IS NOT NULL AND guardian_id <> id))`);
    await q.query(`CREATE INDEX user_account_guardian_idx ON user_account (guardian_id) WHERE guardian_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM user_account WHERE guardian_id IS NOT NULL`);
    await q.query(`DROP INDEX user_account_guardian_idx`);
    await q.query(`
      ALTER TABLE user_account
        DROP CONSTRAINT user_account_dependant,
        DROP CONSTRAINT user_account_signs_in,
        DROP COLUMN guardian_id,
        ALTER COLUMN password_hash SET NOT NULL,
        ALTER COLUMN phone SET NOT NULL`);
  }
}
