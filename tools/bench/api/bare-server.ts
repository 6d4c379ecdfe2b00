/**
 * Peer (b): a bare `node:http` server with a `pg` pool that answers the board request
 * with the API's JSON: it reads the body, checks the bearer token as the API does
 * (HS256, issuer, expiry), runs the API's captured statements for that grid and viewer,
 * and builds the response from their rows (template.ts). What is left between it and (a)
 * is HTTP and JSON; between it and the API, the framework.
 *
 *   node -r ./tools/testing/register-ts.cjs tools/bench/api/bare-server.ts <peers.json> <database url> <port> <pool size>
 *
 * JWT_SECRET comes from the environment.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { readPeersData } from './peers-data';
import { prepare, run } from './replay';
import { fill, Template } from './template';
import { verifyAccessToken } from './tokens';

const [file, databaseUrl, portArg, poolArg] = process.argv.slice(2);
const secret = Buffer.from(process.env.JWT_SECRET ?? '');
const data = readPeersData(file);
const byKey = new Map<string, { statements: ReturnType<typeof prepare>[]; template: Template }>();
for (const r of data.requests) byKey.set(`${r.gridId}|${r.userId}`, { statements: r.statements.map(prepare), template: r.template });
const pool = new Pool({ connectionString: databaseUrl, max: Number(poolArg), application_name: 'civicgrid-bench-bare' });

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/graphql') return reply(res, 404, { errors: [{ message: 'not found' }] });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { filter?: { regionId?: string } } };
  const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const claims = auth ? verifyAccessToken(secret, auth[1]) : null;
  if (!claims) return reply(res, 200, { errors: [{ message: 'unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] });
  const request = byKey.get(`${body.variables?.filter?.regionId}|${claims.sub}`);
  if (!request) return reply(res, 200, { errors: [{ message: 'no captured request for this grid and viewer' }] });
  const client = await pool.connect();
  let rows: Record<string, unknown>[][];
  try {
    rows = await run(client, request.statements);
  } finally {
    client.release();
  }
  reply(res, 200, fill(request.template, rows));
}

const server = createServer((req, res) => {
  answer(req, res).catch((err: Error) => reply(res, 500, { errors: [{ message: err.message }] }));
});
server.keepAliveTimeout = 72_000;
server.listen(Number(portArg), '127.0.0.1', () => {
  // The pool warm before the first window, as the API's is after its start.
  void Promise.all(Array.from({ length: Number(poolArg) }, () => pool.connect())).then((clients) => {
    clients.forEach((c) => c.release());
    process.send!({ type: 'ready' });
  });
});
// Gone with the benchmark, even when it could not stop us.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
