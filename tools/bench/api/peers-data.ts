import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CapturedRequest } from './replay';
import type { Template } from './template';

/** What the peers (a) and (b) read: the captured requests and, for (b), their templates. */
export interface PeersData {
  requests: (Omit<CapturedRequest, 'response' | 'viewer'> & { userId: string; template: Template; digest: string })[];
}

export function readPeersData(file: string): PeersData {
  return JSON.parse(readFileSync(file, 'utf8')) as PeersData;
}

/** A fingerprint of a request's result rows, to check that a replay read what the capture read. */
export function digestRows(rows: Record<string, unknown>[][]): string {
  return createHash('sha1')
    .update(JSON.stringify(rows, (_k, v: unknown) => (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? `bytes:${(v as { data: number[] }).data.length}` : v)))
    .digest('hex');
}

/** Latency figures from a list of milliseconds. */
export function latencySummary(ms: number[]): { p50: number; p99: number; mean: number; max: number } {
  if (!ms.length) return { p50: NaN, p99: NaN, mean: NaN, max: NaN };
  const sorted = Float64Array.from(ms).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  let sum = 0;
  for (const x of sorted) sum += x;
  return { p50: at(0.5), p99: at(0.99), mean: sum / sorted.length, max: sorted[sorted.length - 1] };
}
