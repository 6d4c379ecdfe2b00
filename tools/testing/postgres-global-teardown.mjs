import { rmSync } from 'node:fs';

export default async function teardown() {
  const state = globalThis.__CIVICGRID_PG__;
  if (!state) return;
  const child = state.pg.process;
  if (child && child.exitCode === null && child.signalCode === null) {
    await Promise.race([state.pg.stop(), new Promise((r) => setTimeout(r, 10000).unref())]);
  }
  rmSync(state.base, { recursive: true, force: true });
}
