// Browser bundle sizes in one run: raw, gzip (level 9) and brotli (quality 11) of our UMD bundle,
// the browser ESM build as one bundled file, the modular app (auth + models.device.get), and the
// official SDK's UMD bundle. Run `npm run build` first.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sdkDir = path.join(root, 'packages/sdk');

async function bundle(entry) {
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
  });
  return built.outputFiles[0].contents;
}

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

const rows = {
  'balena-browser.min.js (UMD, every namespace)': await readFile(
    path.join(sdkDir, 'dist/balena-browser.min.js'),
  ),
  'browser ESM build, getSdk() bundled by esbuild --minify': await bundle(
    path.join(sdkDir, 'dist/browser/index.js'),
  ),
  'modular app: auth + models.device.get (esbuild --minify)': await bundle(
    path.join(sdkDir, 'test/packaging/fixtures/modular-app.js'),
  ),
  'official balena-sdk 23.2.15 es2017/balena-browser.min.js': await readFile(
    path.join(root, 'node_modules/official-balena-sdk/es2017/balena-browser.min.js'),
  ),
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('| bundle | raw | gzip | brotli |');
console.log('|---|---:|---:|---:|');
for (const [name, bytes] of Object.entries(rows)) {
  const { raw, gzip, brotli } = sizes(bytes);
  console.log(`| ${name} | ${kb(raw)} | ${kb(gzip)} | ${kb(brotli)} |`);
}
