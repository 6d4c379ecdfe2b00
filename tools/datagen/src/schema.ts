/** The schema the generator fills: the API's own migrations, run the way the API runs them. */
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** The API's migration lock (database.module.ts): an API starting meanwhile waits instead of migrating alongside. */
const MIGRATION_LOCK = 7_240_001;
const ROOT = join(__dirname, '../../..');

/**
 * The API's timeline of migrations (apps/api/src/migrations/index.ts). The API is the
 * composition root, which nothing imports (it has no path alias); its migrations are
 * loaded by file at run time, the way TypeORM's CLI loads a data source, so this tool
 * stays below the benchmarks that import it.
 */
function apiMigrations(): MigrationClass[] {
  const { MIGRATIONS } = require(join(ROOT, 'apps/api/src/migrations/index.ts')) as { MIGRATIONS: MigrationClass[] };
  return MIGRATIONS;
}

/** Runs pending migrations with a DataSource set up as the API's (same table of applied migrations, same lock). Returns their names. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: apiMigrations(),
    migrationsTableName: 'schema_migration',
    synchronize: false,
    logging: ['error'],
    applicationName: 'civicgrid-datagen',
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}

/** Drops everything the API keeps in the database (its tables, and pg-boss's queue), so migrations start from nothing. */
export async function dropSchema(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

