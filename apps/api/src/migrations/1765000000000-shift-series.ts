import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring shifts.
 *
 * A `shift_series` holds an iCalendar RRULE (only the forms recurrence.ts writes: the
 * CHECK is its grammar, so COUNT and UNTIL can never both be there), the first
 * occurrence's local date and time in the series' zone, the length, the places, and the
 * dates skipped. Its occurrences are ordinary shifts, made a rolling window ahead:
 * `materialized_until` says up to where, and each shift names its series and its
 * occurrence's local date, UNIQUE per series, so however many replicas make occurrences
 * at once none is made twice. The composite foreign key keeps an occurrence on its
 * series' task. "This and following" changes split a series: the old one gets an UNTIL,
 * the new one `split_from_id`.
 *
 * `shift_series_claim` is a volunteer's standing claim on every occurrence: one open
 * per volunteer and series; each new occurrence is claimed for it as it is made.
 */
export class ShiftSeries1765000000000 implements MigrationInterface {
  name = 'ShiftSeries1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shift_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
        rrule text NOT NULL CHECK (rrule ~ '^FREQ=(DAILY|WEEKLY|MONTHLY);INTERVAL=[1-9][0-9]?(;BYDAY=(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU)){0,6})?(;UNTIL=[0-9]{8}T[0-9]{6}Z|;COUNT=[1-9][0-9]{0,2})?$'),
        time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        starts_on date NOT NULL,
        start_time time(0) NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
        exceptions date[] NOT NULL DEFAULT '{}' CHECK (cardinality(exceptions) <= 100),
        final_starts_at timestamptz(3),
        materialized_until timestamptz(3),
        split_from_id uuid REFERENCES shift_series(id),
        created_by_id uuid REFERENCES user_account(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (id, task_id)
      )`);
    await q.query(`CREATE INDEX shift_series_task_idx ON shift_series (task_id, starts_on, id)`);
    // The job's scan: series whose window still has to move on.
    await q.query(`CREATE INDEX shift_series_due_idx ON shift_series (materialized_until)`);

    await q.query(`ALTER TABLE shift ADD COLUMN series_id uuid, ADD COLUMN occurrence_date date`);
    await q.query(`ALTER TABLE shift ADD CONSTRAINT shift_series_fk FOREIGN KEY (series_id, task_id) REFERENCES shift_series(id, task_id)`);
    await q.query(`ALTER TABLE shift ADD CONSTRAINT shift_occurrence_pair CHECK ((series_id IS NULL) = (occurrence_date IS NULL))`);
    await q.query(`ALTER TABLE shift ADD CONSTRAINT shift_series_occurrence_uq UNIQUE (series_id, occurrence_date)`);

    await q.query(`
      CREATE TABLE shift_series_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL REFERENCES shift_series(id) ON DELETE CASCADE,
        volunteer_id uuid NOT NULL REFERENCES user_account(id),
        acting_proxy_id uuid REFERENCES user_account(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        ended_at timestamptz(3),
        end_reason text CHECK (end_reason IN ('CANCELLED', 'PROXY_REVOKED')),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX shift_series_claim_open_uq ON shift_series_claim (series_id, volunteer_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX shift_series_claim_volunteer_idx ON shift_series_claim (volunteer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shift_series_claim`);
    await q.query(`ALTER TABLE shift DROP CONSTRAINT shift_series_occurrence_uq, DROP CONSTRAINT shift_occurrence_pair, DROP CONSTRAINT shift_series_fk`);
    await q.query(`ALTER TABLE shift DROP COLUMN occurrence_date, DROP COLUMN series_id`);
    await q.query(`DROP TABLE shift_series`);
  }
}
