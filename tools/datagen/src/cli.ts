/**
 * npm run datagen -- --scale small|district [--seed N] [--now 2026-12-01] [--reset]
 *
 * Fills DATABASE_URL when set; otherwise starts the embedded PostgreSQL with its data in
 * .data/datagen-<scale> (beside the API's CIVICGRID_DATA_DIR, default .data/postgres, and
 * sharing its cluster password; CIVICGRID_PG_PORT picks the port, as for the API),
 * creates the database civicgrid_datagen_<scale> there, fills it and stops the server.
 *
 * --now is the instant the data is consistent with: shifts reach a year before it and
 * two months after it. It defaults to today at 00:00 UTC, so runs on the same day agree
 * and an API started later that day finds past, running and upcoming shifts.
 */
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedPostgresHandle, ensureDatabase, startEmbeddedPostgres } from '@civicgrid/platform';
import { DatagenError, DEFAULT_SEED, generate, startOfToday } from './index';

const USAGE = 'usage: npm run datagen -- --scale small|district [--seed N] [--now YYYY-MM-DD or ISO instant] [--reset]';

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      now: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scale = values.scale;
  if (scale !== 'small' && scale !== 'district') throw new DatagenError(`--scale must be small or district\n${USAGE}`);
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) throw new DatagenError(`--seed must be a non-negative integer\n${USAGE}`);
  const now = values.now === undefined ? startOfToday() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new DatagenError(`--now must be a date or an ISO instant\n${USAGE}`);
  return { scale, seed, now, reset: values.reset } as const;
}

async function main(): Promise<void> {
  const opts = options();
  let embedded: EmbeddedPostgresHandle | undefined;
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = join(dirname(resolve(process.env.CIVICGRID_DATA_DIR || '.data/postgres')), `datagen-${opts.scale}`);
      console.log(`starting the embedded PostgreSQL (data in ${dataDir})`);
      const port = process.env.CIVICGRID_PG_PORT ? Number(process.env.CIVICGRID_PG_PORT) : undefined;
      embedded = await startEmbeddedPostgres({ dataDir, port });
      databaseUrl = await ensureDatabase(embedded.url, `civicgrid_datagen_${opts.scale}`);
    }
    const summary = await generate({ databaseUrl, ...opts, log: (line) => console.log(line) });

    const total = Object.values(summary.rows).reduce((a, n) => a + n, 0);
    console.log('\nrows');
    for (const [table, n] of Object.entries(summary.rows)) console.log(`  ${table.padEnd(16)} ${n.toLocaleString('en').padStart(11)}`);
    console.log(`  ${'total'.padEnd(16)} ${total.toLocaleString('en').padStart(11)}`);
    console.log(`\n${opts.scale} district, seed ${opts.seed}, consistent with ${summary.now.toISOString()}: ${(summary.elapsedMs / 1000).toFixed(1)} s`);
    console.log(`${summary.grids.length} grids; every account's password: ${summary.password}; e.g. volunteer ${summary.volunteers[0]?.phone}`);
    console.log(`database: ${databaseUrl}${embedded ? ' (embedded server now stopped; set CIVICGRID_PG_PORT to keep this port next time)' : ''}`);
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof DatagenError ? `datagen: ${err.message}` : err);
    process.exit(1);
  },
);
