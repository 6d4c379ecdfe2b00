import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tsconfigPaths from 'vite-tsconfig-paths';
import { preloadLanguageScript } from './src/lib/i18n/preload-script';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = `http://127.0.0.1:${process.env.API_PORT || 3000}`;
const port = Number(process.env.PORTAL_PORT || 4200);
// The portal always calls the relative /graphql (and /api/… downloads such as certificate
// PDFs); the dev server and `vite preview` forward them.
const proxy = { '/graphql': { target: apiTarget, changeOrigin: false, ws: true }, '/api': { target: apiTarget, changeOrigin: false } };

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

/**
 * Ant Design's rc-component and styling packages declare no `sideEffects` in package.json,
 * so importing one name from a package index (antd's Select takes `FormProvider` from
 * @rc-component/form, Cascader takes `conductCheck` from @rc-component/tree) keeps the whole
 * package. Their modules only define components and helpers, so unused ones can go.
 */
const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/](@rc-component[\\/]|@ant-design[\\/](colors|cssinjs|cssinjs-utils|fast-color)[\\/])/;

/**
 * The portal's own modules and the shared contracts only define things (the one import for
 * its effect is main.tsx's stylesheet). Without saying so, importing one name from a barrel
 * such as lib/ui runs every module it re-exports, so the first page would carry the date
 * picker, the region cascader and the confirmation dialog that only other pages use.
 */
const OWN_SIDE_EFFECT_FREE = /[\\/](apps[\\/]portal[\\/]src|libs[\\/]shared[\\/][^\\/]+[\\/]src)[\\/].*\.(tsx?|json)$/;

/**
 * antd's form context (which Select, Input and Button read) takes only `FormProvider` from
 * @rc-component/form, but from its index, whose `RefForm.FormProvider = …` assignments keep
 * the whole form engine and its validator in every page. Importing the module that defines
 * it leaves the engine to the pages with a form.
 */
function antdFormContextOnly(): Plugin {
  return {
    name: 'civicgrid-antd-form-context-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/.test(id)) return null;
      const out = code.replace("import { FormProvider as RcFormProvider } from '@rc-component/form';", "import { FormProvider as RcFormProvider } from '@rc-component/form/es/FormContext';");
      if (out === code) this.error('antd/es/form/context.js no longer imports FormProvider as expected: review this plugin.');
      return { code: out, map: null };
    },
  };
}

/**
 * The chunks the first page awaits after the entry has run: the board, and the language's
 * messages and antd and dayjs locales. Announced in index.html, they download beside the
 * entry instead of after it: the board's as links, the language's by a small inline script
 * that picks the language as the app will (see lib/i18n/preload-script.ts).
 */
const FIRST_PAGE = [/\/src\/app\/routes\/board\.tsx$/];
const LANGUAGE_CHUNKS = {
  en: [/\/src\/locales\/en\.json$/, /\/antd\/locale\/en_US\.js$/],
  'zh-CN': [/\/src\/locales\/zh-CN\.json$/, /\/antd\/locale\/zh_CN\.js$/, /\/dayjs\/locale\/zh-cn\.js$/],
  'zh-TW': [/\/src\/locales\/zh-TW\.json$/, /\/antd\/locale\/zh_TW\.js$/, /\/dayjs\/locale\/zh-tw\.js$/],
};

function preloadFirstPage(): Plugin {
  let base = '/';
  return {
    name: 'civicgrid-preload-first-page',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const closure = (patterns: RegExp[]) => {
          const files = new Set<string>();
          const visit = (file: string) => {
            const chunk = bundle[file];
            if (files.has(file) || !chunk || chunk.type !== 'chunk') return;
            files.add(file);
            chunk.imports.forEach(visit);
          };
          for (const re of patterns) {
            const chunk = chunks.find((c) => c.facadeModuleId && re.test(c.facadeModuleId));
            if (!chunk) this.error(`no chunk for ${re} to preload: is it still the first page?`);
            visit(chunk.fileName);
          }
          return [...files].filter((file) => !html.includes(`${base}${file}`));
        };
        const board = closure(FIRST_PAGE);
        const language = Object.fromEntries(
          Object.entries(LANGUAGE_CHUNKS).map(([locale, patterns]) => [locale, closure(patterns).filter((f) => !board.includes(f)).map((f) => `${base}${f}`)]),
        ) as Record<keyof typeof LANGUAGE_CHUNKS, string[]>;
        return [
          ...board.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const })),
          { tag: 'script', children: preloadLanguageScript(language), injectTo: 'head' as const },
        ];
      },
    },
  };
}

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [inlineGraphqlDocuments(), antdFormContextOnly(), preloadFirstPage(), react(), tsconfigPaths({ projects: [`${root}/tsconfig.json`] })],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: {
    outDir: fileURLToPath(new URL('../../dist/portal', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      treeshake: {
        moduleSideEffects: [
          { test: SIDE_EFFECT_FREE, sideEffects: false },
          { test: OWN_SIDE_EFFECT_FREE, sideEffects: false },
        ],
      },
      output: {
        codeSplitting: {
          groups: [{ name: 'shell-vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'] }],
        },
      },
    },
  },
});
