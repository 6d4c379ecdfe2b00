import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: an inbox per person, the SMS and email deliveries each notification
 * asks for (one per channel, whatever the retries), preferences per kind, quiet hours,
 * e-mail addresses on profiles, the jobs that remind volunteers of their shifts, and
 * the development sink that stands in for SMS and mail providers when none is set.
 */
export class Notifications1764600000000 implements MigrationInterface {
  name = 'Notifications1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account ADD COLUMN email text CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$')`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]*$'),
        params jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(params) = 'object'),
        link text CHECK (link ~ '^/'),
        -- what the notification answers (an event, a reminder); a second try finds it here
        dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
        -- a proxy's copy of a notification meant for a resident they act for
        on_behalf_of_id uuid REFERENCES user_account(id) ON DELETE CASCADE,
        in_app boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3),
        UNIQUE (user_id, dedupe_key),
        CHECK (on_behalf_of_id IS NULL OR on_behalf_of_id <> user_id)
      )`);
    await q.query(`CREATE INDEX notification_inbox_idx ON notification (user_id, seq DESC) WHERE in_app`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE in_app AND read_at IS NULL`);

    await q.query(`
      CREATE TABLE notification_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('SMS','EMAIL')),
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','SENT','FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        send_after timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3),
        provider_ref text CHECK (length(provider_ref) <= 200),
        last_error text CHECK (length(last_error) <= 500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (notification_id, channel),
        CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX notification_delivery_failed_idx ON notification_delivery (created_at) WHERE status = 'FAILED'`);

    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]*$'),
        channels text[] NOT NULL CHECK (channels <@ ARRAY['IN_APP','SMS','EMAIL']::text[]),
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES user_account(id) ON DELETE CASCADE,
        quiet_hours_start integer NOT NULL CHECK (quiet_hours_start BETWEEN 0 AND 1439),
        quiet_hours_end integer NOT NULL CHECK (quiet_hours_end BETWEEN 0 AND 1439)
      )`);

    // Reminder jobs of a claim, so cancelling the claim cancels them.
    await q.query(`
      CREATE TABLE claim_reminder (
        claim_id uuid NOT NULL REFERENCES shift_claim(id) ON DELETE CASCADE,
        offset_minutes integer NOT NULL CHECK (offset_minutes > 0),
        job_id uuid NOT NULL,
        due_at timestamptz(3) NOT NULL,
        PRIMARY KEY (claim_id, offset_minutes)
      )`);

    // Messages that would have gone to an SMS or mail provider had one been set
    // (development and tests only: a real installation sets the providers).
    await q.query(`
      CREATE TABLE dev_message (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        channel text NOT NULL CHECK (channel IN ('SMS','EMAIL')),
        recipient text NOT NULL,
        subject text,
        body text NOT NULL,
        delivery_id uuid NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dev_message', 'claim_reminder', 'notification_settings', 'notification_preference', 'notification_delivery', 'notification']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE user_account DROP COLUMN email`);
  }
}
