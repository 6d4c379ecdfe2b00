import type { Logger as TypeOrmLogger } from 'typeorm';

interface Sink {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Counts statements so tests can catch N+1 queries (compare counts, never times), and
 * sends TypeORM's messages to the structured log.
 */
const perConnection = new WeakMap<object, number>();
export const statementCounter = {
  count: 0,
  /** Counts one statement, and it against its connection (a transaction's query runner) when known. */
  add(runner?: object | null): void {
    this.count++;
    if (runner) perConnection.set(runner, (perConnection.get(runner) ?? 0) + 1);
  },
  /** Statements sent on one connection: what a transaction did, whatever runs beside it (jobs, event delivery). */
  on(runner: object | null | undefined): number {
    return runner ? (perConnection.get(runner) ?? 0) : 0;
  },
};

export class DbLogger implements TypeOrmLogger {
  constructor(private readonly sink: Sink) {}

  logQuery(query: string, _parameters?: unknown[], queryRunner?: object): void {
    statementCounter.add(queryRunner);
    this.sink.debug({ query }, 'sql');
  }

  // Errors by code and constraint only: Postgres' message and detail, like the
  // statement's parameters, quote the values themselves (phones, hashes).
  logQueryError(error: string | Error, query: string): void {
    // Constraint violations are expected (they are how races are refused); log them quietly.
    const e = (typeof error === 'object' ? error : {}) as { code?: string; constraint?: string };
    const target = e.code && /^(23|40)/.test(e.code) ? 'debug' : 'warn';
    this.sink[target]({ code: e.code, constraint: e.constraint, query }, 'sql error');
  }

  logQuerySlow(time: number, query: string): void {
    this.sink.warn({ time, query }, 'slow sql');
  }
  logSchemaBuild(message: string): void {
    this.sink.debug({}, message);
  }
  logMigration(message: string): void {
    this.sink.info({}, message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink.warn({}, String(message));
    else this.sink.debug({}, String(message));
  }
}
