import { Agent, request } from 'node:http';
import type { Client } from 'pg';
import { statementDelta, statementSnapshot } from './database';
import { latencySummary } from './peers-data';
import type { Probe } from './measure';
import type { Viewer } from './tokens';
import { clusterCpuMs, cpuMs, rssSampler } from './util';

const DAY = 86_400_000;

interface Answer {
  status: number;
  body: string;
  ms: number;
  /** when the answer was complete (performance.now()) */
  at: number;
}

function post(agent: Agent, url: URL, path: string, body: string, token?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const at = performance.now();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: at - started, at });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function get(agent: Agent, url: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `CONFIRMED`, `WAITLISTED`… or the error code. */
function outcome(a: Answer): string {
  if (a.status !== 200) return `HTTP ${a.status}`;
  try {
    const json = JSON.parse(a.body) as { data?: { claimShift?: { status: string } }; errors?: { extensions?: { code?: string }; message?: string }[] };
    if (json.errors?.length) return String(json.errors[0].extensions?.code ?? json.errors[0].message);
    return json.data?.claimShift?.status ?? 'no status';
  } catch {
    return 'unreadable';
  }
}

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((acc, x) => ((acc[x] = (acc[x] ?? 0) + 1), acc), {});

async function gql(api: string, token: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const json = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: unknown }[] };
  if (json.errors?.length) throw new Error(`${query.trim().split('\n')[0]}: ${JSON.stringify(json.errors[0])}`);
  return json.data;
}

const CREATE_TASK = `mutation BenchCreateTask($input: CreateTaskInput!) { createTask(input: $input) { id shifts { id } } }`;
const PUBLISH_TASK = `mutation BenchPublishTask($id: ID!) { publishTask(id: $id) { id status } }`;

/**
 * Tasks made through the API, as a coordinator of an organisation would: `count` shifts
 * of `capacity` places, far enough ahead that nobody's claims overlap them, published.
 */
export async function createShifts(api: string, coordinator: { token: string; organizationId: string; regionId: string }, opts: { count: number; capacity: number; startDay: number; title: string }): Promise<string[]> {
  const ids: string[] = [];
  const base = Math.floor(Date.now() / DAY) * DAY + opts.startDay * DAY + 1 * 3_600_000; // 01:00 UTC = 09:00 in Shanghai
  for (let made = 0, task = 0; made < opts.count; task++) {
    const n = Math.min(100, opts.count - made);
    const shifts = Array.from({ length: n }, (_, i) => {
      const start = base + (made + i) * 60_000;
      return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString(), capacity: opts.capacity };
    });
    const created = await gql(api, coordinator.token, CREATE_TASK, {
      input: { organizationId: coordinator.organizationId, regionId: coordinator.regionId, title: `${opts.title} ${task + 1}`, category: 'COMMUNITY_SERVICE', requiresApproval: false, shifts },
    });
    await gql(api, coordinator.token, PUBLISH_TASK, { id: created.createTask.id });
    ids.push(...created.createTask.shifts.map((s: { id: string }) => s.id));
    made += n;
  }
  return ids;
}

export interface Burst {
  claims: number;
  capacity: number;
  wallMs: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** what the database holds afterwards */
  database: { byStatus: Record<string, number>; capacity: number; confirmedCount: number; waitlistCount: number };
  ok: boolean;
  problems: string[];
  rssPeakMiB: number | null;
}

/**
 * Everyone at once on one shift: every claimer's connection is opened first (a GET of
 * /ready on each), then every claim is written in one go; the wall time runs from the
 * first send to the last answer. Afterwards the shift must hold exactly `capacity`
 * CONFIRMED claims and the rest WAITLISTED, and its counters must say so.
 */
export async function burst(apiUrl: string, apiPid: number, db: Client, document: string, shiftId: string, claimers: Viewer[], capacity: number): Promise<Burst> {
  const url = new URL(apiUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: claimers.length, maxFreeSockets: claimers.length, keepAliveMsecs: 60_000 });
  await Promise.all(claimers.map(() => get(agent, url, '/ready')));
  const bodies = claimers.map(() => JSON.stringify({ operationName: 'ClaimShift', query: document, variables: { input: { shiftId } } }));
  const rss = rssSampler(apiPid, 50);
  const started = performance.now();
  const answers = await Promise.all(claimers.map((c, i) => post(agent, url, '/graphql', bodies[i], c.token)));
  const wallMs = Math.max(...answers.map((a) => a.at)) - started;
  const memory = rss.stop();
  agent.destroy();
  const statuses = tally(answers.map(outcome));
  const { rows: byStatus } = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM shift_claim WHERE shift_id = $1 GROUP BY status`, [shiftId]);
  const [shift] = (await db.query<{ capacity: number; confirmed_count: number; waitlist_count: number }>(`SELECT capacity, confirmed_count, waitlist_count FROM shift WHERE id = $1`, [shiftId])).rows;
  const held = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
  const waitlisted = claimers.length - capacity;
  const problems: string[] = [];
  if ((statuses.CONFIRMED ?? 0) !== capacity || (statuses.WAITLISTED ?? 0) !== waitlisted) problems.push(`answers ${JSON.stringify(statuses)}, expected ${capacity} CONFIRMED and ${waitlisted} WAITLISTED`);
  if ((held.CONFIRMED ?? 0) !== capacity || (held.WAITLISTED ?? 0) !== waitlisted || Object.keys(held).length !== 2) problems.push(`shift_claim holds ${JSON.stringify(held)}`);
  if (shift.confirmed_count !== capacity || shift.waitlist_count !== waitlisted) problems.push(`shift counters confirmed_count=${shift.confirmed_count} waitlist_count=${shift.waitlist_count}`);
  const { p50, p99 } = latencySummary(answers.map((a) => a.ms));
  return {
    claims: claimers.length,
    capacity,
    wallMs,
    p50,
    p99,
    statuses,
    database: { byStatus: held, capacity: shift.capacity, confirmedCount: shift.confirmed_count, waitlistCount: shift.waitlist_count },
    ok: problems.length === 0,
    problems,
    rssPeakMiB: memory.peakMiB,
  };
}

export interface Throughput {
  claims: number;
  connections: number;
  seconds: number;
  claimsPerSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  nodeCpuMs: number | null;
  pgCpuMs: number | null;
  statements: number;
  rssPeakMiB: number | null;
  hwmMiB: number | null;
}

/** Distinct volunteers each claiming a distinct shift, `connections` at a time, until all have claimed. */
export async function throughput(apiUrl: string, apiPid: number, probe: Probe, document: string, shiftIds: string[], claimers: Viewer[], connections: number): Promise<Throughput> {
  const url = new URL(apiUrl);
  const n = Math.min(shiftIds.length, claimers.length);
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  await Promise.all(Array.from({ length: connections }, () => get(agent, url, '/ready')));
  const bodies = shiftIds.slice(0, n).map((shiftId) => JSON.stringify({ operationName: 'ClaimShift', query: document, variables: { input: { shiftId } } }));
  const answers: Answer[] = [];
  let next = 0;
  const cpu0 = cpuMs(apiPid);
  const pg0 = probe.postmasterPid ? clusterCpuMs(probe.postmasterPid) : null;
  const calls0 = await statementSnapshot(probe.admin, probe.database);
  const rss = rssSampler(apiPid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < n) {
        const i = next++;
        answers.push(await post(agent, url, '/graphql', bodies[i], claimers[i].token));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = cpuMs(apiPid);
  const pg1 = probe.postmasterPid ? clusterCpuMs(probe.postmasterPid) : null;
  const calls1 = await statementSnapshot(probe.admin, probe.database);
  const memory = rss.stop();
  agent.destroy();
  const { p50, p99 } = latencySummary(answers.map((a) => a.ms));
  return {
    claims: n,
    connections,
    seconds,
    claimsPerSecond: n / seconds,
    p50,
    p99,
    statuses: tally(answers.map(outcome)),
    nodeCpuMs: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / n : null,
    pgCpuMs: pg0 !== null && pg1 !== null ? (pg1 - pg0) / n : null,
    statements: statementDelta(calls0, calls1).total / n,
    rssPeakMiB: memory.peakMiB,
    hwmMiB: memory.hwmMiB,
  };
}
