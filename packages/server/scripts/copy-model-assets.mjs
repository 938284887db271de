// Copies the non-TypeScript model files next to the compiled code (dist/model/).
import fs from 'node:fs';

fs.mkdirSync(new URL('../dist/model/', import.meta.url), { recursive: true });
fs.copyFileSync(
  new URL('../src/model/balena.sbvr', import.meta.url),
  new URL('../dist/model/balena.sbvr', import.meta.url),
);
