import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentNode, print } from 'graphql';
import { ApiProcess, startApi } from './processes';
import { CapturedRequest, Statement } from './replay';
import { ROOT, sleep } from './util';
import { WireStatement, WireTap } from './wire-tap';

/** The portal's board query and claim mutation, by operation name. */
export const PORTAL_BOARD = 'OpenShifts';
export const PORTAL_CLAIM = 'ClaimShift';
/** The portal's generated documents: each operation with the fragments it spreads, as the portal sends it. */
const PORTAL_DOCUMENTS = 'apps/portal/src/gql/graphql.ts';

/** A portal operation's document, read from the portal's generated code so that it stays the portal's (fragments included). */
export function portalDocument(operation: string): string {
  const source = readFileSync(join(ROOT, PORTAL_DOCUMENTS), 'utf8');
  const m = new RegExp(`^export const ${operation}Document = (\\{.*\\}) as unknown as DocumentNode<`, 'm').exec(source);
  if (!m) throw new Error(`no ${operation}Document in ${PORTAL_DOCUMENTS} (run npm run codegen -w @civicgrid/portal)`);
  return print(JSON.parse(m[1]) as DocumentNode);
}

export const PAGE_SIZE = 20;

/** The HTTP body the portal sends for one grid's board (Apollo sends the operation name too). */
export function boardBody(document: string, gridId: string): string {
  return JSON.stringify({ operationName: 'OpenShifts', query: document, variables: { filter: { regionId: gridId }, first: PAGE_SIZE } });
}

export async function postJson(url: string, body: string, token?: string): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/** Waits until no statement has arrived for `ms` (at most `maxMs`). */
async function quiet(tap: WireTap, ms = 25, maxMs = 1000): Promise<void> {
  const until = Date.now() + maxMs;
  let seen = tap.statements.length;
  let since = Date.now();
  while (Date.now() < until) {
    await sleep(5);
    if (tap.statements.length !== seen) {
      seen = tap.statements.length;
      since = Date.now();
    } else if (Date.now() - since >= ms) return;
  }
}

const LISTENING = /^\s*(UN)?LISTEN\b/i;

export interface Capture {
  requests: CapturedRequest[];
  /** statements seen in the request windows but not the request's (LISTEN on the listener's connection) */
  excluded: number;
  /** how many connections a request's statements used, at most */
  maxConnectionsPerRequest: number;
  applicationNames: string[];
}

/** The API that serves the capture: through a wire tap, with no background work. */
export interface CaptureApi {
  api: ApiProcess;
  tap: WireTap;
  errors: Error[];
  stop(): Promise<void>;
}

/**
 * A second API process, started like the measured one but talking to PostgreSQL through
 * a wire tap, and without background work (no job worker, no event delivery), so that
 * nothing but the requests it is sent talks to the database.
 */
export async function startCaptureApi(opts: { build: string | null; databaseUrl: string; jwtSecret: string; logFile: string }): Promise<CaptureApi> {
  const target = new URL(opts.databaseUrl);
  const errors: Error[] = [];
  const tap = new WireTap({ host: target.hostname, port: Number(target.port || 5432) }, (e) => errors.push(e));
  const tapPort = await tap.listen();
  const tapped = new URL(opts.databaseUrl);
  tapped.hostname = '127.0.0.1';
  tapped.port = String(tapPort);
  try {
    const api = await startApi({ build: opts.build, databaseUrl: tapped.toString(), jwtSecret: opts.jwtSecret, logFile: opts.logFile, env: { JOBS_WORK: 'false', EVENTS_DISPATCH: 'false' } });
    return { api, tap, errors, stop: () => api.stop().finally(() => tap.close()) };
  } catch (err) {
    await tap.close();
    throw err;
  }
}

/**
 * Records the statements the API runs for each (grid, viewer) pair. Every request is
 * sent twice; the second time, with the API's caches as warm as under load, counts.
 * Requests go one at a time, so a request's statements are the ones between its send
 * and a quiet moment after its answer.
 */
export async function captureStatements(capture: CaptureApi, document: string, pairs: { gridId: string; viewer: { userId: string; token: string } }[]): Promise<Capture> {
  const { api, tap } = capture;
  const endpoint = `${api.url}/graphql`;
  for (const pair of pairs) await postJson(endpoint, boardBody(document, pair.gridId), pair.viewer.token);
  const requests: CapturedRequest[] = [];
  let excluded = 0;
  let maxConnections = 0;
  const names = new Set<string>();
  for (const pair of pairs) {
    await quiet(tap);
    const mark = tap.statements.length;
    const res = await postJson(endpoint, boardBody(document, pair.gridId), pair.viewer.token);
    await quiet(tap);
    if (res.status !== 200 || !res.json?.data?.openShifts || res.json.errors) {
      throw new Error(`the API answered the board for grid ${pair.gridId} with ${res.status}: ${res.text.slice(0, 500)}`);
    }
    const seen: WireStatement[] = tap.statements.slice(mark);
    const mine = seen.filter((s) => !LISTENING.test(s.text));
    excluded += seen.length - mine.length;
    maxConnections = Math.max(maxConnections, new Set(mine.map((s) => s.connection)).size);
    mine.forEach((s) => names.add(s.applicationName));
    const statements: Statement[] = mine.map(({ name, text, values, binaryResults }) => ({ name, text, values, binaryResults }));
    requests.push({ gridId: pair.gridId, viewer: pair.viewer, statements, response: res.json });
  }
  if (capture.errors.length) throw new Error(`the wire tap could not read the protocol: ${capture.errors[0].message}`);
  return { requests, excluded, maxConnectionsPerRequest: maxConnections, applicationNames: [...names] };
}
