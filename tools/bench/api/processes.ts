import { ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@civicgrid/platform';
import { ROOT, sleep } from './util';

/** Every child the benchmark started, so that a failure or ^C leaves none behind. */
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;

export function onCleanup(fn: () => Promise<void>): void {
  cleanups.unshift(fn);
}

export function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
    for (const child of children) stopChild(child);
    for (const fn of cleanups) await fn().catch((err) => console.error(`cleanup: ${(err as Error).message}`));
  })());
}

const postmasters = new Set<number>();

/** A PostgreSQL the benchmark started: shut down (fast) on exit if cleanup() could not. */
export function onExitStopPostmaster(pid: number): () => void {
  postmasters.add(pid);
  return () => postmasters.delete(pid);
}

/** Last resort on exit: children get SIGKILL, a postmaster still up SIGINT (cleanup() asks nicely first). */
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of postmasters) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      /* already stopped */
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`${signal}: stopping the benchmark's processes`);
    void cleanup().finally(() => process.exit(130));
  });
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}

export async function stop(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

const TS = ['-r', join(ROOT, 'tools/testing/register-ts.cjs')];
const TS_ENV = { TS_NODE_PROJECT: join(ROOT, 'tools/bench/tsconfig.json') };

/** A TypeScript module of the benchmark as a child process with an IPC channel. */
export function forkTs(module: string, args: string[], env: Record<string, string> = {}, logFile?: string): ChildProcess {
  const out = logFile ? openSync(logFile, 'w') : 'inherit';
  const child = fork(join(__dirname, module), args, {
    cwd: ROOT,
    execArgv: TS,
    env: { ...process.env, ...TS_ENV, ...env },
    stdio: ['ignore', out, out, 'ipc'],
  });
  if (typeof out === 'number') closeSync(out);
  return track(child);
}

/** Waits for a child's first message of a type (its "ready"), failing if it exits first. */
export function message<T>(child: ChildProcess, type: string, timeoutMs = 120_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no "${type}" from the child within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: { type?: string; error?: string }) => {
      if (m?.type === type) done(undefined, m as T);
      else if (m?.type === 'error') done(new Error(m.error));
    };
    const onExit = (code: number | null) => done(new Error(`the child exited (${code}) before "${type}"`));
    const done = (err?: Error, value?: T) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export interface ApiProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * The API as its own process, started the way production starts it: the built
 * `main.js` (or, with `build: null`, its sources through register-ts), NODE_ENV=production,
 * on the given database. Its log goes to a file.
 */
export async function startApi(opts: { build: string | null; databaseUrl: string; jwtSecret: string; logFile: string; env?: Record<string, string> }): Promise<ApiProcess> {
  const port = await freePort();
  mkdirSync(join(opts.logFile, '..'), { recursive: true });
  const out = openSync(opts.logFile, 'w');
  const args = opts.build ? [join(opts.build, 'apps/api/src/main.js')] : [...TS, join(ROOT, 'apps/api/src/main.ts')];
  const child = track(
    spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: opts.databaseUrl,
        JWT_SECRET: opts.jwtSecret,
        JWT_TTL: '12h',
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        CIVICGRID_DEMO_DATA: 'false',
        CIVICGRID_DATA_DIR: join(opts.logFile, '..', 'api-data'),
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        ...(opts.build ? {} : { TS_NODE_PROJECT: join(ROOT, 'tools/testing/tsconfig.json') }),
        ...opts.env,
      },
      stdio: ['ignore', out, out],
    }),
  );
  closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) while starting:\n${tail(opts.logFile)}`);
    if (await fetch(`${url}/ready`).then((r) => r.ok, () => false)) break;
    if (Date.now() > until) throw new Error(`the API did not become ready:\n${tail(opts.logFile)}`);
    await sleep(100);
  }
  return { child, pid: child.pid!, url, logFile: opts.logFile, stop: () => stop(child) };
}

export function tail(file: string, chars = 3000): string {
  try {
    return readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '';
  }
}

/**
 * Builds the API the way `npm run build -w @civicgrid/api` does (tsc, then tsc-alias for
 * the path aliases), into the benchmark's own folder so that it never overwrites
 * dist/api. Returns the folder.
 */
export function buildApi(outDir: string): string {
  const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${(r.stdout + r.stderr).slice(-3000)}`);
  };
  run(bin('tsc'), ['-p', 'apps/api/tsconfig.app.json', '--outDir', outDir]);
  run(bin('tsc-alias'), ['-p', 'apps/api/tsconfig.alias.json', '--outDir', outDir]);
  return outDir;
}
