// A tiny driver of startEmbeddedPostgres for the lifecycle test, run in its own process
// (the package is ESM-only, and a killed process is what the test needs to simulate).
//   start-and-wait DIR  : start, create a marker table, print "ready", wait to be killed
//   start-and-stop DIR  : start, print whether the marker table survived, stop cleanly
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../libs/server/platform/src/database/embedded-postgres';

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  if (mode === 'start-and-wait') {
    await client.query('CREATE TABLE IF NOT EXISTS marker (id int)');
    await client.end();
    console.log(`ready ${pg.port}`);
    setInterval(() => undefined, 1000);
    return;
  }
  const { rows } = await client.query("SELECT to_regclass('public.marker') IS NOT NULL AS kept");
  await client.end();
  console.log(`kept ${rows[0].kept}`);
  await pg.stop();
  console.log('stopped');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
