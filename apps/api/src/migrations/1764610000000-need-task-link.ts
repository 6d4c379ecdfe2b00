import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A need and the task that answers it are linked from the need only (`need.task_id`):
 * tasks belong to volunteering, which knows nothing of needs. `task.need_id` duplicated
 * the link and goes.
 */
export class NeedTaskLink1764610000000 implements MigrationInterface {
  name = 'NeedTaskLink1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task DROP COLUMN need_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task ADD COLUMN need_id uuid UNIQUE REFERENCES need(id)`);
    await q.query(`UPDATE task t SET need_id = n.id FROM need n WHERE n.task_id = t.id`);
  }
}
