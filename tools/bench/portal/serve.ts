import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stop, tail } from '../api/processes';
import { ROOT, sleep } from '../api/util';

export interface Served {
  child: ChildProcess;
  port: number;
  url: string;
  stop(): Promise<void>;
}

export function viteBin(): string {
  return join(ROOT, 'node_modules/vite/bin/vite.js');
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = (srv.address() as { port: number });
      srv.close(() => resolve(port));
    });
  });
}

function spawnLogged(args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  mkdirSync(join(logFile, '..'), { recursive: true });
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', out, out] });
  closeSync(out);
  return child;
}

async function waitFor(url: string, child: ChildProcess, logFile: string, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) while starting:\n${tail(logFile)}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    if (Date.now() > until) throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
    await sleep(200);
  }
}

/**
 * The built API (dist/api) as `npm start` runs it: its embedded PostgreSQL in a fresh folder
 * of its own, with the demo district loaded on this first start.
 */
export async function startApiOnDemoData(dir: string): Promise<Served> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, API_PORT: String(port), API_HOST: '127.0.0.1', CIVICGRID_DATA_DIR: join(dir, 'postgres'), CIVICGRID_DEMO_DATA: 'true', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const logFile = join(dir, 'api.log');
  const child = spawnLogged([join(ROOT, 'dist/api/apps/api/src/main.js')], ROOT, env, logFile);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/ready`, child, logFile, 'the API', 180_000);
  return { child, port, url, stop: () => stop(child, 30_000) };
}

/** `vite preview` of a built portal, as `npm start` serves it: gzip, and /graphql forwarded to the API. */
export async function startPreview(portalDir: string, dist: string, apiPort: number, logFile: string): Promise<Served> {
  const port = await freePort();
  const env = { ...process.env, API_PORT: String(apiPort), PORTAL_PORT: String(port) };
  const child = spawnLogged([viteBin(), 'preview', '--outDir', dist], portalDir, env, logFile);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, child, logFile, 'vite preview', 60_000);
  return { child, port, url, stop: () => stop(child, 5_000) };
}
