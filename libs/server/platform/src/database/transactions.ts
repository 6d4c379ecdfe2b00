import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';

/** Postgres says "try again": serialization failure or deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 4;

/**
 * Runs service work in one transaction carried by the request context, so nested service
 * calls join it instead of opening their own.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  /** The manager to read and write with: the open transaction's, else the pool's. */
  manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  async run<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.transaction) return work(ctx);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((em) => work(ctx.withTransaction(inTurn(em))));
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
      }
    }
  }
}

const turns = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `fn` on the transaction's connection after every statement sent before it has
 * finished. Services fan out (`Promise.all` over loaders and limiters) inside a
 * transaction too, but one connection takes one statement at a time: pg queues them
 * today and will refuse them in its next major.
 */
export function queueOnConnection<T>(connection: object, fn: () => Promise<T>): Promise<T> {
  const run = (turns.get(connection) ?? Promise.resolve()).then(fn);
  turns.set(connection, run.catch(() => undefined));
  return run;
}

/** The transaction's manager, its statements queued one after another (see queueOnConnection). */
function inTurn(em: EntityManager): EntityManager {
  const runner = em.queryRunner;
  if (!runner) return em;
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((...args: unknown[]) => queueOnConnection(runner, () => query(...args))) as typeof runner.query;
  return em;
}

/**
 * The rows of an `UPDATE … RETURNING` or `DELETE … RETURNING` sent through TypeORM's
 * `query()`, which answers those two with `[rows, rowCount]` (and others with the rows).
 */
export async function returning<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await em.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
