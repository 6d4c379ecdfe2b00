import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';
import { statementCounter } from './db-logger';
import { queueOnConnection } from './transactions';

const names = new Map<string, string>();

/** A stable name per statement text: Postgres keeps one plan per name and connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `cg_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a hot statement as a named prepared statement, straight on the pool's (or the open
 * transaction's) pg connection: Postgres parses and plans it once per connection instead
 * of on every request, and TypeORM's per-query work is skipped. Statements are counted
 * like TypeORM's, so the tests that catch N+1 queries see them.
 */
export async function preparedQuery<T extends QueryResultRow>(em: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = em.queryRunner;
  statementCounter.add(runner);
  const query = { name: nameOf(text), text, values };
  if (runner) {
    const client = (await runner.connect()) as PoolClient;
    return queueOnConnection(runner, async () => (await client.query<T>(query)).rows);
  }
  const pool = (em.connection.driver as unknown as { master: Pool }).master;
  return (await pool.query<T>(query)).rows;
}
