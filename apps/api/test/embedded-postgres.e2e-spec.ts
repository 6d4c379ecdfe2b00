import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'tools/testing/embedded-postgres-cli.ts');

function run(mode: string, dir: string): { child: ChildProcess; output: Promise<string>; line: (re: RegExp) => Promise<string> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CLI, mode, dir], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tools/testing/tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  child.stdout!.on('data', (d) => {
    out += String(d);
    for (const w of [...waiters]) {
      const m = out.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m[0]);
      }
    }
  });
  child.stderr!.on('data', (d) => (out += String(d)));
  const output = new Promise<string>((res) => child.on('exit', () => res(out)));
  return { child, output, line: (re) => new Promise((res) => waiters.push({ re, resolve: res })) };
}

function postmasterRunning(dataDir: string): boolean {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded PostgreSQL lifecycle', () => {
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'civicgrid-embedded-'));
    chmodSync(base, 0o755);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('should recover when the process that owned the cluster was killed, keep the data, and stop cleanly', async () => {
    const dataDir = join(base, 'postgres');
    const first = run('start-and-wait', dataDir);
    await first.line(/ready \d+/);
    first.child.kill('SIGKILL'); // the postmaster survives as an orphan holding the lock
    await first.output;
    expect(postmasterRunning(dataDir)).toBe(true);

    const second = run('start-and-stop', dataDir);
    const out = await second.output;
    expect(out).toContain('kept true');
    expect(out).toContain('stopped');
    expect(second.child.exitCode).toBe(0);
    expect(postmasterRunning(dataDir)).toBe(false);
  }, 90_000);

  it('should start over a stale lock file whose process is gone', async () => {
    const dataDir = join(base, 'postgres');
    writeFileSync(join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n`);
    const again = run('start-and-stop', dataDir);
    const out = await again.output;
    expect(out).toContain('kept true');
    expect(again.child.exitCode).toBe(0);
  }, 90_000);
});
