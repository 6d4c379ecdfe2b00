/**
 * What the database would have guaranteed row by row, checked in SQL after the load:
 * every check counts offending rows, and any non-zero count fails the load. Foreign keys
 * and unique indexes need no check here: they were re-added after the load, which
 * validated every row (load.ts); CHECK constraints applied to every row as it was copied.
 * The claim-status sets are the schema's own SQL functions (claim_holds_place() …).
 */
import type { ClientBase } from 'pg';

export interface Check {
  name: string;
  sql: string;
}

export const CHECKS: Check[] = [
  {
    name: "shift counters equal the counts of its claims (the trigger's job)",
    sql: `SELECT count(*) FROM shift s
            LEFT JOIN (SELECT shift_id,
                              count(*) FILTER (WHERE claim_holds_place(status)) AS confirmed,
                              count(*) FILTER (WHERE status = 'WAITLISTED') AS waitlisted,
                              count(*) FILTER (WHERE status = 'PENDING_APPROVAL') AS pending
                         FROM shift_claim GROUP BY shift_id) c ON c.shift_id = s.id
           WHERE (s.confirmed_count, s.waitlist_count, s.pending_count) IS DISTINCT FROM (coalesce(c.confirmed, 0), coalesce(c.waitlisted, 0), coalesce(c.pending, 0))`,
  },
  { name: 'no shift over capacity', sql: `SELECT count(*) FROM shift WHERE confirmed_count > capacity` },
  {
    name: 'one standing claim per volunteer and shift',
    sql: `SELECT count(*) FROM (SELECT 1 FROM shift_claim WHERE claim_is_standing(status) GROUP BY shift_id, volunteer_id HAVING count(*) > 1) d`,
  },
  {
    name: 'nobody holds two overlapping shifts (decide_shift_claim refuses OVERLAP)',
    sql: `SELECT count(*) FROM (
            SELECT s.starts_at, lag(s.ends_at) OVER (PARTITION BY c.volunteer_id ORDER BY s.starts_at, s.id) AS previous_end
              FROM shift_claim c JOIN shift s ON s.id = c.shift_id WHERE claim_holds_time(c.status)) o
           WHERE previous_end > starts_at`,
  },
  {
    name: 'nobody waits for a place on a shift with one free (promotion is FIFO)',
    sql: `SELECT count(*) FROM shift WHERE waitlist_count > 0 AND confirmed_count < capacity AND ends_at > $1`,
  },
  {
    name: 'a checked-in service record for every checked-out claim and none for others, with its volunteer and minutes',
    sql: `SELECT count(*) FROM shift_claim c FULL JOIN (SELECT * FROM service_record WHERE source = 'CHECKED_IN') r ON r.claim_id = c.id
           WHERE (c.status = 'ATTENDED') IS DISTINCT FROM (r.id IS NOT NULL)
              OR (r.id IS NOT NULL AND (r.volunteer_id <> c.volunteer_id
                  OR r.minutes <> least(1440, greatest(1, round(extract(epoch FROM c.check_out_at - c.check_in_at) / 60)))))`,
  },
  {
    name: 'completed tasks are settled: nobody expected or waiting, every record decided',
    sql: `SELECT count(*) FROM task t JOIN shift s ON s.task_id = t.id JOIN shift_claim c ON c.shift_id = s.id
            LEFT JOIN service_record r ON r.claim_id = c.id
           WHERE t.status = 'COMPLETED' AND (claim_is_expected(c.status) OR claim_is_waiting(c.status) OR r.status = 'PENDING')`,
  },
  {
    name: 'claims only on published tasks, and checked in only once the shift started (less the 30 minutes the window opens early)',
    sql: `SELECT count(*) FROM shift_claim c JOIN shift s ON s.id = c.shift_id JOIN task t ON t.id = s.task_id
           WHERE t.published_at IS NULL OR c.created_at < t.published_at OR c.created_at > s.starts_at
              OR c.check_in_at < s.starts_at - interval '30 minutes' OR c.check_in_at > s.ends_at`,
  },
  {
    name: 'nothing happened after now',
    sql: `SELECT (SELECT count(*) FROM shift_claim WHERE greatest(created_at, updated_at, check_in_at, check_out_at) > $1)
               + (SELECT count(*) FROM service_record WHERE greatest(created_at, verified_at) > $1)
               + (SELECT count(*) FROM task WHERE greatest(created_at, published_at, closed_at, completed_at) > $1)
               + (SELECT count(*) FROM user_account WHERE created_at > $1)`,
  },
  {
    name: 'things happen in order: accounts, then organisations verified, then their tasks',
    sql: `SELECT (SELECT count(*) FROM task t JOIN organization o ON o.id = t.organization_id WHERE t.created_at < o.verified_at OR t.published_at < t.created_at)
               + (SELECT count(*) FROM organization o JOIN user_account u ON u.id = o.created_by_id WHERE o.created_at < u.created_at)
               + (SELECT count(*) FROM shift_claim c JOIN user_account u ON u.id = c.volunteer_id WHERE c.created_at < u.created_at OR c.updated_at < c.created_at OR c.check_in_at < c.created_at)`,
  },
  {
    name: 'claims for someone else go through a proxy they granted',
    sql: `SELECT count(*) FROM shift_claim c WHERE c.acting_proxy_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM proxy_grant g WHERE g.resident_id = c.volunteer_id AND g.proxy_id = c.acting_proxy_id AND g.revoked_at IS NULL AND g.granted_at <= c.created_at)`,
  },
  {
    name: "region paths run from the district down, and tasks, needs and alliances carry their region's path",
    sql: `SELECT (SELECT count(*) FROM region r LEFT JOIN region p ON p.id = r.parent_id WHERE r.path <> coalesce(p.path, '') || '/' || r.id)
               + (SELECT count(*) FROM task t JOIN region r ON r.id = t.region_id WHERE t.region_path <> r.path)
               + (SELECT count(*) FROM need n JOIN region r ON r.id = n.region_id WHERE n.region_path <> r.path)
               + (SELECT count(*) FROM alliance a JOIN region r ON r.id = a.region_id WHERE a.region_path <> r.path)`,
  },
  {
    name: "shifts of published tasks are on the board with their task's region, others off it (shift_board_fill), and none lasts over a day",
    sql: `SELECT count(*) FROM shift s JOIN task t ON t.id = s.task_id
           WHERE (t.status = 'PUBLISHED' AND (s.board_region_id IS DISTINCT FROM t.region_id OR s.board_path IS DISTINCT FROM t.region_path))
              OR (t.status <> 'PUBLISHED' AND (s.board_region_id IS NOT NULL OR s.board_path IS NOT NULL))
              OR s.ends_at - s.starts_at > interval '24 hours'`,
  },
  {
    name: "need support counts equal their supporters (the trigger's job)",
    sql: `SELECT count(*) FROM need n LEFT JOIN (SELECT need_id, count(*) AS n FROM need_support GROUP BY need_id) s ON s.need_id = n.id
           WHERE n.support_count <> coalesce(s.n, 0)`,
  },
  {
    name: 'every organisation has an active owner (membership_keep_owner)',
    sql: `SELECT count(*) FROM organization o WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.organization_id = o.id AND m.role = 'OWNER' AND m.status = 'ACTIVE')`,
  },
  {
    name: 'no events or audit entries were made up (the outbox would deliver them when the API starts)',
    sql: `SELECT (SELECT count(*) FROM outbox_event) + (SELECT count(*) FROM audit_entry)`,
  },
];

/** Runs every check; returns the failures (check and offending rows). */
export async function verifyDistrict(client: ClientBase, now: Date, log: (line: string) => void): Promise<{ name: string; bad: number }[]> {
  const failures: { name: string; bad: number }[] = [];
  for (const check of CHECKS) {
    const t0 = performance.now();
    const params = check.sql.includes('$1') ? [now] : [];
    const { rows } = await client.query<{ bad: string }>(`SELECT (${check.sql}) AS bad`, params);
    const bad = Number(rows[0].bad);
    log(`  ${bad === 0 ? 'ok  ' : 'FAIL'} ${check.name}${bad ? `: ${bad} rows` : ''} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    if (bad) failures.push({ name: check.name, bad });
  }
  return failures;
}
