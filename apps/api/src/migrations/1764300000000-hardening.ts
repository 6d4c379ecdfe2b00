import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hardening: revocable sessions with rotating refresh tokens, devices and addresses a
 * person signed in from (they keep signing in while their phone is under attack),
 * one table of rate-limit counters for every limit, and a lock on check-in codes.
 */
export class Hardening1764300000000 implements MigrationInterface {
  name = 'Hardening1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Sign-in counters move into the one table every limit uses.
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`
      CREATE TABLE rate_limit (
        key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 300),
        points integer NOT NULL CHECK (points >= 0),
        expires_at timestamptz(3) NOT NULL
      )`);
    await q.query(`CREATE INDEX rate_limit_expires_idx ON rate_limit (expires_at)`);

    // A session is one sign-in on one device; access tokens name it and die with it.
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_refreshed_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3),
        revoked_reason text CHECK (revoked_reason IN ('LOGOUT','LOGOUT_EVERYWHERE','PASSWORD_CHANGED','REFRESH_REUSED')),
        user_agent text CHECK (length(user_agent) <= 200),
        CHECK (expires_at > created_at),
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL`);

    // Refresh tokens rotate: each is used once; a second use means it was stolen.
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_session(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        used_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)`);

    // Where a person has signed in successfully before: a device token they keep, or an address.
    await q.query(`
      CREATE TABLE trusted_sign_in (
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('DEVICE','ADDRESS')),
        value_hash bytea NOT NULL CHECK (length(value_hash) = 32),
        first_seen_at timestamptz(3) NOT NULL DEFAULT now(),
        last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind, value_hash)
      )`);

    // Wrong check-in codes per claim; at the limit the claim is locked until a coordinator checks the volunteer in.
    await q.query(`ALTER TABLE shift_claim ADD COLUMN check_in_failures integer NOT NULL DEFAULT 0 CHECK (check_in_failures >= 0)`);
    await q.query(`ALTER TABLE shift_claim ADD COLUMN check_in_locked_at timestamptz(3)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shift_claim DROP COLUMN check_in_locked_at`);
    await q.query(`ALTER TABLE shift_claim DROP COLUMN check_in_failures`);
    for (const table of ['trusted_sign_in', 'refresh_token', 'auth_session', 'rate_limit']) await q.query(`DROP TABLE ${table}`);
    await q.query(`CREATE TABLE login_throttle (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
  }
}
