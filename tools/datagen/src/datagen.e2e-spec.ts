import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { normalizeMainlandMobile } from '@civicgrid/identity';
import { DatagenSummary, generate } from './index';
import { LOADED_TABLES } from './load';
import { ensureDatabase } from '@civicgrid/platform';
import { verifyDistrict } from './verify';

const NOW = new Date('2026-06-15T00:00:00Z');

async function freshDatabase(): Promise<string> {
  const server = process.env.CIVICGRID_TEST_PG_URL;
  if (!server) throw new Error('CIVICGRID_TEST_PG_URL is not set: run through jest (its globalSetup starts PostgreSQL)');
  return ensureDatabase(server, `datagen_${randomUUID().replace(/-/g, '')}`);
}

async function withClient<T>(url: string, run: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A digest of every loaded table's rows (the password hash aside: argon2 salts it afresh on every run). */
function checksums(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const table of LOADED_TABLES) {
      const { rows } = await c.query(`SELECT md5(string_agg(r, ',' ORDER BY r)) AS sum FROM (SELECT (to_jsonb(t) - 'password_hash')::text AS r FROM ${table} t) x`);
      out[table] = rows[0].sum;
    }
    return out;
  });
}

describe('datagen', () => {
  let first: { url: string; summary: DatagenSummary };
  let again: { url: string; summary: DatagenSummary };
  let other: { url: string; summary: DatagenSummary };

  beforeAll(async () => {
    const run = async (seed: number) => {
      const url = await freshDatabase();
      return { url, summary: await generate({ databaseUrl: url, scale: 'small', seed, now: NOW }) };
    };
    first = await run(7);
    again = await run(7);
    other = await run(8);
  });

  it('should fill a small district with at least 30 grids, every one with open shifts ahead', async () => {
    expect(first.summary.grids.length).toBeGreaterThanOrEqual(30);
    expect(first.summary.rows.shift).toBeGreaterThan(1000);
    expect(first.summary.rows.shift_claim).toBeGreaterThan(first.summary.rows.shift);
    expect(first.summary.rows.service_record).toBeGreaterThan(0);
    const open = await withClient(first.url, (c) =>
      c.query<{ path: string; n: number }>(
        `SELECT g.path, count(s.id)::int AS n FROM region g
           LEFT JOIN task t ON t.region_id = g.id AND t.status = 'PUBLISHED'
           LEFT JOIN shift s ON s.task_id = t.id AND s.starts_at > $1 AND s.confirmed_count < s.capacity
          WHERE g.level = 'GRID' GROUP BY g.path`,
        [NOW],
      ),
    );
    expect(open.rows.filter((g) => g.n === 0)).toEqual([]);
  });

  it('should give the same rows for the same seed and other rows for another seed', async () => {
    expect(again.summary.rows).toEqual(first.summary.rows);
    expect(again.summary.volunteers).toEqual(first.summary.volunteers);
    const [a, b, c] = await Promise.all([checksums(first.url), checksums(again.url), checksums(other.url)]);
    expect(b).toEqual(a);
    for (const table of ['user_account', 'task', 'shift', 'shift_claim', 'service_record']) expect(c[table]).not.toEqual(a[table]);
  });

  it("should keep every shift's counters equal to its claims and within capacity, with one standing claim per volunteer and shift", async () => {
    const bad = await withClient(first.url, async (c) => {
      const { rows } = await c.query(`
        SELECT
          (SELECT count(*) FROM shift s WHERE s.confirmed_count <> (SELECT count(*) FROM shift_claim c WHERE c.shift_id = s.id AND c.status IN ('CONFIRMED','CHECKED_IN','ATTENDED'))
                                          OR s.waitlist_count <> (SELECT count(*) FROM shift_claim c WHERE c.shift_id = s.id AND c.status = 'WAITLISTED')
                                          OR s.pending_count <> (SELECT count(*) FROM shift_claim c WHERE c.shift_id = s.id AND c.status = 'PENDING_APPROVAL'))::int AS counters,
          (SELECT count(*) FROM shift WHERE confirmed_count > capacity)::int AS over_capacity,
          (SELECT count(*) FROM (SELECT 1 FROM shift_claim WHERE status NOT IN ('CANCELLED','REJECTED') GROUP BY shift_id, volunteer_id HAVING count(*) > 1) d)::int AS duplicates`);
      return rows[0];
    });
    expect(bad).toEqual({ counters: 0, over_capacity: 0, duplicates: 0 });
    expect(await withClient(first.url, (c) => verifyDistrict(c, NOW, () => undefined))).toEqual([]);
  });

  it('should keep the triggers working after the load: a new claim moves its shift counter', async () => {
    const moved = await withClient(first.url, async (c) => {
      await c.query('BEGIN');
      try {
        const { rows } = await c.query(`
          WITH s AS (SELECT s.id FROM shift s JOIN task t ON t.id = s.task_id WHERE t.status = 'PUBLISHED' AND s.starts_at > $1 AND s.confirmed_count < s.capacity LIMIT 1),
               v AS (SELECT u.id FROM user_account u WHERE u.role = 'RESIDENT' AND NOT EXISTS (SELECT 1 FROM shift_claim c WHERE c.volunteer_id = u.id AND c.shift_id = (SELECT id FROM s)) LIMIT 1)
          SELECT (SELECT id FROM s) AS shift, (SELECT id FROM v) AS volunteer, (SELECT confirmed_count FROM shift WHERE id = (SELECT id FROM s)) AS before`, [NOW]);
        await c.query(`INSERT INTO shift_claim (shift_id, volunteer_id, status) VALUES ($1, $2, 'CONFIRMED')`, [rows[0].shift, rows[0].volunteer]);
        const after = await c.query('SELECT confirmed_count FROM shift WHERE id = $1', [rows[0].shift]);
        return after.rows[0].confirmed_count - rows[0].before;
      } finally {
        await c.query('ROLLBACK');
      }
    });
    expect(moved).toBe(1);
  });

  it('should give every account a phone that signs in as a mainland mobile number', async () => {
    const { rows } = await withClient(first.url, (c) => c.query<{ phone: string }>('SELECT phone FROM user_account'));
    expect(rows.filter((r) => normalizeMainlandMobile(r.phone) !== r.phone)).toEqual([]);
    expect(first.summary.volunteers.length).toBeGreaterThan(0);
    expect(first.summary.password.length).toBeGreaterThanOrEqual(8);
  });

  it('should refuse a database that already holds a district unless told to reset it, and then replace it', async () => {
    await expect(generate({ databaseUrl: other.url, scale: 'small', seed: 7, now: NOW })).rejects.toThrow(/--reset/);
    await generate({ databaseUrl: other.url, scale: 'small', seed: 7, now: NOW, reset: true });
    expect(await checksums(other.url)).toEqual(await checksums(first.url));
  });
});
