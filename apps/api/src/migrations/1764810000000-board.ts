import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shift board reads shifts only.
 *
 * A shift of a published task carries its task's region (`board_region_id`, `board_path`);
 * any other shift carries nulls. Triggers keep the copy in step when a shift is added or
 * moved to another task and when a task is published, unpublished or relocated, so the
 * board's partial indexes hold exactly the shifts it may show and a grid's page is one
 * short walk of `shift_board_area_idx` from (grid, now − 24 h), however many shifts have
 * ended or however large the district grows. The walk may start 24 hours back only because
 * a shift lasts at most a day, which the database now enforces too.
 *
 * `shift_board_idx` over every shift served the board and the matcher's candidate search;
 * both now use the partial indexes, so it goes.
 *
 * A change to the region tree NOTIFYs `civicgrid_regions`: each replica keeps the tree
 * in memory (it is read on every board request and every region field) and forgets it then.
 */
export class Board1764810000000 implements MigrationInterface {
  name = 'Board1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shift ADD CONSTRAINT shift_at_most_a_day CHECK (ends_at - starts_at <= interval '24 hours') NOT VALID`);
    await q.query(`ALTER TABLE shift VALIDATE CONSTRAINT shift_at_most_a_day`);

    await q.query(`ALTER TABLE shift ADD COLUMN board_region_id uuid REFERENCES region(id), ADD COLUMN board_path text`);
    await q.query(`ALTER TABLE shift ADD CONSTRAINT shift_board_pair CHECK ((board_region_id IS NULL) = (board_path IS NULL))`);
    await q.query(`
      UPDATE shift s SET board_region_id = t.region_id, board_path = t.region_path
        FROM task t WHERE t.id = s.task_id AND t.status = 'PUBLISHED'`);

    await q.query(`
      CREATE FUNCTION shift_board_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT CASE WHEN t.status = 'PUBLISHED' THEN t.region_id END, CASE WHEN t.status = 'PUBLISHED' THEN t.region_path END
          INTO NEW.board_region_id, NEW.board_path
          FROM task t WHERE t.id = NEW.task_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER shift_board_fill BEFORE INSERT OR UPDATE OF task_id, board_region_id, board_path ON shift
        FOR EACH ROW EXECUTE FUNCTION shift_board_fill()`);

    await q.query(`
      CREATE FUNCTION task_board_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.status = 'PUBLISHED') IS DISTINCT FROM (OLD.status = 'PUBLISHED')
           OR NEW.region_id IS DISTINCT FROM OLD.region_id OR NEW.region_path IS DISTINCT FROM OLD.region_path THEN
          -- Touching board_path fires shift_board_fill, which reads the task as it now is.
          UPDATE shift SET board_path = NULL WHERE task_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER task_board_follow AFTER UPDATE OF status, region_id, region_path ON task
        FOR EACH ROW EXECUTE FUNCTION task_board_follow()`);

    // A grid's (or a community's grids') page and capped count: equality on the area, then time.
    await q.query(`
      CREATE INDEX shift_board_area_idx ON shift (board_region_id, starts_at, id)
        INCLUDE (ends_at, confirmed_count, capacity) WHERE board_region_id IS NOT NULL`);
    // The whole board, or a street's or the district's: time first, the area as a filter.
    await q.query(`
      CREATE INDEX shift_board_time_idx ON shift (starts_at, id)
        INCLUDE (ends_at, board_path, confirmed_count, capacity) WHERE board_region_id IS NOT NULL`);
    await q.query(`DROP INDEX shift_board_idx`);

    // Replicas keep the region tree in memory and forget it when it changes.
    await q.query(`
      CREATE FUNCTION region_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('civicgrid_regions', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER region_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON region FOR EACH STATEMENT EXECUTE FUNCTION region_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER region_changed ON region`);
    await q.query(`DROP FUNCTION region_changed()`);
    await q.query(`CREATE INDEX shift_board_idx ON shift (starts_at, id)`);
    await q.query(`DROP INDEX shift_board_time_idx`);
    await q.query(`DROP INDEX shift_board_area_idx`);
    await q.query(`DROP TRIGGER task_board_follow ON task`);
    await q.query(`DROP FUNCTION task_board_follow()`);
    await q.query(`DROP TRIGGER shift_board_fill ON shift`);
    await q.query(`DROP FUNCTION shift_board_fill()`);
    await q.query(`ALTER TABLE shift DROP CONSTRAINT shift_board_pair, DROP COLUMN board_path, DROP COLUMN board_region_id`);
    await q.query(`ALTER TABLE shift DROP CONSTRAINT shift_at_most_a_day`);
  }
}
