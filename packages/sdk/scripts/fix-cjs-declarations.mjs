// Post-build: tsdown's CommonJS declaration stubs (`dts.cjsReexport`, which keep one copy of the
// large declarations) re-export the ESM declarations as types only, hiding every value (`getSdk`,
// the error classes). Rewrite them as plain re-exports.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const nodeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/node');

for (const file of await readdir(nodeDir, { recursive: true })) {
  if (!file.endsWith('.d.cts')) continue;
  const full = path.join(nodeDir, file);
  const stub = await readFile(full, 'utf8');
  await writeFile(
    full,
    // `export *` leaves out the default export (`import balena from 'balena-sdk'`): name it too.
    stub.replace(/export type \* from '(.+)\.d\.mts'/g, "export * from '$1.mjs'") +
      (file === 'index.d.cts' ? "\nexport { default } from './index.mjs'\n" : ''),
  );
}
