import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The generated GraphQL types (src/gql) must match the schema and the operations: this
 * runs the same codegen into a temporary folder and compares. On failure, run
 * `npm run codegen -w @civicgrid/portal` and commit the result.
 */
/** node_modules/.bin/graphql-codegen, from the portal or the workspace root above it. */
function codegenBin(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules/.bin/graphql-codegen');
    if (existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) throw new Error('graphql-codegen is not installed');
  }
}

describe('generated GraphQL types', () => {
  it('should be up to date with apps/api/schema.gql and the operations', () => {
    const root = path.join(__dirname, '..');
    const out = mkdtempSync(path.join(tmpdir(), 'portal-codegen-'));
    try {
      execFileSync(codegenBin(root), ['--config', 'codegen.ts', '--silent'], { cwd: root, env: { ...process.env, CODEGEN_OUT: `${out}/` }, stdio: 'pipe' });
      const committed = path.join(root, 'src/gql');
      const files = readdirSync(out).sort();
      expect(readdirSync(committed).sort()).toEqual(files);
      for (const f of files) {
        const fresh = readFileSync(path.join(out, f), 'utf8');
        const current = readFileSync(path.join(committed, f), 'utf8');
        if (fresh !== current) throw new Error(`src/gql/${f} is stale: run "npm run codegen -w @civicgrid/portal"`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
