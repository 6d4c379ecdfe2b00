/**
 * The API benchmark: the shift board read by four systems side by side on the same
 * generated database, then the claim write path. See README.md beside this file.
 *
 *   npm run bench:api -- [--scale small|district] [--rounds 5] [--duration 10] [--warmup 3] [--quick] [--regenerate]
 *
 * Prints tables and writes dist/bench/api-<scale>.json. `--quick` (tiny data, one short
 * round, fewer claims) checks that every system answers the same rows and that the
 * claims settle exactly; it fails on a mismatch, never on a timing.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Limits } from '@civicgrid/contracts';
import { freePort } from '@civicgrid/platform';
import { boardBody, captureStatements, PAGE_SIZE, portalDocument, PORTAL_BOARD, PORTAL_CLAIM, postJson, startCaptureApi } from './capture';
import { copyDatabase, dropDatabase, ensureDataset, Scale, startServer } from './database';
import { apiRows, BoardRows, difference, GRAPHILE_SETUP_SQL, graphileBody, graphileRows } from './graphile';
import { httpDrive, measure, Probe, rawDrive, Window } from './measure';
import { digestRows, PeersData } from './peers-data';
import { buildApi, cleanup, forkTs, message, onCleanup, onExitStopPostmaster, startApi, stop } from './processes';
import { prepare, run } from './replay';
import { fill, learn } from './template';
import { mintSessions, Viewer } from './tokens';
import { burst, createShifts, throughput } from './write-path';
import { fmt, median, memoryMiB, ROOT, seededRandom, shuffle, spread, table } from './util';

// ---------------------------------------------------------------- options

interface Options {
  scale: Scale;
  rounds: number;
  duration: number;
  warmup: number;
  quick: boolean;
  regenerate: boolean;
  seed: number;
  pairs: number;
  connections: number;
  burstClaims: number;
  throughputClaims: number;
  build: boolean;
}

function parseArgs(argv: string[]): Options {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [k, v] = a.slice(2).split('=', 2);
    if (v !== undefined) flags.set(k, v);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags.set(k, argv[++i]);
    else flags.set(k, true);
  }
  const known = ['scale', 'rounds', 'duration', 'warmup', 'quick', 'regenerate', 'seed', 'pairs', 'connections', 'claims', 'throughput-claims', 'no-build'];
  for (const k of flags.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k} (known: ${known.map((x) => `--${x}`).join(' ')})`);
  const quick = flags.get('quick') === true;
  const num = (k: string, d: number) => {
    const v = flags.get(k);
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${k} must be a positive number`);
    return n;
  };
  const scale = (flags.get('scale') ?? (quick ? 'small' : 'district')) as Scale;
  if (scale !== 'small' && scale !== 'district') throw new Error('--scale is small or district');
  return {
    scale,
    quick,
    rounds: Math.max(1, Math.round(num('rounds', quick ? 1 : 5))),
    duration: num('duration', quick ? 1.5 : 10),
    warmup: num('warmup', quick ? 0.5 : 3),
    regenerate: flags.get('regenerate') === true,
    seed: num('seed', 1),
    pairs: Math.round(num('pairs', quick ? 30 : 200)),
    connections: Math.round(num('connections', 50)),
    burstClaims: Math.round(num('claims', quick ? 100 : 1000)),
    throughputClaims: Math.round(num('throughput-claims', quick ? 200 : 5000)),
    build: !quick && flags.get('no-build') !== true,
  };
}

const SYSTEMS = ['a', 'b', 'c', 'd'] as const;
type System = (typeof SYSTEMS)[number];
const LABEL: Record<System, string> = {
  a: '(a) API SQL via pg, no HTTP',
  b: '(b) node:http + pg',
  c: '(c) CivicGrid API',
  d: '(d) PostGraphile 5',
};
/** Pool sizes: the API's default DB_POOL_MAX for the servers; one connection per loop for (a). */
const SERVER_POOL = 20;
const BURST_CAPACITY = 10;

class Mismatch extends Error {}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const log = (line: string) => console.log(line);
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const dist = join(ROOT, 'dist/bench/api');
  const runDir = join(dist, `run-${opts.scale}${opts.quick ? '-quick' : ''}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  log(`# API benchmark — scale ${opts.scale}${opts.quick ? ' (quick: correctness only)' : ''}, ${opts.rounds} round(s) of ${opts.warmup} s warm-up + ${opts.duration} s, ${opts.connections} connections`);

  let build: string | null = null;
  if (opts.build) {
    try {
      build = buildApi(join(dist, 'build'));
      log(`built the API (tsc + tsc-alias) into dist/bench/api/build  [${elapsed()}]`);
    } catch (err) {
      log(`note: the API did not build, so its sources run through register-ts instead:\n${(err as Error).message.slice(0, 1500)}`);
    }
  }
  const how = build ? 'built main.js' : 'sources via register-ts';

  const server = await startServer({ dataDir: join(dist, `pg-${opts.scale}`, 'data'), databaseUrl: process.env.DATABASE_URL || undefined, log });
  const forget = server.embedded && server.postmasterPid ? onExitStopPostmaster(server.postmasterPid) : () => undefined;
  onCleanup(() => server.stop().then(forget));
  log(`PostgreSQL: ${server.embedded ? `embedded (dist/bench/api/pg-${opts.scale})` : 'DATABASE_URL'}, pg_stat_statements preloaded; postmaster ${server.postmasterPid ?? 'not local: no PostgreSQL CPU figures'}  [${elapsed()}]`);

  const jwtSecret = randomBytes(32).toString('base64url');
  const dataset = await ensureDataset(server, {
    scale: opts.scale,
    seed: opts.seed,
    markerFile: join(dist, `pg-${opts.scale}`, 'generated.json'),
    regenerate: opts.regenerate,
    log,
    loadDemo: async (url) => {
      const api = await startApi({ build, databaseUrl: url, jwtSecret, logFile: join(runDir, 'api-demo.log'), env: { CIVICGRID_DEMO_DATA: 'true' } });
      await api.stop();
    },
  });
  log(`data: ${dataset.source} ${dataset.scale}, seed ${dataset.seed}, ${dataset.reused ? 'reused' : `made in ${fmt(dataset.generated.elapsedMs / 1000, 1)} s`}: ${Object.entries(dataset.generated.rows).map(([t, n]) => `${t} ${n}`).join(', ')}  [${elapsed()}]`);

  const runDatabase = 'civicgrid_bench_run';
  const runUrl = await copyDatabase(server, dataset.database, runDatabase);
  onCleanup(() => dropDatabase(server, runDatabase));
  const db = new Client({ connectionString: runUrl, application_name: 'civicgrid-bench' });
  await db.connect();
  onCleanup(() => db.end());
  const admin = new Client({ connectionString: server.adminUrl, application_name: 'civicgrid-bench-probe' });
  await admin.connect();
  onCleanup(() => admin.end());
  const probe: Probe = { admin, database: runDatabase, postmasterPid: server.postmasterPid };
  log(`the run's copy of the data: database ${runDatabase}  [${elapsed()}]`);

  // The measured API and the one that shows its statements start together (migrations,
  // if the data is older than the code, run once under the API's advisory lock).
  const [api, capturer] = await Promise.all([
    startApi({ build, databaseUrl: runUrl, jwtSecret, logFile: join(runDir, 'api.log') }).then((a) => (onCleanup(() => a.stop()), a)),
    startCaptureApi({ build, databaseUrl: runUrl, jwtSecret, logFile: join(runDir, 'api-capture.log') }).then((c) => (onCleanup(() => c.stop()), c)),
  ]);
  log(`(c) the API (${how}, NODE_ENV=production) at ${api.url}, pid ${api.pid}; a second one for the capture, through a wire tap  [${elapsed()}]`);
  // PostGraphile's schema of its own, once the API has migrated (its view depends on the tables).
  await db.query(GRAPHILE_SETUP_SQL);
  const graphilePort = await freePort();
  const graphile = forkTs('graphile-server.ts', [runUrl, String(graphilePort), String(SERVER_POOL)], { JWT_SECRET: jwtSecret, GRAPHILE_SDL: join(runDir, 'graphile-schema.graphql') }, join(runDir, 'graphile.log'));
  onCleanup(() => stop(graphile));
  const graphileReady = message(graphile, 'ready', 300_000);
  graphileReady.catch(() => undefined);

  // ------------------------------------------------------------ people and tokens
  const random = seededRandom(opts.seed * 7919);
  const grids = dataset.generated.grids.length ? dataset.generated.grids.map((g) => g.id) : (await db.query<{ id: string }>(`SELECT id FROM region WHERE level = 'GRID' ORDER BY id`)).rows.map((r) => r.id);
  // Anyone signed in may claim for themselves: residents first, then staff, in an order fixed by the seed.
  const people = (await db.query<{ id: string; phone: string }>(`SELECT id, phone FROM user_account ORDER BY role <> 'RESIDENT', md5(id::text || $1)`, [String(opts.seed)])).rows;
  const sample = dataset.generated.volunteers.length ? dataset.generated.volunteers : people;
  const viewerPeople = shuffle(sample, random).slice(0, opts.pairs);
  const claimerCount = Math.max(opts.burstClaims, opts.throughputClaims);
  const claimerPeople = people.slice(0, claimerCount);
  const [coordinator] = (
    await db.query<{ user_id: string; organization_id: string; region_id: string }>(
      `SELECT m.user_id, m.organization_id, r.id AS region_id
         FROM membership m JOIN organization o ON o.id = m.organization_id
         JOIN region r ON r.level IN ('GRID', 'COMMUNITY') AND (r.id = o.region_id OR r.path LIKE (SELECT path FROM region WHERE id = o.region_id) || '/%')
        WHERE m.status = 'ACTIVE' AND m.role IN ('OWNER', 'ADMIN', 'COORDINATOR') AND o.verified
        ORDER BY (r.id = o.region_id) DESC, m.user_id, r.path LIMIT 1`,
    )
  ).rows;
  if (!coordinator) throw new Error('no coordinator of a verified organisation in the data: the write path needs one');
  await db.query(`DELETE FROM auth_session WHERE user_agent = 'civicgrid-bench'`);
  const ttl = 12 * 3600;
  const minted = await mintSessions(db, jwtSecret, [...new Set([...viewerPeople.map((p) => p.id), ...claimerPeople.map((p) => p.id), coordinator.user_id])], ttl);
  const tokenOf = new Map(minted.map((v) => [v.userId, v]));

  // A few sign in through the API itself, to show that its tokens and the minted ones are alike.
  const signedIn: Viewer[] = [];
  for (const person of viewerPeople.slice(0, 3)) {
    const res = await postJson(
      `${api.url}/graphql`,
      JSON.stringify({ query: `mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }`, variables: { input: { phone: person.phone, password: dataset.generated.password } } }),
    );
    const token = res.json?.data?.login?.accessToken as string | undefined;
    if (token) signedIn.push({ userId: res.json.data.login.user.id, sessionId: '', token, signedIn: true });
    else log(`note: login for ${person.phone.slice(0, 3)}… failed: ${res.text.slice(0, 200)}`);
  }
  const viewers = viewerPeople.map((p) => signedIn.find((s) => s.userId === p.id) ?? tokenOf.get(p.id)!);
  const pairs = viewers.map((viewer) => ({ gridId: grids[Math.floor(random() * grids.length)], viewer }));
  log(`tokens: ${signedIn.length} signed in through login, ${minted.length} minted (auth_session rows + HS256 with the API's secret and claims); ${pairs.length} (grid, viewer) pairs over ${grids.length} grids  [${elapsed()}]`);

  // ------------------------------------------------------------ capture
  const boardDoc = portalDocument(PORTAL_BOARD);
  const captured = await captureStatements(capturer, boardDoc, pairs);
  await capturer.stop();
  const peers: PeersData = { requests: [] };
  let fromRows = 0;
  let constants = 0;
  for (const [i, r] of captured.requests.entries()) {
    const rows = await run(db, r.statements.map(prepare));
    if (i === 0) writeFileSync(join(runDir, 'first-request.json'), JSON.stringify({ statements: r.statements, rows: rows.map((x) => x.slice(0, 3)), response: r.response }, null, 1));
    const learned = learn(r.response, rows);
    if (JSON.stringify(fill(learned.template, rows)) !== JSON.stringify(r.response)) throw new Mismatch(`the template for grid ${r.gridId} does not rebuild the API's answer`);
    fromRows += learned.fromRows;
    constants += learned.constants;
    peers.requests.push({ gridId: r.gridId, userId: r.viewer.userId, statements: r.statements, template: learned.template, digest: digestRows(rows) });
  }
  const peersFile = join(runDir, 'peers.json');
  writeFileSync(peersFile, JSON.stringify(peers));
  const statementCounts = captured.requests.map((r) => r.statements.length);
  const shapes = [...new Set(captured.requests.flatMap((r) => r.statements.map((s) => s.text.replace(/\s+/g, ' ').trim())))];
  log(
    `captured: ${captured.requests.length} requests, ${spread(statementCounts, 0)} statements each (${shapes.length} distinct texts, up to ${captured.maxConnectionsPerRequest} connection(s) per request); (b)'s templates read ${fromRows} values from rows, ${constants} constants  [${elapsed()}]`,
  );
  writeFileSync(join(runDir, 'statements.sql'), shapes.map((s) => `${s};`).join('\n\n') + '\n');

  // ------------------------------------------------------------ the peers
  const raw = forkTs('raw-worker.ts', [peersFile, runUrl, String(opts.connections)], {}, join(runDir, 'raw.log'));
  onCleanup(() => stop(raw));
  const barePort = await freePort();
  const bare = forkTs('bare-server.ts', [peersFile, runUrl, String(barePort), String(SERVER_POOL)], { JWT_SECRET: jwtSecret }, join(runDir, 'bare.log'));
  onCleanup(() => stop(bare));
  await Promise.all([message(raw, 'ready'), message(bare, 'ready'), graphileReady]);
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const graphileUrl = `http://127.0.0.1:${graphilePort}`;
  log(`(a) pid ${raw.pid}, (b) ${bareUrl} pid ${bare.pid}, (d) ${graphileUrl} pid ${graphile.pid}  [${elapsed()}]`);

  // ------------------------------------------------------------ the same rows
  const countCap = (Limits as unknown as Record<string, unknown>).boardCountCap;
  const cap = typeof countCap === 'number' ? countCap : Infinity;
  raw.send({ type: 'check' });
  const { digests } = await message<{ digests: string[] }>(raw, 'checked');
  const problems: string[] = [];
  let shiftsCompared = 0;
  let viewerClaims = 0;
  let movedOn = 0;
  for (const [i, r] of captured.requests.entries()) {
    const where = `grid ${r.gridId}, viewer ${r.viewer.userId}`;
    // (a) and (b) replay the capture (its statements carry the capture's clock), so they must give its rows and its answer exactly.
    if (digests[i] !== peers.requests[i].digest) problems.push(`(a) read other rows than the capture for ${where}`);
    const b = await postJson(`${bareUrl}/graphql`, boardBody(boardDoc, r.gridId), r.viewer.token);
    if (JSON.stringify(b.json) !== JSON.stringify(r.response)) problems.push(`(b) JSON differs from the API's for ${where}: ${b.text.slice(0, 300)}`);
    // (c) and (d) read the board as of now: asked back to back (and once more if a shift ended in between), they must agree.
    let why: string | null = null;
    let apiPage: BoardRows | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const c = await postJson(`${api.url}/graphql`, boardBody(boardDoc, r.gridId), r.viewer.token);
      const d = await postJson(`${graphileUrl}/graphql`, graphileBody(r.gridId, PAGE_SIZE), r.viewer.token);
      if (!c.json?.data?.openShifts || c.json.errors) {
        why = `(c) failed: ${c.text.slice(0, 500)}`;
        continue;
      }
      if (!d.json?.data || d.json.errors) {
        why = `(d) failed: ${d.text.slice(0, 500)}`;
        continue;
      }
      if (attempt === 0 && JSON.stringify(c.json) !== JSON.stringify(r.response)) movedOn++;
      apiPage = apiRows(c.json);
      why = difference(apiPage, graphileRows(d.json), cap);
      if (!why) break;
    }
    if (why) problems.push(`(d) rows differ from the API's for ${where}: ${why}`);
    shiftsCompared += apiPage?.shifts.length ?? 0;
    viewerClaims += apiPage?.shifts.filter((s) => s.viewerClaim).length ?? 0;
  }
  if (problems.length) throw new Mismatch(`the systems do not answer the same rows:\n  ${problems.slice(0, 10).join('\n  ')}${problems.length > 10 ? `\n  … ${problems.length - 10} more` : ''}`);
  const emptyPages = captured.requests.filter((r) => apiRows(r.response).shifts.length === 0).length;
  log(
    `same rows: ${captured.requests.length} requests, ${shiftsCompared} shifts (${viewerClaims} with the viewer's claim, ${emptyPages} empty pages): (a) reads the capture's rows, (b) answers the API's JSON of the capture byte for byte, (d) the API's rows${movedOn ? ` (${movedOn} page(s) had moved on since the capture as shifts ended)` : ''}  [${elapsed()}]`,
  );

  // ------------------------------------------------------------ rounds
  const bodies = captured.requests.map((r) => ({
    api: boardBody(boardDoc, r.gridId),
    graphile: graphileBody(r.gridId, PAGE_SIZE),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${r.viewer.token}` },
  }));
  const pick = () => bodies[Math.floor(Math.random() * bodies.length)];
  const toApi = () => {
    const p = pick();
    return { body: p.api, headers: p.headers };
  };
  const toGraphile = () => {
    const p = pick();
    return { body: p.graphile, headers: p.headers };
  };
  const total = opts.warmup + opts.duration + 5;
  const measureSystem = (s: System): Promise<Window> => {
    switch (s) {
      case 'a':
        return measure(s, raw.pid!, probe, rawDrive(raw), opts.warmup, opts.duration);
      case 'b':
        return measure(s, bare.pid!, probe, httpDrive(bareUrl, opts.connections, total, toApi), opts.warmup, opts.duration);
      case 'c':
        return measure(s, api.pid, probe, httpDrive(api.url, opts.connections, total, toApi), opts.warmup, opts.duration);
      case 'd':
        return measure(s, graphile.pid!, probe, httpDrive(graphileUrl, opts.connections, total, toGraphile), opts.warmup, opts.duration);
    }
  };
  const rounds: { order: System[]; windows: Record<System, Window> }[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const order = r % 2 === 0 ? [...SYSTEMS] : [...SYSTEMS].reverse();
    const windows = {} as Record<System, Window>;
    for (const s of order) windows[s] = await measureSystem(s);
    rounds.push({ order, windows });
    const w = windows;
    log(`round ${r + 1}/${opts.rounds} (${order.join(' ')}): ${SYSTEMS.map((s) => `${s} ${fmt(w[s].rps)} req/s`).join(', ')}  [${elapsed()}]`);
  }

  const last = rounds[rounds.length - 1].windows;
  writeFileSync(
    join(runDir, 'statements-under-load.txt'),
    SYSTEMS.map((s) => `${LABEL[s]}: ${fmt(last[s].statements, 2)} statements per request in the last round's window\n${last[s].topStatements.map((t) => `  ${String(t.calls).padStart(8)}  ${t.query}`).join('\n')}`).join('\n\n') + '\n',
  );

  // ------------------------------------------------------------ write path
  const claimDoc = portalDocument(PORTAL_CLAIM);
  const coordinatorToken = tokenOf.get(coordinator.user_id)!.token;
  const claimers = claimerPeople.map((p) => tokenOf.get(p.id)!);
  const burstClaimers = claimers.slice(0, opts.burstClaims);
  const [burstShift] = await createShifts(api.url, { token: coordinatorToken, organizationId: coordinator.organization_id, regionId: coordinator.region_id }, { count: 1, capacity: BURST_CAPACITY, startDay: 200, title: 'Benchmark: everyone at once' });
  const burstResult = await burst(api.url, api.pid, db, claimDoc, burstShift, burstClaimers, BURST_CAPACITY);
  log(`write: ${burstResult.claims} claims at once on a ${BURST_CAPACITY}-place shift in ${fmt(burstResult.wallMs)} ms: ${JSON.stringify(burstResult.statuses)}  [${elapsed()}]`);
  const throughputClaimers = claimers.slice(0, opts.throughputClaims);
  const throughputShifts = await createShifts(api.url, { token: coordinatorToken, organizationId: coordinator.organization_id, regionId: coordinator.region_id }, { count: throughputClaimers.length, capacity: BURST_CAPACITY, startDay: 202, title: 'Benchmark: one claim each' });
  const throughputResult = await throughput(api.url, api.pid, probe, claimDoc, throughputShifts, throughputClaimers, opts.connections);
  log(`write: ${throughputResult.claims} claims on distinct shifts at ${fmt(throughputResult.claimsPerSecond)} claims/s: ${JSON.stringify(throughputResult.statuses)}  [${elapsed()}]`);
  const apiHwm = memoryMiB(api.pid)?.hwm ?? NaN;

  // ------------------------------------------------------------ report
  const report = summarise(opts, rounds, burstResult, throughputResult, apiHwm);
  console.log('\n' + report.text);
  const result = {
    options: opts,
    when: new Date().toISOString(),
    node: process.version,
    api: { how, logs: runDir },
    data: { source: dataset.source, scale: dataset.scale, seed: dataset.seed, rows: dataset.generated.rows, reused: dataset.reused, grids: grids.length },
    capture: { requests: captured.requests.length, statementsPerRequest: median(statementCounts), distinctStatements: shapes.length, templateValuesFromRows: fromRows, templateConstants: constants },
    equality: { requests: captured.requests.length, shifts: shiftsCompared, viewerClaims, emptyPages },
    rounds,
    summary: report.summary,
    write: { burst: burstResult, throughput: throughputResult },
  };
  const out = join(ROOT, `dist/bench/api-${opts.scale}${opts.quick ? '-quick' : ''}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`\nwrote ${out} (logs and the captured statements in ${runDir})  [${elapsed()}]`);

  const failures = [...(burstResult.ok ? [] : burstResult.problems.map((p) => `claim burst: ${p}`))];
  const windowsWithErrors = rounds.flatMap((r) => SYSTEMS.map((s) => r.windows[s]).filter((w) => w.errors || w.non2xx || w.gqlErrors));
  if (windowsWithErrors.length) failures.push(`errors under load: ${windowsWithErrors.map((w) => `${w.system} ${w.errors}/${w.non2xx}/${w.gqlErrors}`).join(', ')}`);
  if (Object.keys(throughputResult.statuses).some((k) => !['CONFIRMED', 'WAITLISTED'].includes(k))) failures.push(`claims on distinct shifts: ${JSON.stringify(throughputResult.statuses)}`);
  if (failures.length) throw new Mismatch(failures.join('\n'));
}

// ---------------------------------------------------------------- report

function summarise(opts: Options, rounds: { order: System[]; windows: Record<System, Window> }[], b: Awaited<ReturnType<typeof burst>>, t: Awaited<ReturnType<typeof throughput>>, apiHwm: number) {
  const of = (s: System) => rounds.map((r) => r.windows[s]);
  const ratio = (x: System, y: System) => rounds.map((r) => r.windows[x].rps / r.windows[y].rps);
  const lines: string[] = [];
  lines.push(`## Board reads (${opts.scale}): ${opts.rounds} interleaved round(s), ${opts.connections} connections, ${opts.duration} s measured after ${opts.warmup} s warm-up`);
  lines.push('');
  lines.push(
    table(
      ['round', 'order', '(a) req/s', '(b) req/s', '(c) req/s', '(d) req/s', 'c/a', 'b/a', 'd/a', 'c/d', 'b/d'],
      rounds.map((r, i) => [
        String(i + 1),
        r.order.join(' '),
        fmt(r.windows.a.rps),
        fmt(r.windows.b.rps),
        fmt(r.windows.c.rps),
        fmt(r.windows.d.rps),
        fmt(r.windows.c.rps / r.windows.a.rps, 2),
        fmt(r.windows.b.rps / r.windows.a.rps, 2),
        fmt(r.windows.d.rps / r.windows.a.rps, 2),
        fmt(r.windows.c.rps / r.windows.d.rps, 2),
        fmt(r.windows.b.rps / r.windows.d.rps, 2),
      ]),
    ),
  );
  lines.push('');
  lines.push('Medians over the rounds (min–max). CPU per request from /proc (Node: the server process, for (a) its client; PostgreSQL: every process of the cluster); statements per request from pg_stat_statements.');
  lines.push('');
  const summary: Record<string, unknown> = {};
  lines.push(
    table(
      ['system', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'GraphQL errors', 'Node CPU ms/req', 'PG CPU ms/req', 'statements/req', 'RSS peak MiB', 'VmHWM MiB'],
      SYSTEMS.map((s) => {
        const w = of(s);
        const col = (f: (x: Window) => number | null) => w.map(f).filter((x): x is number => x !== null && Number.isFinite(x));
        summary[s] = {
          label: LABEL[s],
          rps: median(col((x) => x.rps)),
          p50: median(col((x) => x.p50)),
          p99: median(col((x) => x.p99)),
          errors: w.reduce((a, x) => a + x.errors, 0),
          non2xx: w.reduce((a, x) => a + x.non2xx, 0),
          gqlErrors: w.reduce((a, x) => a + x.gqlErrors, 0),
          nodeCpuMs: median(col((x) => x.nodeCpuMs)),
          pgCpuMs: median(col((x) => x.pgCpuMs)),
          statements: median(col((x) => x.statements)),
          rssPeakMiB: Math.max(...col((x) => x.rssPeakMiB)),
          hwmMiB: Math.max(...col((x) => x.hwmMiB)),
        };
        return [
          LABEL[s],
          spread(col((x) => x.rps), 0),
          spread(col((x) => x.p50), 1),
          spread(col((x) => x.p99), 1),
          String(w.reduce((a, x) => a + x.errors, 0)),
          String(w.reduce((a, x) => a + x.non2xx, 0)),
          String(w.reduce((a, x) => a + x.gqlErrors, 0)),
          spread(col((x) => x.nodeCpuMs), 3),
          spread(col((x) => x.pgCpuMs), 3),
          spread(col((x) => x.statements), 2),
          fmt(Math.max(...col((x) => x.rssPeakMiB))),
          fmt(Math.max(...col((x) => x.hwmMiB))),
        ];
      }),
    ),
  );
  lines.push('');
  const ratios = { 'c/a': ratio('c', 'a'), 'b/a': ratio('b', 'a'), 'd/a': ratio('d', 'a'), 'c/d': ratio('c', 'd'), 'b/d': ratio('b', 'd') };
  summary.ratios = Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, { median: median(v), min: Math.min(...v), max: Math.max(...v) }]));
  lines.push(
    table(
      ['ratio of req/s', 'median (min–max)'],
      [
        ['full stack to its own SQL (c/a)', spread(ratios['c/a'])],
        ['bare node:http to the API SQL (b/a)', spread(ratios['b/a'])],
        ['PostGraphile to the API SQL (d/a)', spread(ratios['d/a'])],
        ['full stack to PostGraphile (c/d)', spread(ratios['c/d'])],
        ['bare node:http to PostGraphile (b/d)', spread(ratios['b/d'])],
      ],
    ),
  );
  lines.push('');
  lines.push(`## Claims (${opts.scale})`);
  lines.push('');
  lines.push(
    table(
      ['write path', 'figure'],
      [
        [`${b.claims} distinct volunteers claim one ${b.capacity}-place shift at once`, `${fmt(b.wallMs)} ms wall (p50 ${fmt(b.p50)} ms, p99 ${fmt(b.p99)} ms)`],
        ['  answers', Object.entries(b.statuses).map(([k, v]) => `${v} ${k}`).join(', ')],
        ['  in the database (SQL)', `${Object.entries(b.database.byStatus).map(([k, v]) => `${v} ${k}`).join(', ')}; counters confirmed ${b.database.confirmedCount}/${b.database.capacity}, waitlist ${b.database.waitlistCount}`],
        ['  settles exactly', b.ok ? 'yes' : `NO: ${b.problems.join('; ')}`],
        [`${t.claims} claims on distinct shifts, ${t.connections} connections`, `${fmt(t.claimsPerSecond)} claims/s (${fmt(t.seconds, 1)} s, p50 ${fmt(t.p50, 1)} ms, p99 ${fmt(t.p99, 1)} ms)`],
        ['  answers', Object.entries(t.statuses).map(([k, v]) => `${v} ${k}`).join(', ')],
        ['  per claim', `Node CPU ${fmt(t.nodeCpuMs ?? NaN, 3)} ms, PG CPU ${fmt(t.pgCpuMs ?? NaN, 3)} ms, ${fmt(t.statements, 2)} statements`],
        ['API RSS peak (burst / distinct shifts)', `${fmt(b.rssPeakMiB ?? NaN)} / ${fmt(t.rssPeakMiB ?? NaN)} MiB; VmHWM at the end ${fmt(apiHwm)} MiB`],
      ],
    ),
  );
  lines.push('');
  const c = summary.c as { pgCpuMs: number; statements: number; nodeCpuMs: number; p99: number; rssPeakMiB: number };
  const r = summary.ratios as Record<string, { median: number }>;
  const goal = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'NOT met');
  lines.push(`## The goals' figures (${opts.scale})${opts.quick ? ' — quick mode: too short to mean anything' : ''}`);
  lines.push('');
  lines.push(
    table(
      ['figure', 'value', 'goal', ''],
      [
        ['board: PostgreSQL CPU per request', `${fmt(c.pgCpuMs, 3)} ms`, '≤ 1 ms', goal(c.pgCpuMs <= 1)],
        ['board: statements per request', fmt(c.statements, 2), '≤ 4', goal(c.statements <= 4)],
        ['board: full stack to its own SQL (c/a)', fmt(r['c/a'].median, 2), '≥ 0.45', goal(r['c/a'].median >= 0.45)],
        ['board: full stack to PostGraphile (c/d)', fmt(r['c/d'].median, 2), '≥ 1.5', goal(r['c/d'].median >= 1.5)],
        ['board: API Node CPU per request', `${fmt(c.nodeCpuMs, 3)} ms`, '≤ 1 ms', goal(c.nodeCpuMs <= 1)],
        ['board: API p99 under load (context)', `${fmt(c.p99, 1)} ms`, '≤ 50 ms', goal(c.p99 <= 50)],
        [`${b.claims} claims at once on a ${b.capacity}-place shift`, `${fmt(b.wallMs)} ms, ${b.statuses.CONFIRMED ?? 0} CONFIRMED / ${b.statuses.WAITLISTED ?? 0} WAITLISTED`, 'exact, ≤ 500 ms', goal(b.ok && b.wallMs <= 500)],
        ['claims/s on distinct shifts', fmt(t.claimsPerSecond), '≥ 1000', goal(t.claimsPerSecond >= 1000)],
        ['API RSS peak: reads / writes', `${fmt(c.rssPeakMiB)} / ${fmt(Math.max(b.rssPeakMiB ?? 0, t.rssPeakMiB ?? 0))} MiB`, '≤ 250 MiB', goal(Math.max(c.rssPeakMiB, b.rssPeakMiB ?? 0, t.rssPeakMiB ?? 0) <= 250)],
      ],
    ),
  );
  return { text: lines.join('\n'), summary };
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (err: Error) => {
    console.error(`\n${err instanceof Mismatch ? 'MISMATCH' : 'FAILED'}: ${err instanceof Mismatch ? err.message : (err.stack ?? err.message)}`);
    await cleanup();
    process.exit(1);
  });
