import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account basics and names in English.
 *
 * - Organisations and alliances may carry an English name (shown to people who read the
 *   portal in English), as regions already do.
 * - A forgotten password is reset with a code sent by SMS: the code is kept only as a
 *   keyed hash, expires, allows a few wrong tries (the CHECK caps them) and is used once
 *   (used_at). Only a person's newest code counts.
 * - Sign-up records the resident's consent: which privacy notice they accepted, the
 *   terms, their optional choices, when and from where. A record is never changed.
 * - A reset password ends every session, with a reason of its own.
 */
export class AccountsAndNames1765260000000 implements MigrationInterface {
  name = 'AccountsAndNames1765260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization ADD COLUMN name_en text CONSTRAINT organization_name_en_length CHECK (length(btrim(name_en)) BETWEEN 1 AND 120)`);
    await q.query(`ALTER TABLE alliance ADD COLUMN name_en text CONSTRAINT alliance_name_en_length CHECK (length(btrim(name_en)) BETWEEN 1 AND 120)`);

    await q.query(`
      CREATE TABLE password_reset_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        code_hash bytea NOT NULL CHECK (length(code_hash) = 32),
        created_at timestamptz(3) NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT password_reset_code_attempts_capped CHECK (attempts BETWEEN 0 AND 5),
        used_at timestamptz(3),
        CHECK (expires_at > created_at),
        CHECK (used_at IS NULL OR used_at >= created_at)
      )`);
    await q.query(`CREATE INDEX password_reset_code_user_idx ON password_reset_code (user_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE consent_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        privacy_notice_version text NOT NULL CHECK (length(privacy_notice_version) BETWEEN 1 AND 40),
        terms_accepted boolean NOT NULL CONSTRAINT consent_record_terms_accepted CHECK (terms_accepted),
        choices jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(choices) = 'object'),
        recorded_at timestamptz(3) NOT NULL,
        ip text NOT NULL CHECK (length(ip) <= 64),
        user_agent text CHECK (length(user_agent) <= 200)
      )`);
    await q.query(`CREATE INDEX consent_record_user_idx ON consent_record (user_id, recorded_at DESC)`);
    await q.query(`
      CREATE FUNCTION consent_record_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a consent record is never changed' USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`CREATE TRIGGER consent_record_unchanged BEFORE UPDATE ON consent_record FOR EACH ROW EXECUTE FUNCTION consent_record_unchanged()`);

    await q.query(`ALTER TABLE auth_session DROP CONSTRAINT auth_session_revoked_reason_check`);
    await q.query(
      `ALTER TABLE auth_session ADD CONSTRAINT auth_session_revoked_reason_check CHECK (revoked_reason IN ('LOGOUT','LOGOUT_EVERYWHERE','PASSWORD_CHANGED','PASSWORD_RESET','REFRESH_REUSED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE auth_session SET revoked_reason = 'PASSWORD_CHANGED' WHERE revoked_reason = 'PASSWORD_RESET'`);
    await q.query(`ALTER TABLE auth_session DROP CONSTRAINT auth_session_revoked_reason_check`);
    await q.query(`ALTER TABLE auth_session ADD CONSTRAINT auth_session_revoked_reason_check CHECK (revoked_reason IN ('LOGOUT','LOGOUT_EVERYWHERE','PASSWORD_CHANGED','REFRESH_REUSED'))`);
    await q.query(`DROP TABLE consent_record`);
    await q.query(`DROP FUNCTION consent_record_unchanged()`);
    await q.query(`DROP TABLE password_reset_code`);
    await q.query(`ALTER TABLE alliance DROP COLUMN name_en`);
    await q.query(`ALTER TABLE organization DROP COLUMN name_en`);
  }
}
