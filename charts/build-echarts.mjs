// Builds charts/assets/echarts.min.js from charts/echarts-entry.js with
// esbuild: one minified IIFE that defines window.echarts, which go:embed
// puts into the binary (see charts/assets.go). Run by `make assets` after
// `npm ci`; the output is git-ignored.
import { build } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'assets', 'echarts.min.js');
const version = JSON.parse(
  readFileSync(join(here, '..', 'node_modules', 'echarts', 'package.json'), 'utf8'),
).version;

await build({
  entryPoints: [join(here, 'echarts-entry.js')],
  outfile: out,
  bundle: true,
  minify: true,
  format: 'iife',
  // Intranet desktops often run older Chromium-based browsers.
  target: ['es2017'],
  // Strips ECharts' development warnings and their help links.
  define: { 'process.env.NODE_ENV': '"production"' },
  // The licences travel with the file that is forwarded (Apache-2.0 for
  // ECharts, BSD-3-Clause for ZRender, 0BSD for tslib).
  banner: {
    js: `/*! Apache ECharts ${version} (Apache License 2.0), ZRender (BSD 3-Clause), tslib (0BSD); tree-shaken build for shaipin */`,
  },
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
});

const raw = readFileSync(out);
const kb = (n) => (n / 1024).toFixed(0) + ' KB';
console.log(`${out}: ${kb(statSync(out).size)} (gzip ${kb(gzipSync(raw, { level: 9 }).length)})`);
