/**
 * Peer (a): the API's own statements for a board request, replayed through `pg` with no
 * HTTP, no GraphQL and no mapping: the floor under any server of this board. A pool of
 * one connection per concurrent loop; each loop takes a random captured request, takes a
 * connection and runs the request's statements on it in the order the API ran them.
 *
 *   node -r ./tools/testing/register-ts.cjs tools/bench/api/raw-worker.ts <peers.json> <database url> <connections>
 *
 * Driven over IPC: `start` (loops begin), `mark` (the measured window begins), `stop`
 * (answers `stats`), `check` (replays every request once and answers the digests).
 */
import { Pool } from 'pg';
import { digestRows, latencySummary, readPeersData } from './peers-data';
import { prepare, run } from './replay';

const [file, databaseUrl, connectionsArg] = process.argv.slice(2);
const data = readPeersData(file);
const requests = data.requests.map((r) => r.statements.map(prepare));
const connections = Number(connectionsArg);

let running = false;
let loops: Promise<void>[] = [];
let latencies: number[] = [];
let errors = 0;
let firstError: string | undefined;
const pool = new Pool({ connectionString: databaseUrl, max: connections, application_name: 'civicgrid-bench-raw' });

async function loop(): Promise<void> {
  while (running) {
    const statements = requests[Math.floor(Math.random() * requests.length)];
    const started = performance.now();
    const client = await pool.connect();
    try {
      await run(client, statements);
      latencies.push(performance.now() - started);
    } catch (err) {
      errors++;
      firstError ??= (err as Error).message;
    } finally {
      client.release();
    }
  }
}

const send = (m: object) => process.send!(m);
// Gone with the benchmark, even when it could not stop us.
process.on('disconnect', () => process.exit(0));

process.on('message', (m: { type: string }) => {
  void (async () => {
    if (m.type === 'start') {
      running = true;
      loops = Array.from({ length: connections }, loop);
      send({ type: 'started' });
    } else if (m.type === 'mark') {
      latencies = [];
      errors = 0;
      send({ type: 'marked' });
    } else if (m.type === 'stop') {
      const window = latencies;
      const windowErrors = errors;
      running = false;
      await Promise.all(loops);
      send({ type: 'stats', requests: window.length, errors: windowErrors, firstError, ...latencySummary(window) });
    } else if (m.type === 'check') {
      const digests: string[] = [];
      const client = await pool.connect();
      try {
        for (const statements of requests) digests.push(digestRows(await run(client, statements)));
      } finally {
        client.release();
      }
      send({ type: 'checked', digests });
    } else if (m.type === 'exit') {
      await pool.end();
      process.exit(0);
    }
  })().catch((err: Error) => send({ type: 'error', error: err.stack ?? err.message }));
});

(async () => {
  // Every connection open before the first window, as in a server's warm pool.
  const opened = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  opened.forEach((c) => c.release());
  send({ type: 'ready' });
})().catch((err: Error) => {
  send({ type: 'error', error: err.stack ?? err.message });
  process.exit(1);
});
