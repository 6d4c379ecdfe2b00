/**
 * Loading the district in one transaction: on any failure nothing is left behind.
 *
 * Row by row, the database would do three things that make millions of rows slow: run
 * the counting triggers (one UPDATE of a shift per claim), check every foreign key (a
 * locking lookup per reference) and keep every index up to date over millions of random
 * inserts. So, inside the transaction, the counting triggers are disabled (the generator
 * computes the counts, verify.ts checks them), and the loaded tables' indexes and
 * foreign keys are dropped (and the keys of the two largest). Afterwards each is made again from its own catalog
 * definition, which makes the database itself validate every row against it (a unique
 * index refuses a duplicate, a foreign key a dangling reference). CHECK constraints stay
 * in place throughout, and every other trigger fires as usual (the shift board's copy of
 * its task's region, for one).
 */
import type { ClientBase } from 'pg';
import { copyBinaryInto, copyInto } from './copy';
import type { District } from './district';
import { TABLES } from './rows';

export const LOADED_TABLES = TABLES.map((t) => t.table);

/**
 * Tables whose primary key and unique constraints are rebuilt after the load too, not
 * only their other indexes: the two with millions of rows, which no trigger reads while
 * the load runs. The others keep their keys, since triggers look rows up by them (the
 * shift board's fill reads each new shift's task by id).
 */
const KEYS_REBUILT = ['shift_claim', 'service_record'];

/** Triggers whose work the generator does itself (district.ts counts as it makes claims and supporters). */
const COMPUTED_BY_GENERATOR = [
  { table: 'shift_claim', trigger: 'shift_claim_counts' },
  { table: 'need_support', trigger: 'need_support_count' },
];

interface Constraint {
  table: string;
  name: string;
  def: string;
}
interface Suspended {
  /** primary keys and unique constraints of KEYS_REBUILT */
  keys: Constraint[];
  /** their other indexes (CREATE INDEX statements) */
  indexes: { name: string; def: string }[];
  /** foreign keys from or to the loaded tables */
  foreignKeys: Constraint[];
}

/** Drops the loaded tables' indexes and foreign keys (and foreign keys to them), and the keys of KEYS_REBUILT; returns their definitions. */
async function suspendConstraints(client: ClientBase, tables: string[]): Promise<Suspended> {
  const constraints = async (kinds: string[]) =>
    (
      await client.query<Constraint>(
        `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
           FROM pg_constraint c
          WHERE c.contype::text = ANY($2) AND (c.conrelid::regclass::text = ANY($1) OR (c.contype = 'f' AND c.confrelid::regclass::text = ANY($1)))
          ORDER BY 1, 2`,
        [tables, kinds],
      )
    ).rows;
  const foreignKeys = await constraints(['f']);
  const keys = (await constraints(['p', 'u'])).filter((k) => KEYS_REBUILT.includes(k.table));
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  const drop = (c: Constraint) => client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${client.escapeIdentifier(c.name)}`);
  for (const fk of foreignKeys) await drop(fk);
  for (const key of keys) await drop(key);
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
  return { keys, indexes, foreignKeys };
}

async function restoreConstraints(client: ClientBase, s: Suspended, log: (line: string) => void): Promise<void> {
  const add = (c: Constraint) => client.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${client.escapeIdentifier(c.name)} ${c.def}`);
  let t0 = performance.now();
  for (const key of s.keys) await add(key);
  for (const ix of s.indexes) await client.query(ix.def);
  log(`  ${s.keys.length} keys and ${s.indexes.length} indexes rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  for (const fk of s.foreignKeys) await add(fk);
  log(`  ${s.foreignKeys.length} foreign keys re-added and validated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * COPYs every table of the district, inside the caller's open transaction, and restores
 * the constraints. Returns the rows written per table.
 */
export async function loadDistrict(client: ClientBase, d: District, passwordHash: string, log: (line: string) => void): Promise<Record<string, number>> {
  // Sorting for index builds in memory rather than on disk.
  await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  await client.query(`SET LOCAL synchronous_commit = off`);
  for (const { table, trigger } of COMPUTED_BY_GENERATOR) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
  const suspended = await suspendConstraints(client, LOADED_TABLES);

  const rows: Record<string, number> = {};
  for (const t of TABLES) {
    const t0 = performance.now();
    rows[t.table] = t.format === 'binary' ? await copyBinaryInto(client, t.table, t.columns, t.rows(d)) : await copyInto(client, t.table, t.columns, t.rows(d, passwordHash));
    const s = (performance.now() - t0) / 1000;
    log(`  ${t.table.padEnd(16)} ${String(rows[t.table]).padStart(9)} rows  ${s.toFixed(1).padStart(5)} s`);
  }

  await restoreConstraints(client, suspended, log);
  for (const { table, trigger } of COMPUTED_BY_GENERATOR) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
  return rows;
}
