import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tsconfigPaths from 'vite-tsconfig-paths';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = `http://127.0.0.1:${process.env.API_PORT || 3000}`;
const port = Number(process.env.PORTAL_PORT || 4200);
// The portal always calls the relative /graphql; the dev server and `vite preview` forward it.
const proxy = { '/graphql': { target: apiTarget, changeOrigin: false, ws: true } };

/**
 * Replaces each `graphql(`...`)` call with its generated document, as the codegen client
 * preset's babel optimizer does (our React plugin has no babel step). The preset's
 * `graphql()` looks documents up in one map holding every operation of the app, so every
 * page would load every document; inlined, each page carries only its own.
 */
function inlineGraphqlDocuments(): Plugin {
  const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));
  let docs: Map<string, string> | null = null;
  const load = () => {
    const map = new Map<string, string>();
    // Operations by name, fragments (for cache reads and writes) by `fragment:<name>`.
    for (const m of readFileSync(generated, 'utf8').matchAll(/^export const (\w+)(Document|FragmentDoc) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) {
      map.set(m[2] === 'Document' ? m[1] : `fragment:${m[1]}`, m[3]);
    }
    return map;
  };
  return {
    name: 'civicgrid-inline-graphql-documents',
    enforce: 'pre',
    buildStart() {
      docs = null;
    },
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      docs ??= load();
      const table = docs;
      const out = code.replace(/\bgraphql\(\s*`([\s\S]*?)`\s*\)/g, (call, source: string) => {
        const op = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(source)?.[1];
        const fragment = /^\s*fragment\s+(\w+)\s+on\b/.exec(source)?.[1];
        const name = op ?? (fragment ? `fragment:${fragment}` : undefined);
        const doc = name ? table.get(name) : undefined;
        if (!doc) this.error(`No generated document for ${name ?? 'an operation'} in ${id}: run "npm run codegen -w @civicgrid/portal".`);
        return `(${doc})`;
      });
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [inlineGraphqlDocuments(), react(), tsconfigPaths({ projects: [`${root}/tsconfig.json`] })],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: {
    outDir: fileURLToPath(new URL('../../dist/portal', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'shell-vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] }],
        },
      },
    },
  },
});
