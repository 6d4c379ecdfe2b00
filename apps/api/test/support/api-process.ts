import { ChildProcess, spawn } from 'node:child_process';
import { Client } from 'pg';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@civicgrid/platform';

const ROOT = resolve(__dirname, '../../../..');

/**
 * The API as its own process, on its own embedded PostgreSQL, started the way `npm
 * start` starts it (apps/api/src/main.ts): for tests that kill its database or send it
 * signals. Everything it logs is kept.
 */
export class ApiProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly dataDir: string,
    private readonly base: string,
    private readonly output: { text: string },
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  ) {}

  /**
   * Starts the API. `reuse` starts it on another one's data folder (after that one was
   * killed); `env` overrides settings (e.g. DATABASE_URL for a second replica).
   */
  static async start(env: Record<string, string> = {}, reuse?: { base: string }): Promise<ApiProcess> {
    const base = reuse?.base ?? mkdtempSync(join(tmpdir(), 'civicgrid-api-'));
    chmodSync(base, 0o755); // PostgreSQL runs as its own user and must reach the folder
    const dataDir = join(base, 'postgres');
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', join(ROOT, 'tools/testing/register-ts.cjs'), join(ROOT, 'apps/api/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', API_PORT: String(port), CIVICGRID_DATA_DIR: dataDir, CIVICGRID_DEMO_DATA: 'false', LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { text: '' };
    child.stdout!.on('data', (d) => (output.text += String(d)));
    child.stderr!.on('data', (d) => (output.text += String(d)));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`, dataDir, base, output, exited);
    await api.waitFor(async () => (await fetch(`${api.url}/ready`)).ok, 120_000);
    return api;
  }

  get log(): string {
    return this.output.text;
  }

  /** The folder holding the data, to start another API on it. */
  get folder(): { base: string } {
    return { base: this.base };
  }

  /** The URL of the embedded database (for a second replica, or a test's own look), from its files. */
  databaseUrl(): string {
    const password = readFileSync(join(this.base, 'postgres-password'), 'utf8').trim();
    const port = readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[3].trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/civicgrid`;
  }

  /** One statement on the embedded database, on a connection of its own. */
  async sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl() });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Kills the API process only (its PostgreSQL lives on, orphaned, as after a crash). */
  async crash(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Polls until `check` holds (every 100 ms; failures count as "not yet"). */
  async waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the API exited early:\n${this.log.slice(-3000)}`);
      if (await check().catch(() => false)) return;
      if (Date.now() > until) throw new Error(`timed out:\n${this.log.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The pid in PostgreSQL's lock file: the postmaster now serving the API. */
  postmasterPid(): number | null {
    const file = join(this.dataDir, 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ data?: T; errors?: { extensions?: Record<string, unknown> }[] }> {
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: T; errors?: { extensions?: Record<string, unknown> }[] };
  }

  /** Stops the API (SIGTERM) if it still runs, makes sure no postmaster is left, removes the data (unless `keep`). */
  async stop(opts: { keep?: boolean } = {}): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
      await this.exited;
      clearTimeout(timer);
    }
    if (opts.keep) return;
    const pid = this.postmasterPid();
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(this.base, { recursive: true, force: true });
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
