// Copies the built SDK (`packages/sdk/dist` + package.json) to a private folder, so a rebuild of the
// workspace while the bench runs cannot change or remove the code being measured.
import { cpSync, existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SDK_DIR = new URL('../../packages/sdk/', import.meta.url).pathname;
const REQUIRED = ['dist/node/index.mjs', 'dist/node/index.cjs', 'dist/balena-browser.min.js'];

/**
 * Snapshots the built SDK as `<tmp>/node_modules/balena-sdk`.
 * @returns the snapshot's package folder.
 * @throws when the SDK is not built (run `npm run build`).
 * @example
 * const dir = snapshotBuiltSdk(); // then import(path.join(dir, 'dist/node/index.mjs'))
 */
export function snapshotBuiltSdk() {
  for (const file of REQUIRED) {
    if (!existsSync(path.join(SDK_DIR, file))) {
      throw new Error(`${file} is missing: run \`npm run build\` first`);
    }
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-sdk-'));
  const target = path.join(root, 'node_modules', 'balena-sdk');
  mkdirSync(target, { recursive: true });
  cpSync(path.join(SDK_DIR, 'package.json'), path.join(target, 'package.json'));
  cpSync(path.join(SDK_DIR, 'dist'), path.join(target, 'dist'), { recursive: true });
  return target;
}

/**
 * The folder of our SDK for this bench process: `BENCH_OURS_DIR` (set by `bench/run.mjs`) or the workspace package.
 * @returns an absolute folder holding `package.json` and `dist/`.
 * @example
 * const { getSdk } = await import(`${oursDir()}/dist/node/index.mjs`);
 */
export function oursDir() {
  return process.env.BENCH_OURS_DIR ?? SDK_DIR;
}

/**
 * Imports both SDKs' `getSdk`.
 * @returns `{ ours, official }` factories.
 * @throws when our SDK is not built.
 * @example
 * const { ours, official } = await importBothSdks();
 */
export async function importBothSdks() {
  const oursModule = await import(path.join(oursDir(), 'dist/node/index.mjs'));
  const officialModule = await import('official-balena-sdk');
  return { ours: oursModule.getSdk, official: officialModule.getSdk };
}
