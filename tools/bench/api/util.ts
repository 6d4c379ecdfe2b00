import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The table style of tools/bench/matching/run.ts: first column left, the rest right. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) => '| ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ') + ' |';
  return [line(cells[0]), '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
/** `median (min–max)` */
export const spread = (values: number[], digits = 2) =>
  values.length ? `${fmt(median(values), digits)} (${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})` : 'n/a';

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The benchmark's own choices (pairs, claimers) repeat for a seed: the matching benchmark's mulberry32. */
export { seededRandom } from '../matching/district';

// ---------------------------------------------------------------- /proc

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime+stime (and, with `children`, the reaped children's) of one process in ms; null once it is gone. */
export function cpuMs(pid: number, children = false): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the name start at index 3 (state): utime 14, stime 15, cutime 16, cstime 17
    const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
    return ticks * TICK_MS;
  } catch {
    return null;
  }
}

export function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * CPU of a PostgreSQL cluster in ms: its postmaster (with the children it has reaped, so
 * a backend that exits inside a window still counts) plus every live child.
 */
export function clusterCpuMs(postmasterPid: number): number {
  let total = cpuMs(postmasterPid, true) ?? 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid !== postmasterPid && parentOf(pid) === postmasterPid) total += cpuMs(pid) ?? 0;
  }
  return total;
}

/** VmRSS and VmHWM of a process in MiB. */
export function memoryMiB(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; reports the peak (and VmHWM at the end). */
export function rssSampler(pid: number, everyMs = 200): { stop(): { peakMiB: number; hwmMiB: number; samples: number } } {
  let peak = 0;
  let samples = 0;
  const take = () => {
    const m = memoryMiB(pid);
    if (m) {
      peak = Math.max(peak, m.rss);
      samples++;
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakMiB: peak, hwmMiB: memoryMiB(pid)?.hwm ?? NaN, samples };
    },
  };
}
