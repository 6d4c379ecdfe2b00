import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Settings, TokenService } from '@civicgrid/platform';
import { RunningApi, startApi } from '../../src/bootstrap';
import { ensureDatabase } from '@civicgrid/platform';
import { Factories } from './factories';

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; key?: string; [k: string]: unknown } }[];
}

const HOUR = 3_600_000;

/** How far to move the clock so that it reads `hour`:00 in Shanghai (today or tomorrow). */
export function toShanghaiHour(now: number, hour: number): number {
  const local = (now + 8 * HOUR) % (24 * HOUR);
  return (hour * HOUR - local + 24 * HOUR) % (24 * HOUR);
}

/**
 * The real API booted on its own fresh database (migrated by the real migrations),
 * listening on a random loopback port and spoken to over HTTP.
 */
export class TestApi {
  private constructor(
    readonly running: RunningApi,
    readonly db: DataSource,
    readonly make: Factories,
    /** every line the API logged, when started with `captureLog` */
    readonly logLines: string[],
  ) {}

  /**
   * `captureLog` keeps every log line (at `logLevel`, default debug) in `logLines`;
   * `settings` overrides settings for this API only.
   */
  static async start(opts: { demoData?: boolean; captureLog?: boolean; logLevel?: string; settings?: Partial<Settings> } = {}): Promise<TestApi> {
    const server = process.env.CIVICGRID_TEST_PG_URL;
    if (!server) throw new Error('CIVICGRID_TEST_PG_URL is not set: run e2e tests through jest (its globalSetup starts PostgreSQL)');
    const databaseUrl = await ensureDatabase(server, `test_${randomUUID().replace(/-/g, '')}`);
    const logLines: string[] = [];
    const capture = opts.captureLog ? { logDestination: { write: (line: string) => logLines.push(line) }, logLevel: opts.logLevel ?? 'debug' } : {};
    const running = await startApi({
      databaseUrl,
      demoData: opts.demoData ?? false,
      apiPort: 0,
      apiHost: '127.0.0.1',
      env: 'test',
      logLevel: process.env.LOG_LEVEL ?? 'silent',
      // Idle workers look for due jobs every half second, so tests wait less.
      jobsPollSeconds: 0.5,
      ...capture,
      ...opts.settings,
    });
    const db = running.app.get(DataSource);
    return new TestApi(running, db, new Factories(db, running.app.get(TokenService)), logLines);
  }

  /** Waits until every committed event has been delivered to its subscribers (polls; bounded). */
  async eventsSettled(timeoutMs = 20_000): Promise<void> {
    await this.eventually(async () => (await this.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL`))[0].n === 0, timeoutMs);
  }

  /** Polls `check` until it holds (every 50 ms), failing after `timeoutMs`. */
  async eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (await check()) return;
      if (Date.now() > until) throw new Error('timed out waiting for a condition');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Makes queued jobs due now (the queue counts time in the database, which tests cannot move). */
  async runJobsNow(queue: string): Promise<void> {
    await this.sql(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state IN ('created','retry')`, [queue]);
  }

  /** The kinds of every notification row of a person, whatever its cause, oldest first. */
  async notificationKinds(who: { id: string }): Promise<string[]> {
    return (await this.sql<{ kind: string }>(`SELECT kind FROM notification WHERE user_id = $1 ORDER BY seq`, [who.id])).map((n) => n.kind);
  }

  /** The captured log lines parsed, at or above a pino level (30 info, 40 warn, 50 error). */
  logAtLeast(level: number): { level: number; msg?: string; [k: string]: unknown }[] {
    return this.logLines.map((l) => JSON.parse(l)).filter((l) => l.level >= level);
  }

  get url(): string {
    return this.running.url;
  }

  /** A provider of the running app, for tests that drive a service directly. */
  get<T>(token: new (...args: any[]) => T): T {
    return this.running.app.get(token);
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  /** Runs the operation and fails with the errors when there are any. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const r = await this.gql<T>(query, variables, token);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  /** Runs the operation and returns its first error's code (and field), failing if it succeeded. */
  async fails(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ code?: string; field?: string; key?: string; message: string }> {
    const r = await this.gql(query, variables, token);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    const e = r.errors[0];
    return { code: e.extensions?.code, field: e.extensions?.field, key: e.extensions?.key, message: e.message };
  }

  async sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.db.query(query, params);
  }

  /**
   * What is wrong with the points ledger: transfers whose entries are not two summing to
   * zero, accounts whose balance is not the sum of their entries, user or organisation
   * accounts below zero. Empty while the books are sound.
   */
  async ledgerProblems(): Promise<string[]> {
    const [{ present }] = await this.sql<{ present: boolean }>(`SELECT to_regclass('ledger_entry') IS NOT NULL AS present`);
    if (!present) return [];
    const unbalanced = await this.sql<{ id: string }>(
      `SELECT t.id FROM ledger_transfer t LEFT JOIN ledger_entry e ON e.transfer_id = t.id GROUP BY t.id HAVING count(e.id) <> 2 OR coalesce(sum(e.amount), 0) <> 0`,
    );
    const mismatched = await this.sql<{ id: string; balance: number; entries: number }>(
      `SELECT a.id, a.balance, coalesce(sum(e.amount), 0)::int AS entries FROM ledger_account a LEFT JOIN ledger_entry e ON e.account_id = a.id GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`,
    );
    const negative = await this.sql<{ id: string; balance: number }>(`SELECT id, balance FROM ledger_account WHERE coalesce(system_code, '') <> 'ISSUANCE' AND balance - reserved < 0`);
    return [
      ...unbalanced.map((t) => `transfer ${t.id} does not balance`),
      ...mismatched.map((a) => `account ${a.id} holds ${a.balance} but its entries sum to ${a.entries}`),
      ...negative.map((a) => `account ${a.id} is below zero (${a.balance})`),
    ];
  }

  /** Stops the API, after checking the ledger's books: every e2e file ends with them sound. */
  async close(): Promise<void> {
    let problems: string[] = [];
    try {
      problems = await this.ledgerProblems();
    } finally {
      await this.running.close();
    }
    if (problems.length) throw new Error(`the points ledger is out of balance after this file:\n${problems.join('\n')}`);
  }
}
