#!/usr/bin/env node
// Measures the JavaScript the first page (the shift board, in zh-CN) loads, gzipped, from
// the Vite manifest in dist/portal: the entry with its static imports, plus the chunks the
// app awaits before it paints (the board route, the zh-CN messages, antd's and dayjs's zh-CN).
// Usage: node apps/portal/scripts/first-load-size.mjs [--max-kb 300]
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const dist = fileURLToPath(new URL('../../../dist/portal/', import.meta.url));
const manifestPath = path.join(dist, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}; run "npm run build -w @civicgrid/portal" first.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const maxArg = process.argv.indexOf('--max-kb');
const maxKb = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 300;

const FIRST_PAGE = ['src/app/routes/board.tsx', 'src/locales/zh-CN.json'];
const FIRST_PAGE_PATTERNS = [/antd\/((es|lib)\/)?locale\/zh_CN/, /dayjs\/locale\/zh-cn/];

const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
if (!entry) throw new Error('no entry chunk in the manifest');
const roots = [entry[0], ...FIRST_PAGE];
for (const key of Object.keys(manifest)) if (FIRST_PAGE_PATTERNS.some((re) => re.test(key))) roots.push(key);

const seen = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`chunk ${key} is not in the manifest`);
  if (seen.has(chunk.file)) return;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
roots.forEach(visit);

let raw = 0;
let gz = 0;
const rows = [];
for (const file of seen) {
  if (!file.endsWith('.js')) continue;
  const buf = readFileSync(path.join(dist, file));
  const g = gzipSync(buf).length;
  raw += buf.length;
  gz += g;
  rows.push([file, buf.length, g]);
}
rows.sort((a, b) => b[2] - a[2]);
for (const [file, r, g] of rows) console.log(`${(g / 1024).toFixed(1).padStart(8)} kB gz  ${(r / 1024).toFixed(1).padStart(8)} kB  ${file}`);
const kb = gz / 1024;
console.log(`First-load JS (shift board, zh-CN): ${kb.toFixed(1)} kB gzipped (${(raw / 1024).toFixed(1)} kB raw) in ${rows.length} files; budget ${maxKb} kB`);
process.exit(kb <= maxKb ? 0 : 1);
