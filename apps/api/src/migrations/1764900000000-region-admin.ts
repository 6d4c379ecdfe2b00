import { MigrationInterface, QueryRunner } from 'typeorm';
import { regionCodeCheckSql, regionLevelRankSql } from '@civicgrid/geo';

/**
 * The region tree becomes editable (import, create, rename, move), so the database keeps
 * its shape and every copy of a region's path:
 *
 * - Codes take the national form (`libs/server/geo/src/region-codes.ts`): the demo's
 *   dashed codes are rewritten (`510107-001-002-03` → `510107001002003`) and a CHECK holds
 *   every code to its level's pattern.
 * - `region_place` derives a region's `path` from its parent's whenever a region is added
 *   or its parent changes, refuses a parent that is not exactly one level up (and so any
 *   move under its own subtree), and refuses a change of level.
 * - `region_subtree_follows` rewrites the paths of a moved region's whole subtree.
 * - `region_copies_follow` brings the copies along: `task.region_path` (and through
 *   `task_board_follow` the board's `shift.board_path`), `need.region_path`,
 *   `alliance.region_path`; `region_path_copy` fills those copies from the region
 *   itself on every insert or relocation, holding the region's row (FOR KEY SHARE, the
 *   foreign key's own lock) so a copy made while a move is under way waits for it and
 *   reads the new path. The policy's read model (`actor_facts`) joins paths live.
 * - A grid leader leads a GRID (`user_account.leads_grid_id`), checked by trigger, with an
 *   index for the grid's leaders.
 */
export class RegionAdmin1764900000000 implements MigrationInterface {
  name = 'RegionAdmin1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE region SET code = CASE
          WHEN code ~ '^[0-9]{6}$' THEN code || '000000'
          WHEN code ~ '^[0-9]{6}-[0-9]{3}$' THEN replace(code, '-', '') || '000'
          WHEN code ~ '^[0-9]{6}-[0-9]{3}-[0-9]{3}$' THEN replace(code, '-', '')
          ELSE replace(substr(code, 1, 14), '-', '') || lpad(substr(code, 16), 3, '0')
        END
       WHERE code ~ '^[0-9]{6}(-[0-9]{3}(-[0-9]{3}(-[0-9]{2})?)?)?$'`);
    await q.query(`ALTER TABLE region ADD CONSTRAINT region_code_format CHECK (${regionCodeCheckSql()})`);

    await q.query(regionLevelRankSql());
    await q.query(`
      CREATE FUNCTION region_place() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent region%ROWTYPE;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.level IS DISTINCT FROM OLD.level THEN
          RAISE EXCEPTION 'a region keeps its level' USING ERRCODE = 'check_violation', CONSTRAINT = 'region_level_fixed';
        END IF;
        IF NEW.parent_id IS NULL THEN
          NEW.path := '/' || NEW.id;
          RETURN NEW;
        END IF;
        SELECT * INTO parent FROM region WHERE id = NEW.parent_id;
        IF NOT FOUND THEN RETURN NEW; END IF; -- the foreign key refuses it
        IF TG_OP = 'UPDATE' AND (parent.path = OLD.path OR parent.path LIKE OLD.path || '/%') THEN
          RAISE EXCEPTION 'region % cannot move under its own subtree', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'region_not_under_itself';
        END IF;
        IF region_level_rank(NEW.level) <> region_level_rank(parent.level) + 1 THEN
          RAISE EXCEPTION 'a % cannot lie under a %', NEW.level, parent.level USING ERRCODE = 'check_violation', CONSTRAINT = 'region_level_below_parent';
        END IF;
        NEW.path := parent.path || '/' || NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER region_place BEFORE INSERT OR UPDATE OF parent_id, level ON region FOR EACH ROW EXECUTE FUNCTION region_place()`);

    // Only a change of parent moves a subtree; the rewrite below sets paths alone, so it fires neither trigger again.
    await q.query(`
      CREATE FUNCTION region_subtree_follows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE region SET path = NEW.path || substr(path, length(OLD.path) + 1)
         WHERE path LIKE OLD.path || '/%';
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER region_subtree_follows AFTER UPDATE OF parent_id ON region
        FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION region_subtree_follows()`);

    // Moves are rare: one pass over each copying table per statement that moved something.
    await q.query(`
      CREATE FUNCTION region_copies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.path <> o.path) THEN RETURN NULL; END IF;
        UPDATE task t SET region_path = n.path FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.path <> o.path AND t.region_id = n.id;
        UPDATE need d SET region_path = n.path FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.path <> o.path AND d.region_id = n.id;
        UPDATE alliance a SET region_path = n.path FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.path <> o.path AND a.region_id = n.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER region_copies_follow AFTER UPDATE ON region
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION region_copies_follow()`);

    await q.query(`
      CREATE FUNCTION region_path_copy() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        current_path text;
      BEGIN
        SELECT path INTO current_path FROM region WHERE id = NEW.region_id FOR KEY SHARE;
        IF FOUND THEN NEW.region_path := current_path; END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['task', 'need', 'alliance']) {
      await q.query(`CREATE TRIGGER ${table}_region_path_copy BEFORE INSERT OR UPDATE OF region_id, region_path ON ${table} FOR EACH ROW EXECUTE FUNCTION region_path_copy()`);
    }
    // Copies written before this migration, when the code wrote them, are made right once.
    await q.query(`UPDATE task t SET region_path = r.path FROM region r WHERE r.id = t.region_id AND t.region_path <> r.path`);
    await q.query(`UPDATE need d SET region_path = r.path FROM region r WHERE r.id = d.region_id AND d.region_path <> r.path`);
    await q.query(`UPDATE alliance a SET region_path = r.path FROM region r WHERE r.id = a.region_id AND a.region_path <> r.path`);

    await q.query(`
      CREATE FUNCTION user_leads_a_grid() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.leads_grid_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region WHERE id = NEW.leads_grid_id AND level = 'GRID') THEN
          RAISE EXCEPTION 'a grid leader leads a grid' USING ERRCODE = 'check_violation', CONSTRAINT = 'user_leads_a_grid';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER user_leads_a_grid BEFORE INSERT OR UPDATE OF leads_grid_id ON user_account FOR EACH ROW EXECUTE FUNCTION user_leads_a_grid()`);
    await q.query(`CREATE INDEX user_account_leads_grid_idx ON user_account (leads_grid_id) WHERE leads_grid_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX user_account_leads_grid_idx`);
    await q.query(`DROP TRIGGER user_leads_a_grid ON user_account`);
    await q.query(`DROP FUNCTION user_leads_a_grid()`);
    for (const table of ['task', 'need', 'alliance']) await q.query(`DROP TRIGGER ${table}_region_path_copy ON ${table}`);
    await q.query(`DROP FUNCTION region_path_copy()`);
    await q.query(`DROP TRIGGER region_copies_follow ON region`);
    await q.query(`DROP FUNCTION region_copies_follow()`);
    await q.query(`DROP TRIGGER region_subtree_follows ON region`);
    await q.query(`DROP FUNCTION region_subtree_follows()`);
    await q.query(`DROP TRIGGER region_place ON region`);
    await q.query(`DROP FUNCTION region_place()`);
    await q.query(`DROP FUNCTION region_level_rank(text)`);
    // The codes keep their national form: the dashed demo codes were an older spelling of the same.
    await q.query(`ALTER TABLE region DROP CONSTRAINT region_code_format`);
  }
}
