import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tsconfigPaths from 'vite-tsconfig-paths';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = `http://127.0.0.1:${process.env.API_PORT || 3000}`;
const port = Number(process.env.PORTAL_PORT || 4200);
// The portal always calls the relative /graphql; the dev server and `vite preview` forward it.
const proxy = { '/graphql': { target: apiTarget, changeOrigin: false, ws: true } };

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [react(), tsconfigPaths({ projects: [`${root}/tsconfig.json`] })],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: {
    outDir: fileURLToPath(new URL('../../dist/portal', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
});
