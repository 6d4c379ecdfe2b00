// Helpers for the portal's browser tests: free ports, child processes that always stop,
// a GraphQL client for setting up data, screenshots at two widths and axe in both modes.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';

export const WIDTHS = [360, 1280];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion, echoing its output when it fails. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out.slice(-4000)}`))));
  });
}

/** A long-running child we must stop at the end (SIGTERM, then SIGKILL after a grace period). */
export function start(name, cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false, ...opts });
  let log = '';
  child.stdout.on('data', (d) => (log = (log + d).slice(-20000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-20000)));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    name,
    child,
    log: () => log,
    exited,
    async stop(graceMs = 20000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function waitForHttp(url, { timeoutMs = 120000, proc } = {}) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited early:\n${proc.log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${url}${proc ? `\n${proc.log()}` : ''}`);
}

export function graphqlClient(url) {
  return async function gql(query, variables = {}, token) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/**
 * Network requests in flight, per page: a step waits until none are left (the app polls, so
 * `networkidle` — 500 ms without traffic, and only once per navigation — is neither quick
 * nor a real condition in a single-page app). Call it right after creating the page.
 */
const tracked = new WeakMap();
export function trackRequests(page) {
  if (tracked.has(page)) return tracked.get(page);
  const inflight = new Set();
  const waiters = new Set();
  const done = (r) => {
    if (!inflight.delete(r)) return;
    state.activity += 1;
    if (!inflight.size) for (const w of waiters) w();
  };
  page.on('request', (r) => {
    if (r.resourceType() === 'eventsource' || r.resourceType() === 'websocket') return;
    inflight.add(r);
    state.activity += 1;
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('close', () => inflight.clear());
  const state = {
    inflight,
    /** Counts requests starting and ending: unchanged across a check means none came and went. */
    activity: 0,
    /** Resolves when no request is in flight (true), or at the deadline (false). */
    idle(deadline) {
      if (!inflight.size) return Promise.resolve(true);
      return new Promise((resolve) => {
        const end = (v) => {
          waiters.delete(ok);
          clearTimeout(timer);
          resolve(v);
        };
        const ok = () => end(true);
        const timer = setTimeout(() => end(false), Math.max(0, deadline - Date.now()));
        waiters.add(ok);
      });
    },
  };
  tracked.set(page, state);
  return state;
}

/**
 * In the page: scrolls to the top, waits for web fonts, then for animation frames until no
 * `.loading` spinner is shown, no finite animation or transition runs, and the layout (sizes,
 * number of elements, so also injected styles) is the same in two frames running.
 */
async function layoutSettled(maxMs) {
  window.scrollTo(0, 0);
  await document.fonts.ready;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const signature = () => {
    const el = document.documentElement;
    const main = document.querySelector('main')?.getBoundingClientRect();
    return [innerWidth, innerHeight, el.scrollWidth, el.scrollHeight, document.body.offsetHeight, main?.width, main?.height, document.getElementsByTagName('*').length].join();
  };
  const moving = () => document.getAnimations().some((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime));
  const until = performance.now() + maxMs;
  let last = null;
  for (;;) {
    await frame();
    const sig = signature();
    if (sig === last && !document.querySelector('.loading') && !moving()) return { settled: true };
    last = sig;
    if (performance.now() > until) return { settled: false, loading: !!document.querySelector('.loading'), moving: moving() };
  }
}

const SETTLE_MS = 15000;

/**
 * Waits, by conditions only, until the page is at rest: no request in flight, no spinner,
 * nothing animating, the layout unchanged between two frames, and no request started or ended
 * meanwhile (a render may start a query of its own, an answer may still be rendering). Not
 * settling in 15 s is reported, not fatal (as the `networkidle`/spinner waits this replaces):
 * the assertions of the flow decide.
 */
export async function settle(page, what = '') {
  const net = trackRequests(page);
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const quiet = await net.idle(deadline);
    const before = net.activity;
    let layout;
    try {
      layout = await page.evaluate(layoutSettled, Math.max(0, deadline - Date.now()));
    } catch (e) {
      // A navigation replaced the document under the check: check the new one.
      if (!/Execution context was destroyed|navigat/i.test(e.message) || Date.now() >= deadline) throw e;
      continue;
    }
    if (layout.settled && quiet && net.activity === before) return;
    if (Date.now() >= deadline) {
      const pending = [...net.inflight].map((r) => `${r.method()} ${r.url()}`).join(', ');
      console.warn(`[e2e] ${what}: page not at rest after ${SETTLE_MS / 1000}s (${JSON.stringify(layout)}${pending ? `; in flight: ${pending}` : ''})`);
      return;
    }
  }
}

/**
 * axe-core's own `analyze()` injects its 550 kB source twice per run and, in its default mode,
 * opens and closes a blank page for `finishRun` every time (≈1–1.5 s a run). A page without
 * child frames has nothing that mode adds (it exists for cross-origin frames), so there axe
 * runs in the page itself (`setLegacyMode`: same rules, same results — checked on the portal's
 * pages) and is injected once per document. Pages with frames keep the default mode.
 * `resultTypes: ['violations']`: every rule still runs on every node; axe only skips building
 * selectors for the nodes that pass (or need review), which this report never reads — half the
 * time of a run, and an eighth of the result to send back.
 */
const AXE_OPTIONS = { resultTypes: ['violations'] };
// (the axe-core that @axe-core/playwright itself injects)
const AXE_VERSION = createRequire(import.meta.resolve('@axe-core/playwright'))('axe-core').version;
async function runAxe(page) {
  if (page.frames().length > 1) return new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
  const present = await page.evaluate((v) => window.axe?.version === v, AXE_VERSION);
  return new AxeBuilder({ page, ...(present ? { axeSource: ';' } : {}) }).setLegacyMode().options(AXE_OPTIONS).analyze();
}

/** Timings of every step, by phase, for the summary at the end of the run. */
export const stepTimes = [];
const phase = async (rec, name, fn) => {
  const s = performance.now();
  try {
    return await fn();
  } finally {
    rec[name] = (rec[name] ?? 0) + performance.now() - s;
  }
};
export const PHASES = ['settle', 'elder', 'viewport', 'shot', 'axe'];

const viewport = (width) => ({ width, height: width < 768 ? 780 : 900 });

/**
 * Records a step: at each width, a screenshot in normal mode and in elder mode, and an axe
 * scan of the page in each mode. Elder mode is switched with the header switch, as a user would.
 * Order: normal 360, normal 1280, axe (at 1280, as before); elder on; elder 1280, axe, elder
 * 360; elder off — one resize per mode, and the flow goes on at 360 in normal mode. After every
 * change the page settles by conditions (see `settle`), never by sleeping.
 */
export function stepper({ dir, flow, report, owner = flow }) {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async function step(page, name) {
    n += 1;
    const id = `${flow}-${String(n).padStart(2, '0')}-${name}`;
    const rec = { id, owner };
    stepTimes.push(rec);
    const s0 = performance.now();
    const resize = async (width) => {
      const size = viewport(width);
      const now = page.viewportSize();
      if (now?.width === size.width && now?.height === size.height) return;
      await phase(rec, 'viewport', () => page.setViewportSize(size));
      await phase(rec, 'settle', () => settle(page, `${id} at ${width}px`));
    };
    const shot = (elder, width) =>
      phase(rec, 'shot', () => page.screenshot({ path: `${dir}/${id}-${elder ? 'elder' : 'normal'}-${width}.png`, fullPage: true, animations: 'disabled', caret: 'hide' }));
    const scan = async (elder) => {
      const result = await phase(rec, 'axe', () => runAxe(page));
      // (each violation also keeps axe's own summary of the first node, for the report)
      for (const v of result.violations) {
        report.push({ step: id, mode: elder ? 'elder' : 'normal', rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((x) => x.target.join(' ')), summary: v.nodes[0]?.failureSummary });
      }
    };
    const elder = async (on) => {
      if (await phase(rec, 'elder', () => setElder(page, on))) await phase(rec, 'settle', () => settle(page, `${id} elder ${on ? 'on' : 'off'}`));
    };

    const [narrow, wide] = WIDTHS;
    await phase(rec, 'settle', () => settle(page, id));
    await elder(false);
    await resize(narrow);
    await shot(false, narrow);
    await resize(wide);
    await shot(false, wide);
    await scan(false);
    await elder(true);
    await shot(true, wide);
    await scan(true);
    await resize(narrow);
    await shot(true, narrow);
    await elder(false);
    rec.total = performance.now() - s0;
  };
}

/** Switches elder mode with the header switch; true when it had to change. */
export async function setElder(page, on) {
  const sw = page.locator('#elder-switch');
  const checked = (await sw.getAttribute('aria-checked')) === 'true';
  if (checked === on) return false;
  // An open dialog or drawer covers the header: then press the switch directly, as a keyboard user could.
  if (await page.locator('.ant-modal-wrap, .ant-drawer-open').first().isVisible()) await sw.dispatchEvent('click');
  else await sw.click();
  await page.waitForFunction((v) => document.body.classList.contains('elder') === v && document.getElementById('elder-switch')?.getAttribute('aria-checked') === String(v), on);
  return true;
}

/** The per-step and per-flow timing breakdown, in seconds. */
export function printTimings(flowTimes, log = console.log) {
  const sec = (ms) => (ms / 1000).toFixed(2).padStart(6);
  log(`timing per step (s): ${'total'.padStart(6)} ${PHASES.map((p) => p.padStart(8)).join(' ')}`);
  for (const r of [...stepTimes].sort((a, b) => a.id.localeCompare(b.id))) log(`  ${r.id.padEnd(44)} ${sec(r.total ?? 0)} ${PHASES.map((p) => `  ${sec(r[p] ?? 0)}`).join(' ')}`);
  const sum = (rows, key) => rows.reduce((t, r) => t + (r[key] ?? 0), 0);
  log('timing per flow (s): wall = steps + actions; steps by phase');
  for (const f of flowTimes) {
    const rows = stepTimes.filter((r) => r.owner === f.name);
    const steps = sum(rows, 'total');
    log(`  ${f.name.padEnd(12)} wall ${sec(f.ms)}  steps ${sec(steps)} (${rows.length})  actions ${sec(f.ms - steps)}  | ${PHASES.map((p) => `${p} ${sec(sum(rows, p)).trim()}`).join('  ')}`);
  }
  log(`  all steps   ${sec(sum(stepTimes, 'total'))} (${stepTimes.length})  | ${PHASES.map((p) => `${p} ${sec(sum(stepTimes, p)).trim()}`).join('  ')}`);
}
