import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pledge activity counted in units from a list instead of free text: the portal showed
 * "1 rounds" and "36 yuan" to Chinese readers, and totals could not add "kg" to "公斤".
 *
 * Existing units are mapped to their code where the word is known (English or Chinese,
 * singular or plural). A quantity in a unit nobody can map is kept in words at the end
 * of the note and the record stops counting towards totals; a zero quantity counted
 * nothing and is dropped with its unit.
 *
 * From now on a record has a positive quantity in a listed unit. Records from before
 * (some hold only a note, or nothing) are left as they were: the constraint holds for
 * rows written from now on (NOT VALID), and such rows can no longer be edited anyway.
 */
export class PledgeUnits1765230000000 implements MigrationInterface {
  name = 'PledgeUnits1765230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pledge_activity DROP CONSTRAINT pledge_activity_unit_check, DROP CONSTRAINT pledge_activity_quantity_check`);
    // A zero counted nothing.
    await q.query(`UPDATE pledge_activity SET quantity = NULL, unit = NULL WHERE quantity = 0`);
    await q.query(`
      UPDATE pledge_activity SET unit = CASE lower(btrim(unit))
          WHEN 'kg' THEN 'KG' WHEN 'kgs' THEN 'KG' WHEN 'kilogram' THEN 'KG' WHEN 'kilograms' THEN 'KG' WHEN '公斤' THEN 'KG' WHEN '千克' THEN 'KG'
          WHEN 'bag' THEN 'BAG' WHEN 'bags' THEN 'BAG' WHEN '袋' THEN 'BAG'
          WHEN 'round' THEN 'ROUND' WHEN 'rounds' THEN 'ROUND' WHEN '圈' THEN 'ROUND' WHEN '轮' THEN 'ROUND' WHEN '趟' THEN 'ROUND'
          WHEN 'hour' THEN 'HOUR' WHEN 'hours' THEN 'HOUR' WHEN 'h' THEN 'HOUR' WHEN 'hr' THEN 'HOUR' WHEN 'hrs' THEN 'HOUR' WHEN '小时' THEN 'HOUR' WHEN '小時' THEN 'HOUR'
          WHEN 'yuan' THEN 'YUAN' WHEN 'rmb' THEN 'YUAN' WHEN 'cny' THEN 'YUAN' WHEN '元' THEN 'YUAN' WHEN '¥' THEN 'YUAN' WHEN '块' THEN 'YUAN'
          WHEN 'meal' THEN 'MEAL' WHEN 'meals' THEN 'MEAL' WHEN '餐' THEN 'MEAL' WHEN '顿' THEN 'MEAL'
          WHEN 'portion' THEN 'PORTION' WHEN 'portions' THEN 'PORTION' WHEN 'serving' THEN 'PORTION' WHEN 'servings' THEN 'PORTION' WHEN '份' THEN 'PORTION'
          WHEN 'item' THEN 'ITEM' WHEN 'items' THEN 'ITEM' WHEN 'piece' THEN 'ITEM' WHEN 'pieces' THEN 'ITEM' WHEN 'pcs' THEN 'ITEM' WHEN '件' THEN 'ITEM' WHEN '个' THEN 'ITEM'
          WHEN 'session' THEN 'SESSION' WHEN 'sessions' THEN 'SESSION' WHEN 'class' THEN 'SESSION' WHEN 'classes' THEN 'SESSION' WHEN '场' THEN 'SESSION' WHEN '节' THEN 'SESSION'
          WHEN 'person' THEN 'PERSON' WHEN 'persons' THEN 'PERSON' WHEN 'people' THEN 'PERSON' WHEN '人' THEN 'PERSON' WHEN '位' THEN 'PERSON' WHEN '人次' THEN 'PERSON'
          ELSE unit END
      WHERE unit IS NOT NULL`);
    // What cannot be mapped stays readable in the note.
    await q.query(`
      UPDATE pledge_activity
         SET note = left(concat_ws(' ', nullif(btrim(note), ''), '(' || quantity::text || ' ' || unit || ')'), 1000),
             quantity = NULL, unit = NULL
       WHERE unit NOT IN ('KG','BAG','ROUND','HOUR','YUAN','MEAL','PORTION','ITEM','SESSION','PERSON')`);
    await q.query(`
      ALTER TABLE pledge_activity
        ADD CONSTRAINT pledge_activity_unit_known CHECK (unit IN ('KG','BAG','ROUND','HOUR','YUAN','MEAL','PORTION','ITEM','SESSION','PERSON')),
        ADD CONSTRAINT pledge_activity_quantity_positive CHECK (quantity > 0 AND quantity <= 1000000)`);
    await q.query(`ALTER TABLE pledge_activity ADD CONSTRAINT pledge_activity_counted CHECK (quantity IS NOT NULL) NOT VALID`);
    // Totals per member and month.
    await q.query(`CREATE INDEX pledge_activity_member_idx ON pledge_activity (alliance_member_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX pledge_activity_member_idx`);
    await q.query(`ALTER TABLE pledge_activity DROP CONSTRAINT pledge_activity_counted, DROP CONSTRAINT pledge_activity_quantity_positive, DROP CONSTRAINT pledge_activity_unit_known`);
    await q.query(`UPDATE pledge_activity SET unit = lower(unit) WHERE unit IS NOT NULL`);
    await q.query(`
      ALTER TABLE pledge_activity
        ADD CONSTRAINT pledge_activity_unit_check CHECK (length(unit) <= 20),
        ADD CONSTRAINT pledge_activity_quantity_check CHECK (quantity IS NULL OR quantity >= 0)`);
  }
}
