import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@civicgrid/platform';
import { cpuMs, parentOf, ROOT } from './util';

export type Scale = 'small' | 'district';

/** The database server the run uses: embedded (ours) or DATABASE_URL's. */
export interface Server {
  /** a URL to the server's maintenance database (`postgres`) */
  adminUrl: string;
  /** the postmaster's pid when the server runs on this machine (for /proc), else null */
  postmasterPid: number | null;
  embedded: boolean;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export function withDatabase(url: string, database: string, params: Record<string, string> = {}): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

export async function sql<T extends Record<string, unknown> = Record<string, any>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Starts the embedded PostgreSQL on `dataDir` with pg_stat_statements preloaded (written
 * with ALTER SYSTEM into postgresql.auto.conf, then one restart on the same port the first
 * time), or uses DATABASE_URL's server, which must preload it already.
 */
export async function startServer(opts: { dataDir: string; databaseUrl?: string; log: (line: string) => void }): Promise<Server> {
  if (opts.databaseUrl) {
    const adminUrl = withDatabase(opts.databaseUrl, 'postgres');
    await requirePreloaded(adminUrl);
    await sql(adminUrl, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return { adminUrl, postmasterPid: await localPostmaster(adminUrl), embedded: false, urlFor: (d) => withDatabase(opts.databaseUrl!, d), stop: async () => undefined };
  }
  mkdirSync(dirname(opts.dataDir), { recursive: true });
  // PostgreSQL runs as its own system user and must reach its folder.
  for (let d = dirname(opts.dataDir); d.startsWith(ROOT) && d !== ROOT; d = dirname(d)) chmodSync(d, 0o755);
  const quiet = () => undefined;
  let handle: EmbeddedPostgresHandle = await startEmbeddedPostgres({ dataDir: opts.dataDir, log: quiet });
  const [{ shared_preload_libraries: preload }] = await sql(handle.url, 'SHOW shared_preload_libraries');
  if (!String(preload).split(',').map((s) => s.trim()).includes('pg_stat_statements')) {
    opts.log('preloading pg_stat_statements (one restart of the embedded server)');
    await sql(handle.url, `ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
    const port = handle.port;
    await handle.stop();
    handle = await startEmbeddedPostgres({ dataDir: opts.dataDir, port, log: quiet });
  }
  await requirePreloaded(handle.url);
  await sql(handle.url, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const pid = Number(readFileSync(join(opts.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const h = handle;
  return { adminUrl: h.url, postmasterPid: pid, embedded: true, urlFor: (d) => withDatabase(h.url, d), stop: () => h.stop() };
}

async function requirePreloaded(adminUrl: string): Promise<void> {
  const [{ shared_preload_libraries: preload }] = await sql(adminUrl, 'SHOW shared_preload_libraries');
  if (!String(preload).includes('pg_stat_statements')) {
    throw new Error(`the database server must preload pg_stat_statements (shared_preload_libraries = 'pg_stat_statements', then a restart)`);
  }
}

/** The postmaster of the server a connection lands on, when it runs on this machine. */
async function localPostmaster(adminUrl: string): Promise<number | null> {
  const [{ pid }] = await sql<{ pid: number }>(adminUrl, 'SELECT pg_backend_pid() AS pid');
  const parent = parentOf(pid);
  return parent && cpuMs(parent) !== null && readFileSync(`/proc/${parent}/cmdline`, 'utf8').includes('postgres') ? parent : null;
}

// ---------------------------------------------------------------- data

/** What `tools/datagen/src/index.ts` exports (its documented library API). */
export interface GenerateResult {
  elapsedMs: number;
  rows: Record<string, number>;
  grids: { id: string; path: string }[];
  password: string;
  volunteers: { id: string; phone: string }[];
  now: Date | string;
}
type Generate = (opts: { databaseUrl: string; scale: Scale; seed?: number; now?: Date; reset?: boolean; log?: (line: string) => void }) => Promise<GenerateResult>;

const DATAGEN = join(ROOT, 'tools/datagen/src/index.ts');

/**
 * The district generator, when it is there. Loaded by path at run time: it is optional
 * (before it lands, the run falls back to the demo data) and has no path alias yet.
 */
function generator(): Generate | null {
  if (!existsSync(DATAGEN)) return null;
  const mod = require(DATAGEN) as { generate?: Generate };
  return typeof mod.generate === 'function' ? mod.generate : null;
}

export interface Dataset {
  /** the database holding the generated data, never changed by a run */
  database: string;
  source: 'datagen' | 'demo';
  scale: Scale;
  seed: number;
  generated: Omit<GenerateResult, 'volunteers'> & { volunteers: { id: string; phone: string }[] };
  reused: boolean;
  migrations: string[];
}

function migrationNames(): string[] {
  return readdirSync(join(ROOT, 'apps/api/src/migrations'))
    .filter((f) => /^\d+-.*\.ts$/.test(f))
    .sort();
}

/**
 * Generates the scale's data once into its own database and reuses it while the marker
 * (a file beside the cluster, and its id as the database's comment) says the same scale
 * and seed; `regenerate` forces a new one. Without the generator, the API's demo data
 * (loaded by starting the API once on the empty database) stands in.
 */
export async function ensureDataset(
  server: Server,
  opts: { scale: Scale; seed: number; markerFile: string; regenerate: boolean; log: (line: string) => void; loadDemo: (databaseUrl: string) => Promise<void> },
): Promise<Dataset> {
  const generate = generator();
  const source = generate ? 'datagen' : 'demo';
  const database = `civicgrid_gen_${opts.scale}`;
  const url = server.urlFor(database);
  const marker = existsSync(opts.markerFile) ? (JSON.parse(readFileSync(opts.markerFile, 'utf8')) as Dataset & { id: string }) : null;
  const [db] = await sql<{ comment: string | null }>(server.adminUrl, `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [database]);
  if (!opts.regenerate && marker && db && db.comment === marker.id && marker.source === source && marker.scale === opts.scale && marker.seed === opts.seed) {
    const now = migrationNames();
    if (now.join() !== marker.migrations.join()) {
      opts.log(`note: migrations changed since the data was generated; the API migrates the run's copy (--regenerate to start over)`);
    }
    return { ...marker, reused: true };
  }
  await sql(server.adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await sql(server.adminUrl, `CREATE DATABASE ${database}`);
  let generated: Dataset['generated'];
  if (generate) {
    opts.log(`generating the ${opts.scale} data (seed ${opts.seed}) with tools/datagen`);
    const r = await generate({ databaseUrl: url, scale: opts.scale, seed: opts.seed, reset: true, log: (l) => opts.log(`  datagen: ${l}`) });
    generated = { ...r, now: new Date(r.now).toISOString() };
  } else {
    opts.log('tools/datagen/src/index.ts is not there yet: using the demo data (the API loads it into the empty database)');
    const started = performance.now();
    await opts.loadDemo(url);
    const rows = await sql<{ t: string; n: number }>(
      url,
      `SELECT 'user_account' AS t, count(*)::int AS n FROM user_account UNION ALL SELECT 'shift', count(*)::int FROM shift UNION ALL SELECT 'shift_claim', count(*)::int FROM shift_claim`,
    );
    const grids = await sql<{ id: string; path: string }>(url, `SELECT id, path FROM region WHERE level = 'GRID' ORDER BY path`);
    generated = { elapsedMs: performance.now() - started, rows: Object.fromEntries(rows.map((r) => [r.t, r.n])), grids, password: 'civicgrid-demo', volunteers: [], now: new Date().toISOString() };
  }
  const id = randomUUID();
  await sql(server.adminUrl, `COMMENT ON DATABASE ${database} IS '${id}'`);
  const dataset: Dataset = { database, source, scale: opts.scale, seed: opts.seed, generated, reused: false, migrations: migrationNames() };
  mkdirSync(dirname(opts.markerFile), { recursive: true });
  writeFileSync(opts.markerFile, JSON.stringify({ ...dataset, id }));
  return dataset;
}

/**
 * The run's own copy of the generated database (the write path changes it; the sessions
 * the run makes go there too), dropped at the end. A file copy: fast, and the statistics
 * come along.
 */
export async function copyDatabase(server: Server, from: string, to: string): Promise<string> {
  await sql(server.adminUrl, `DROP DATABASE IF EXISTS ${to} WITH (FORCE)`);
  await sql(server.adminUrl, `CREATE DATABASE ${to} TEMPLATE ${from} STRATEGY FILE_COPY`);
  await sql(server.urlFor(to), 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return server.urlFor(to);
}

export async function dropDatabase(server: Server, name: string): Promise<void> {
  await sql(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Calls per statement (pg_stat_statements) in one database, the benchmark's own reads of it left out. */
export async function statementSnapshot(admin: Client, database: string): Promise<Map<string, { calls: number; query: string }>> {
  const { rows } = await admin.query<{ id: string; calls: string; query: string }>(
    `SELECT s.queryid::text || ':' || s.userid::text || ':' || s.toplevel::text AS id, s.calls::text, s.query
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = $1 AND s.query NOT LIKE '%pg_stat_statements%'`,
    [database],
  );
  return new Map(rows.map((r) => [r.id, { calls: Number(r.calls), query: r.query }]));
}

/** What ran between two snapshots: the total, and the statements by calls. */
export function statementDelta(before: Map<string, { calls: number; query: string }>, after: Map<string, { calls: number; query: string }>): { total: number; top: { calls: number; query: string }[] } {
  const top: { calls: number; query: string }[] = [];
  let total = 0;
  for (const [id, a] of after) {
    const calls = a.calls - (before.get(id)?.calls ?? 0);
    if (calls > 0) {
      total += calls;
      top.push({ calls, query: a.query });
    }
  }
  top.sort((x, y) => y.calls - x.calls);
  return { total, top };
}
