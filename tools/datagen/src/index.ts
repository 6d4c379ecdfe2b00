/**
 * The district-scale data generator as a library (the API benchmark calls it; cli.ts wraps
 * it): migrates the database with the API's migrations, generates a district from a seed,
 * COPYs it in one transaction, checks it, commits, analyses.
 */
import { Client } from 'pg';
import { hashPassword } from '@civicgrid/identity';
import { DEMO_PASSWORD } from '@civicgrid/seed';
import { DAY, generateDistrict } from './district';
import { loadDistrict, LOADED_TABLES } from './load';
import { SCALES } from './scales';
import { dropSchema, migrate } from './schema';
import { verifyDistrict } from './verify';

export interface DatagenOptions {
  databaseUrl: string;
  scale: 'small' | 'district';
  seed?: number;
  now?: Date;
  reset?: boolean;
  log?: (line: string) => void;
}

export interface DatagenSummary {
  elapsedMs: number;
  rows: Record<string, number>;
  grids: { id: string; path: string }[];
  password: string;
  volunteers: { id: string; phone: string }[] /* a sample ≤ 2000, for signing in */;
  now: Date;
}

export class DatagenError extends Error {}

/** The default "now": today's date at 00:00 UTC, so a day's runs agree and shifts fall before and after the real clock. */
export function startOfToday(clock: Date = new Date()): Date {
  return new Date(Math.floor(clock.getTime() / DAY) * DAY);
}

export const DEFAULT_SEED = 1;

export async function generate(opts: DatagenOptions): Promise<DatagenSummary> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const scale = SCALES[opts.scale];
  if (!scale) throw new DatagenError(`unknown scale ${opts.scale} (small or district)`);
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new DatagenError('the seed must be a non-negative integer');
  const now = opts.now ?? startOfToday();
  if (Number.isNaN(now.getTime())) throw new DatagenError('now must be a valid date');

  if (opts.reset) {
    log('reset: dropping the schema');
    await dropSchema(opts.databaseUrl);
  }
  const applied = await migrate(opts.databaseUrl);
  log(`migrations: ${applied.length ? `${applied.length} applied` : 'up to date'}`);

  const client = new Client({ connectionString: opts.databaseUrl, application_name: 'civicgrid-datagen' });
  await client.connect();
  try {
    const { rows: filled } = await client.query<{ filled: boolean }>('SELECT EXISTS (SELECT 1 FROM region) OR EXISTS (SELECT 1 FROM user_account) AS filled');
    if (filled[0].filled) throw new DatagenError('the database already has regions or people; pass --reset (reset: true) to replace everything in it');

    let t0 = performance.now();
    log(`generating the ${scale.name} district (seed ${seed}, now ${now.toISOString()})`);
    const district = generateDistrict(scale, seed, now.getTime());
    // Every account signs in with the demo password; argon2 runs once, not once per person.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${district.people.length} people, ${district.tasks.length} tasks, ${district.shifts.count} shifts, ${district.claims.count} claims`);

    t0 = performance.now();
    await client.query('BEGIN');
    let rows: Record<string, number>;
    try {
      log('loading (COPY, one transaction)');
      rows = await loadDistrict(client, district, passwordHash, log);
      log('verifying');
      const failures = await verifyDistrict(client, now, log);
      if (failures.length) throw new DatagenError(`the generated district breaks ${failures.length} invariant(s): ${failures.map((f) => `${f.name} (${f.bad} rows)`).join('; ')}; nothing was written`);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    log(`  loaded and verified in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    // VACUUM too: it sets the visibility map (index-only scans) and hint bits now rather than during the first benchmark.
    await client.query(`VACUUM (ANALYZE) ${LOADED_TABLES.join(', ')}`);
    log(`  vacuumed and analysed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const a = district.accounts;
    const who = (i: number) => `${district.people[i].phone} (${district.people[i].name})`;
    log(`accounts: admin ${who(a.admin)}; district official ${who(a.officials[0])}; street officials ${a.officials.slice(1, 4).map((i) => district.people[i].phone).join(', ')}; coordinator ${who(a.coordinator)}; grid leader ${who(a.gridLeader)}; volunteer ${who(a.volunteer)}`);

    const every = Math.max(1, Math.ceil(district.volunteers.length / 2000));
    return {
      elapsedMs: performance.now() - started,
      rows,
      grids: district.grids.map((g) => ({ id: district.regions[g].id, path: district.regions[g].path })),
      password: DEMO_PASSWORD,
      volunteers: district.volunteers.filter((_, k) => k % every === 0).map((v) => ({ id: district.people[v].id, phone: district.people[v].phone })),
      now,
    };
  } finally {
    await client.end();
  }
}
