// Helpers for the portal's browser tests: free ports, child processes that always stop,
// a GraphQL client for setting up data, screenshots at two widths and axe in both modes.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
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
 * Records a step: at each width, a screenshot in normal mode and in elder mode, and an axe
 * scan of the page in each mode. Elder mode is switched with the header switch, as a user would.
 */
export function stepper({ dir, flow, report }) {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async function step(page, name) {
    n += 1;
    const id = `${flow}-${String(n).padStart(2, '0')}-${name}`;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => undefined);
    for (const elder of [false, true]) {
      await setElder(page, elder);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width < 768 ? 780 : 900 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(250);
        await page.screenshot({ path: `${dir}/${id}-${elder ? 'elder' : 'normal'}-${width}.png`, fullPage: true });
      }
      const result = await new AxeBuilder({ page }).analyze();
      // (each violation also keeps axe's own summary of the first node, for the report)
      for (const v of result.violations) {
        report.push({ step: id, mode: elder ? 'elder' : 'normal', rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((x) => x.target.join(' ')), summary: v.nodes[0]?.failureSummary });
      }
    }
    await setElder(page, false);
    await page.setViewportSize({ width: 360, height: 780 });
  };
}

export async function setElder(page, on) {
  const sw = page.locator('#elder-switch');
  const checked = (await sw.getAttribute('aria-checked')) === 'true';
  if (checked !== on) {
    // An open dialog covers the header: then press the switch directly, as a keyboard user could.
    if (await page.locator('.ant-modal-wrap').isVisible()) await sw.dispatchEvent('click');
    else await sw.click();
    await page.waitForFunction((v) => document.body.classList.contains('elder') === v, on);
    await page.waitForTimeout(300);
  }
}
