// `npm start`: builds the API and the portal, then runs both. The API starts its embedded
// PostgreSQL (unless DATABASE_URL is set) and loads demo data on first start; Ctrl-C
// stops everything, PostgreSQL included.
import { spawn, spawnSync } from 'node:child_process';

const apiPort = process.env.API_PORT ?? '3000';
const portalPort = process.env.PORTAL_PORT ?? '4200';
const env = { ...process.env, API_PORT: apiPort, PORTAL_PORT: portalPort, NX_DAEMON: process.env.NX_DAEMON ?? 'false' };

for (const ws of ['@civicgrid/api', '@civicgrid/portal']) {
  const r = spawnSync('npm', ['run', 'build', '-w', ws], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const children = [
  spawn(process.execPath, ['dist/api/apps/api/src/main.js'], { stdio: 'inherit', env }),
  spawn('npm', ['run', 'serve', '-w', '@civicgrid/portal'], { stdio: ['ignore', 'inherit', 'inherit'], env, detached: true }),
];
let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const [api, portal] = children;
  try {
    process.kill(-portal.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  if (api.exitCode === null) api.kill('SIGTERM');
  const done = () => process.exit(code);
  if (api.exitCode !== null) done();
  else api.once('exit', done);
  setTimeout(() => process.exit(code || 1), 25_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const c of children) c.once('exit', (code) => stop(code ?? 0));

// The portal answers a few seconds before the API (PostgreSQL, migrations, demo data on the
// first start); whoever opens it then sees "starting up" until the API answers. The link is
// printed once the API is ready, so that following it shows the portal working.
const apiHost = process.env.API_HOST ?? '127.0.0.1';
(async () => {
  while (!stopping && children[0].exitCode === null) {
    const ready = await fetch(`http://${apiHost}:${apiPort}/ready`).then((r) => r.ok, () => false);
    if (ready) {
      console.log(`\nCivicGrid portal  http://127.0.0.1:${portalPort}\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
})();
