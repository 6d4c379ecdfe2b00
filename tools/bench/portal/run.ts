/**
 * The portal benchmark: Lighthouse (mobile preset) on the signed-out shift board, the
 * JavaScript that page loads, and the requests of the signed-in board, for this build and
 * for a baseline build side by side. See README.md beside this file.
 *
 *   npm run bench:portal -- [--runs 3] [--baseline HEAD|<git ref>|none] [--no-build]
 *
 * Prints a table of figures beside their goals and writes dist/bench/portal.json.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { cleanup, onCleanup } from '../api/processes';
import { fmt, median, ROOT, spread, table } from '../api/util';
import { startApiOnDemoData, startPreview, viteBin, type Served } from './serve';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Debian's Chromium as root, kept off the network it would otherwise call (STACK.md).
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VOLUNTEER = { phone: '13800000001', password: 'civicgrid-demo' };
const OUT = join(ROOT, 'dist/bench/portal');

/** The goals and the figures that were reported before the work on them ("Portal: what people tripped over"). */
const GOALS = {
  performance: { goal: 0.9, reported: '0.49–0.58', higherIsBetter: true },
  lcpS: { goal: null, reported: '3.8–4.3', higherIsBetter: false },
  tbtS: { goal: null, reported: '0.9–1.4', higherIsBetter: false },
  cls: { goal: 0.02, reported: '0.115', higherIsBetter: false },
  firstLoadKb: { goal: 200, reported: '305', higherIsBetter: false },
  requestsSignedIn: { goal: null, reported: '36', higherIsBetter: false },
  graphqlSignedIn: { goal: 3, reported: '11–12', higherIsBetter: false },
} as const;

interface Options {
  runs: number;
  baseline: string | null;
  build: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { runs: 3, baseline: 'HEAD', build: true };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (k === '--runs') opts.runs = Number(value());
    else if (k === '--baseline') {
      const v = value();
      opts.baseline = v === 'none' ? null : v;
    } else if (k === '--no-build') opts.build = false;
    else throw new Error(`unknown option ${argv[i]} (known: --runs N, --baseline <ref>|none, --no-build)`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  return opts;
}

function sh(cmd: string, args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stdout + r.stderr).slice(-4000)}`);
  return r.stdout;
}

// ---------------------------------------------------------------- builds

interface Build {
  /** `baseline` or `this`, in file names. */
  key: string;
  name: string;
  /** The folder holding the portal's vite.config.ts (where `vite preview` runs). */
  portalDir: string;
  /** The built portal (index.html, assets/). */
  dist: string;
}

const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function buildThis(build: boolean): Build {
  if (build) {
    console.log('building the API and the portal (production builds, as npm start does)');
    sh('npm', ['run', 'build', '-w', '@civicgrid/api'], ROOT, NX_ENV);
    sh('npm', ['run', 'build', '-w', '@civicgrid/portal'], ROOT, NX_ENV);
  }
  const dist = join(ROOT, 'dist/portal');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no built portal in ${dist}: run without --no-build`);
  return { key: 'this', name: 'this build', portalDir: join(ROOT, 'apps/portal'), dist };
}

/**
 * The portal as it is at a git ref, built the same way beside this one: its sources
 * (apps/portal and the shared contracts) from `git archive`, built with this checkout's
 * node_modules, so that the two builds differ by the portal's code and config only.
 */
function buildBaseline(ref: string): Build {
  const commit = sh('git', ['rev-parse', '--short', ref]).trim();
  const src = join(OUT, 'baseline');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const tar = spawnSync('sh', ['-c', `git archive ${commit} apps/portal libs/shared tsconfig.base.json | tar -x -C "${src}"`], { cwd: ROOT, encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`git archive ${commit} failed:\n${tar.stderr}`);
  console.log(`building the baseline portal (${ref} = ${commit})`);
  const portalDir = join(src, 'apps/portal');
  sh(process.execPath, [viteBin(), 'build', '--logLevel', 'error'], portalDir);
  return { key: 'baseline', name: `baseline ${ref} (${commit})`, portalDir, dist: join(src, 'dist/portal') };
}

// ---------------------------------------------------------------- Lighthouse

interface LighthouseRun {
  performance: number;
  lcpS: number;
  tbtS: number;
  cls: number;
  benchmarkIndex: number;
  /** Script URLs (same origin) the page requested during the run, in order. */
  scripts: string[];
}

async function lighthouseRun(url: string, scratch: string, reportFile: string): Promise<LighthouseRun> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const userDataDir = mkdtempSync(join(scratch, 'chromium-'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, userDataDir, logLevel: 'silent' });
  try {
    // No config: Lighthouse's default is the mobile preset (Moto G Power, slow 4G, 4× CPU).
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    writeFileSync(reportFile, typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const origin = new URL(url).origin;
    const items = (lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string }[] } | undefined)?.items ?? [];
    return {
      performance: lhr.categories.performance?.score ?? NaN,
      lcpS: audit('largest-contentful-paint') / 1000,
      tbtS: audit('total-blocking-time') / 1000,
      cls: audit('cumulative-layout-shift'),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      scripts: items.filter((i) => i.resourceType === 'Script' && i.url.startsWith(origin)).map((i) => i.url),
    };
  } finally {
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Gzipped size (zlib's default level, as a server sends it) of the built files behind script URLs. */
function gzippedKb(build: Build, urls: string[]): { kb: number; files: number } {
  const files = [...new Set(urls.map((u) => new URL(u).pathname))];
  let bytes = 0;
  for (const file of files) {
    const path = join(build.dist, file);
    if (!existsSync(path)) throw new Error(`the page loaded ${file}, which is not in ${build.dist}`);
    bytes += gzipSync(readFileSync(path)).length;
  }
  return { kb: bytes / 1024, files: files.length };
}

// ---------------------------------------------------------------- the signed-in board

interface RequestCount {
  requests: number;
  graphql: number;
  operations: string[];
}

/** Every request a page makes from navigation until the network has been quiet, GraphQL ones by operation. */
async function countLoad(page: Page, url: string, ready: () => Promise<unknown>): Promise<RequestCount> {
  const seen: { url: string; operation: string | null }[] = [];
  const onRequest = (req: import('playwright-core').Request) => {
    const path = new URL(req.url()).pathname;
    let operation: string | null = null;
    if (path === '/graphql' && req.method() !== 'OPTIONS' && !req.url().startsWith('ws')) {
      try {
        const body = req.method() === 'GET' ? Object.fromEntries(new URL(req.url()).searchParams) : (req.postDataJSON() as { operationName?: string });
        operation = String(body.operationName ?? '(anonymous)');
      } catch {
        operation = '(unreadable)';
      }
    }
    seen.push({ url: req.url(), operation });
  };
  page.on('request', onRequest);
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);
  const operations = seen.filter((s) => s.operation !== null).map((s) => s.operation as string);
  return { requests: seen.length, graphql: operations.length, operations };
}

async function signedInBoard(base: string): Promise<RequestCount> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel('手机号').fill(VOLUNTEER.phone);
    await page.getByLabel('密码').fill(VOLUNTEER.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const boardShown = () => page.getByRole('heading', { level: 1, name: '任务广场' }).waitFor({ timeout: 60_000 });
    await boardShown();
    await page.waitForLoadState('networkidle');
    // A fresh load of the board as the signed-in volunteer: what the issue counted.
    return await countLoad(page, `${base}/`, boardShown);
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- the run

interface Figures {
  build: string;
  runs: LighthouseRun[];
  performance: number;
  lcpS: number;
  tbtS: number;
  cls: number;
  firstLoadKb: number;
  firstLoadFiles: number;
  signedIn: RequestCount;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const scratch = mkdtempSync(join(OUT, 'run-'));
  chmodSync(scratch, 0o755); // as root, PostgreSQL runs as its own user and must reach its folder
  onCleanup(async () => rmSync(scratch, { recursive: true, force: true }));

  const builds = [...(opts.baseline ? [buildBaseline(opts.baseline)] : []), buildThis(opts.build)];
  const api = await startApiOnDemoData(join(scratch, 'api'));
  onCleanup(() => api.stop());
  const served: Served[] = [];
  for (const b of builds) {
    const s = await startPreview(b.portalDir, b.dist, api.port, join(scratch, `preview-${served.length}.log`));
    onCleanup(() => s.stop());
    served.push(s);
  }
  console.log(`API ${api.url}; ${builds.map((b, i) => `${b.name} on ${served[i].url}`).join('; ')}`);

  // Interleaved, the order alternating, so that the machine's load falls on both alike.
  const runs: LighthouseRun[][] = builds.map(() => []);
  for (let r = 0; r < opts.runs; r++) {
    const order = builds.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const run = await lighthouseRun(`${served[i].url}/`, scratch, join(OUT, `lighthouse-${builds[i].key}-${r + 1}.json`));
      runs[i].push(run);
      console.log(`  run ${r + 1}/${opts.runs} ${builds[i].name}: performance ${fmt(run.performance, 2)}, LCP ${fmt(run.lcpS, 2)} s, TBT ${fmt(run.tbtS, 2)} s, CLS ${fmt(run.cls, 3)}`);
    }
  }

  const figures: Figures[] = [];
  for (let i = 0; i < builds.length; i++) {
    const js = runs[i].map((run) => gzippedKb(builds[i], run.scripts));
    const signedIn = await signedInBoard(served[i].url);
    figures.push({
      build: builds[i].name,
      runs: runs[i],
      performance: median(runs[i].map((x) => x.performance)),
      lcpS: median(runs[i].map((x) => x.lcpS)),
      tbtS: median(runs[i].map((x) => x.tbtS)),
      cls: median(runs[i].map((x) => x.cls)),
      firstLoadKb: median(js.map((x) => x.kb)),
      firstLoadFiles: median(js.map((x) => x.files)),
      signedIn,
    });
  }

  const meets = (key: keyof typeof GOALS, value: number) => {
    const g = GOALS[key];
    if (g.goal === null) return '';
    return (g.higherIsBetter ? value >= g.goal : value <= g.goal) ? ' ✓' : ' ✗';
  };
  const goal = (key: keyof typeof GOALS, unit = '') => {
    const g = GOALS[key];
    return g.goal === null ? '—' : `${g.higherIsBetter ? '≥' : '≤'} ${g.goal}${unit}`;
  };
  const row = (label: string, key: keyof typeof GOALS, cell: (f: Figures) => [number, string], unit = '') => [
    label,
    goal(key, unit),
    GOALS[key].reported,
    ...figures.map((f) => {
      const [value, text] = cell(f);
      return text + meets(key, value);
    }),
  ];
  console.log(`\nSigned-out shift board, Lighthouse ${opts.runs}× mobile preset (median (min–max)); first-load JS = the built files of the scripts it requested, gzipped`);
  console.log(
    table(
      ['figure', 'goal', 'reported in the issue', ...figures.map((f) => f.build)],
      [
        row('performance', 'performance', (f) => [f.performance, spread(f.runs.map((x) => x.performance), 2)]),
        row('LCP (s)', 'lcpS', (f) => [f.lcpS, spread(f.runs.map((x) => x.lcpS), 2)]),
        row('TBT (s)', 'tbtS', (f) => [f.tbtS, spread(f.runs.map((x) => x.tbtS), 2)]),
        row('CLS', 'cls', (f) => [f.cls, spread(f.runs.map((x) => x.cls), 3)]),
        row('first-load JS (kB gzipped)', 'firstLoadKb', (f) => [f.firstLoadKb, `${fmt(f.firstLoadKb, 1)} in ${f.firstLoadFiles} files`], ' kB'),
        row('signed-in board: requests', 'requestsSignedIn', (f) => [f.signedIn.requests, String(f.signedIn.requests)]),
        row('signed-in board: GraphQL requests', 'graphqlSignedIn', (f) => [f.signedIn.graphql, String(f.signedIn.graphql)]),
      ],
    ),
  );
  for (const f of figures) console.log(`GraphQL operations of the signed-in board, ${f.build}: ${f.signedIn.operations.join(', ') || 'none'}`);
  const index = figures.flatMap((f) => f.runs.map((r) => r.benchmarkIndex));
  console.log(`Lighthouse's benchmarkIndex of this machine: ${spread(index, 0)} (its CPU throttling assumes a desktop of about 1000+; a busy machine scores lower)`);

  writeFileSync(join(ROOT, 'dist/bench/portal.json'), JSON.stringify({ at: new Date().toISOString(), goals: GOALS, figures }, null, 2));
  console.log('figures also in dist/bench/portal.json');
}

if (require.main === module) {
  main()
    .then(() => cleanup())
    .then(() => process.exit(0))
    .catch(async (err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      await cleanup();
      process.exit(1);
    });
}
