import { MigrationInterface, QueryRunner } from 'typeorm';

/** Coordinators' messages to the volunteers of a shift or task, kept once per idempotency key (a replay answers the first send). */
export class VolunteerMessages1764700000000 implements MigrationInterface {
  name = 'VolunteerMessages1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volunteer_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sender_id uuid NOT NULL REFERENCES user_account(id),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        shift_id uuid REFERENCES shift(id) ON DELETE CASCADE,
        message text NOT NULL CHECK (length(btrim(message)) BETWEEN 1 AND 500),
        recipient_ids uuid[] NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (sender_id, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE volunteer_message`);
  }
}
