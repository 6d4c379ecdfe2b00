import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hours the platform did not see: a service record is either CHECKED_IN (from a claim's
 * check-in and check-out, as before) or REPORTED (service done off the platform or on a
 * paper sign-in sheet, reported by the volunteer or their proxy, or recorded by a
 * coordinator). A reported record has no claim; it names the organisation, the day served
 * and what was done, and optionally one of the organisation's tasks (a composite foreign
 * key keeps that task the organisation's own). Nobody decides reported hours of their own.
 *
 * Coordinators find the reports awaiting them through a partial index per organisation.
 */
export class ReportedHours1765100000000 implements MigrationInterface {
  name = 'ReportedHours1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE service_record
        ADD COLUMN source text NOT NULL DEFAULT 'CHECKED_IN' CONSTRAINT service_record_source_known CHECK (source IN ('CHECKED_IN','REPORTED')),
        ADD COLUMN organization_id uuid REFERENCES organization(id),
        ADD COLUMN task_id uuid,
        ADD COLUMN served_on date,
        ADD COLUMN description text CONSTRAINT service_record_description_length CHECK (length(btrim(description)) BETWEEN 1 AND 500),
        ADD COLUMN reported_by_id uuid REFERENCES user_account(id),
        ADD COLUMN decision_reason text CONSTRAINT service_record_reason_length CHECK (length(btrim(decision_reason)) BETWEEN 1 AND 500)`);
    await q.query(`ALTER TABLE service_record ALTER COLUMN claim_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE service_record ADD CONSTRAINT service_record_source_facts CHECK (
        CASE source
          WHEN 'CHECKED_IN' THEN claim_id IS NOT NULL AND task_id IS NULL AND served_on IS NULL AND description IS NULL
          ELSE claim_id IS NULL AND organization_id IS NOT NULL AND served_on IS NOT NULL AND description IS NOT NULL
               AND reported_by_id IS NOT NULL AND minutes >= 1
        END)`);
    await q.query(`ALTER TABLE service_record ADD CONSTRAINT service_record_not_own_decision CHECK (source <> 'REPORTED' OR verified_by_id IS DISTINCT FROM volunteer_id)`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_id_organization_uq UNIQUE (id, organization_id)`);
    await q.query(`ALTER TABLE service_record ADD CONSTRAINT service_record_task_of_organization FOREIGN KEY (task_id, organization_id) REFERENCES task (id, organization_id)`);
    await q.query(`CREATE INDEX service_record_reports_pending_idx ON service_record (organization_id, created_at, id) WHERE source = 'REPORTED' AND status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX service_record_reports_pending_idx`);
    await q.query(`DELETE FROM service_record WHERE source = 'REPORTED'`);
    await q.query(`ALTER TABLE service_record DROP CONSTRAINT service_record_task_of_organization`);
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_id_organization_uq`);
    await q.query(`ALTER TABLE service_record DROP CONSTRAINT service_record_not_own_decision, DROP CONSTRAINT service_record_source_facts`);
    await q.query(`ALTER TABLE service_record ALTER COLUMN claim_id SET NOT NULL`);
    await q.query(`
      ALTER TABLE service_record
        DROP COLUMN decision_reason, DROP COLUMN reported_by_id, DROP COLUMN description,
        DROP COLUMN served_on, DROP COLUMN task_id, DROP COLUMN organization_id, DROP COLUMN source`);
  }
}
