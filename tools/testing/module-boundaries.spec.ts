import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The arrows between libraries point one way (STYLE.md): geo ← identity ← organizations
 * ← volunteering; platform and contracts under everyone; matching and contracts depend
 * on nothing of ours; the portal never imports server code. A new import that breaks
 * this fails here.
 */
const ROOT = resolve(__dirname, '../..');
const PROJECTS: Record<string, { dir: string; may: string[]; root?: string }> = {
  contracts: { dir: 'libs/shared/contracts/src', may: [] },
  matching: { dir: 'libs/matching/src', may: [] },
  platform: { dir: 'libs/server/platform/src', may: ['contracts'] },
  geo: { dir: 'libs/server/geo/src', may: ['contracts', 'platform'] },
  identity: { dir: 'libs/server/identity/src', may: ['contracts', 'platform', 'geo'] },
  organizations: { dir: 'libs/server/organizations/src', may: ['contracts', 'platform', 'geo', 'identity'] },
  volunteering: { dir: 'libs/server/volunteering/src', may: ['contracts', 'platform', 'geo', 'identity', 'organizations', 'matching'] },
  seed: { dir: 'tools/seed/src', may: ['contracts', 'identity'] },
  portal: { dir: 'apps/portal/src', may: ['contracts'], root: 'apps/portal' },
};

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  let out: string[] = [];
  for (const name of readdirSync(abs)) {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) out = out.concat(files(relative(ROOT, p)));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('module boundaries', () => {
  it.each(Object.entries(PROJECTS))('should keep %s to the libraries it may use', (name, { dir, may, root }) => {
    const offending: string[] = [];
    for (const file of files(dir)) {
      for (const spec of importsOf(file)) {
        const lib = /^@civicgrid\/([^/]+)/.exec(spec)?.[1];
        if (lib && lib !== name && !may.includes(lib)) offending.push(`${relative(ROOT, file)} imports ${spec}`);
        // Relative imports must stay inside the library (no reaching into another's files).
        if (spec.startsWith('.') && !resolve(file, '..', spec).startsWith(join(ROOT, root ?? dir))) offending.push(`${relative(ROOT, file)} reaches out with ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
