// Browser bundle sizes of the two SDKs' UMD builds: raw, gzip (level 9) and brotli (quality 11).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ratio } from './stats.mjs';

const OFFICIAL_UMD = new URL(
  '../../node_modules/official-balena-sdk/es2017/balena-browser.min.js',
  import.meta.url,
).pathname;

function sizesOf(file) {
  const bytes = readFileSync(file);
  return {
    rawBytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    brotliBytes: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      .length,
  };
}

/**
 * Measures both UMD bundles.
 * @param oursPackageDir - our SDK package folder (holding `dist/balena-browser.min.js`).
 * @returns `{ ours, official, ratio }` with raw, gzip and brotli bytes.
 * @throws when a bundle file is missing.
 * @example
 * measureBundles(oursDir());
 */
export function measureBundles(oursPackageDir) {
  const ours = sizesOf(path.join(oursPackageDir, 'dist/balena-browser.min.js'));
  const official = sizesOf(OFFICIAL_UMD);
  return {
    ours,
    official,
    ratio: {
      gzipBytes: ratio(ours.gzipBytes, official.gzipBytes),
      brotliBytes: ratio(ours.brotliBytes, official.brotliBytes),
    },
  };
}
