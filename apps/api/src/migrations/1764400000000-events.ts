import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox and the record of deliveries to subscribers (which makes a
 * second delivery of an event change nothing). The job queue's tables (schema `pgboss`)
 * are created and upgraded by pg-boss itself at start.
 */
export class Events1764400000000 implements MigrationInterface {
  name = 'Events1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type ~ '^[a-z][a-zA-Z]*(\\.[a-z][a-zA-Z]*)+$'),
        aggregate_type text NOT NULL CHECK (aggregate_type ~ '^[a-z][a-z_]*$'),
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(payload) = 'object'),
        actor_user_id uuid,
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        dispatched_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE dispatched_at IS NULL`);
    await q.query(`CREATE INDEX outbox_event_aggregate_idx ON outbox_event (aggregate_type, aggregate_id, id)`);
    await q.query(`
      CREATE TABLE event_delivery (
        subscriber text NOT NULL CHECK (length(subscriber) BETWEEN 1 AND 100),
        event_id uuid NOT NULL REFERENCES outbox_event(event_id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('DONE','DEAD')),
        attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        last_error text CHECK (length(last_error) <= 500),
        processed_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (subscriber, event_id),
        CHECK ((status = 'DEAD') = (last_error IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX event_delivery_dead_idx ON event_delivery (processed_at) WHERE status = 'DEAD'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_delivery`);
    await q.query(`DROP TABLE outbox_event`);
  }
}
