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
console.log(`\nCivicGrid portal  http://127.0.0.1:${portalPort}\n`);

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
