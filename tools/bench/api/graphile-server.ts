/**
 * Peer (d): PostGraphile 5 (amber preset, grafserv's node adaptor) over the run's
 * database, exposing `bench_graphile` (see graphile.ts) and the product's `public`
 * tables it relates to. Tokens are the API's: PgLazyJWTPreset checks them with the same
 * secret and issuer and hands the claims to PostgreSQL as `jwt.claims.*` settings.
 *
 *   node -r ./tools/testing/register-ts.cjs tools/bench/api/graphile-server.ts <database url> <port> <pool size>
 *
 * JWT_SECRET comes from the environment; with GRAPHILE_SDL it writes its schema there.
 * Answers `ready` over IPC once it listens.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { printSchema } from 'postgraphile/graphql';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PgLazyJWTPreset } from 'postgraphile/presets/lazy-jwt';
import { GRAPHILE_SCHEMA } from './graphile';

const [databaseUrl, portArg, poolArg] = process.argv.slice(2);

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PgLazyJWTPreset],
  pgServices: [makePgService({ connectionString: databaseUrl, schemas: [GRAPHILE_SCHEMA, 'public'], poolConfig: { max: Number(poolArg), application_name: 'civicgrid-bench-graphile' } })],
  grafserv: {
    graphqlPath: '/graphql',
    graphiql: false,
    watch: false,
    pgJwtSecret: process.env.JWT_SECRET,
    // The API's tokens name no audience; they name the issuer.
    pgJwtVerifyOptions: { audience: undefined, issuer: 'civicgrid' },
  },
  grafast: { explain: false },
};

// Gone with the benchmark, even when it could not stop us.
process.on('disconnect', () => process.exit(0));
async function main(): Promise<void> {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.keepAliveTimeout = 72_000;
  serv.addTo(server);
  // Build the schema before the first request, as a deployed server would have.
  const { schema } = await pgl.getSchemaResult();
  if (process.env.GRAPHILE_SDL) writeFileSync(process.env.GRAPHILE_SDL, printSchema(schema));
  await new Promise<void>((r) => server.listen(Number(portArg), '127.0.0.1', r));
  process.send!({ type: 'ready' });
  process.on('SIGTERM', () => {
    server.close();
    void Promise.resolve(pgl.release()).finally(() => process.exit(0));
  });
}

main().catch((err: Error) => {
  process.send?.({ type: 'error', error: err.stack ?? err.message });
  process.exit(1);
});
