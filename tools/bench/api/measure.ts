import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import type { Client } from 'pg';
import { statementDelta, statementSnapshot } from './database';
import { latencySummary } from './peers-data';
import { message } from './processes';
import { clusterCpuMs, cpuMs, rssSampler, sleep } from './util';

/** What one system did in one measured window. */
export interface Window {
  system: string;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** transport errors and timeouts */
  errors: number;
  non2xx: number;
  /** 200 answers carrying GraphQL errors */
  gqlErrors: number;
  /** CPU of the server (or, for (a), the client) process per request, ms */
  nodeCpuMs: number | null;
  /** CPU of every PostgreSQL process per request, ms */
  pgCpuMs: number | null;
  statements: number;
  /** the statements that ran in the window, most called first (at most 12) */
  topStatements: { calls: number; query: string }[];
  rssPeakMiB: number | null;
  hwmMiB: number | null;
}

export interface Probe {
  admin: Client;
  database: string;
  postmasterPid: number | null;
}

interface DriveStats {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  gqlErrors: number;
}

/** Starts load, marks the start of the measured window, ends the window (reporting what happened inside it), stops the load. */
interface Drive {
  start(): Promise<void>;
  mark(): Promise<void>;
  end(): Promise<DriveStats>;
  finish(): Promise<void>;
}

/**
 * One warm-up and one measured window of one run of load: the load starts, runs
 * `warmupS`, then counters (CPU from /proc, statements from pg_stat_statements, RSS) are
 * read and the load's own counts reset, and after `durationS` read again. Only the
 * window counts.
 */
export async function measure(system: string, pid: number | null, probe: Probe, drive: Drive, warmupS: number, durationS: number): Promise<Window> {
  await drive.start();
  await sleep(warmupS * 1000);
  const cpu0 = pid ? cpuMs(pid) : null;
  const pg0 = probe.postmasterPid ? clusterCpuMs(probe.postmasterPid) : null;
  const calls0 = await statementSnapshot(probe.admin, probe.database);
  const rss = pid ? rssSampler(pid) : null;
  await drive.mark();
  const t0 = performance.now();
  await sleep(durationS * 1000);
  const stats = await drive.end();
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = pid ? cpuMs(pid) : null;
  const pg1 = probe.postmasterPid ? clusterCpuMs(probe.postmasterPid) : null;
  const calls1 = await statementSnapshot(probe.admin, probe.database);
  const memory = rss?.stop();
  await drive.finish();
  const n = Math.max(1, stats.requests);
  const statements = statementDelta(calls0, calls1);
  return {
    system,
    seconds,
    ...stats,
    rps: stats.requests / seconds,
    nodeCpuMs: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / n : null,
    pgCpuMs: pg0 !== null && pg1 !== null ? (pg1 - pg0) / n : null,
    statements: statements.total / n,
    topStatements: statements.top.slice(0, 12).map((t) => ({ calls: t.calls, query: t.query.replace(/\s+/g, ' ').slice(0, 300) })),
    rssPeakMiB: memory?.peakMiB ?? null,
    hwmMiB: memory?.hwmMiB ?? null,
  };
}

/**
 * autocannon against an HTTP server: `connections` keep-alive connections, each request
 * made by `next()` (a random grid and viewer). Counts come from autocannon's per-response
 * events, so that only responses inside the window count.
 */
export function httpDrive(url: string, connections: number, totalSeconds: number, next: () => { body: string; headers: Record<string, string> }): Drive {
  let instance: autocannon.Instance | undefined;
  let finished: Promise<void> = Promise.resolve();
  let inWindow = false;
  let latencies: number[] = [];
  let counts = { errors: 0, non2xx: 0, gqlErrors: 0 };
  return {
    async start() {
      let done!: () => void;
      finished = new Promise<void>((r) => (done = r));
      instance = autocannon(
        {
          url,
          connections,
          duration: totalSeconds,
          timeout: 30,
          requests: [
            {
              method: 'POST',
              path: '/graphql',
              setupRequest: (req) => {
                const r = next();
                return { ...req, body: r.body, headers: r.headers };
              },
              onResponse: (status, body) => {
                if (inWindow && status === 200 && body.includes('"errors"')) counts.gqlErrors++;
              },
            },
          ],
        },
        () => done(),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (!inWindow) return;
        latencies.push(responseTime);
        if (statusCode < 200 || statusCode >= 300) counts.non2xx++;
      });
      instance.on('reqError', () => inWindow && counts.errors++);
    },
    async mark() {
      latencies = [];
      counts = { errors: 0, non2xx: 0, gqlErrors: 0 };
      inWindow = true;
    },
    async end() {
      inWindow = false;
      const { p50, p99 } = latencySummary(latencies);
      return { requests: latencies.length, p50, p99, ...counts };
    },
    async finish() {
      instance?.stop();
      await finished;
    },
  };
}

/** Peer (a): the raw replay in its own process (raw-worker.ts), driven over IPC. */
export function rawDrive(worker: ChildProcess): Drive {
  return {
    async start() {
      worker.send({ type: 'start' });
      await message(worker, 'started');
    },
    async mark() {
      worker.send({ type: 'mark' });
      await message(worker, 'marked');
    },
    async end() {
      worker.send({ type: 'stop' });
      const s = await message<{ requests: number; errors: number; p50: number; p99: number; firstError?: string }>(worker, 'stats');
      if (s.firstError) console.error(`  (a) error: ${s.firstError}`);
      return { requests: s.requests, p50: s.p50, p99: s.p99, errors: s.errors, non2xx: 0, gqlErrors: 0 };
    },
    async finish() {},
  };
}
