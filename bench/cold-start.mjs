// Cold start of each SDK: a fresh Node process imports the package and calls getSdk().
// Runs alternate between the two SDKs so machine noise hits both alike; medians are reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, ratio } from './lib/stats.mjs';
import { oursDir } from './lib/sdk-snapshot.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const dataDirectory = mkdtempSync(path.join(os.tmpdir(), 'bench-cold-start-'));

const SDKS = {
  ours: pathToFileURL(path.join(oursDir(), 'dist/node/index.mjs')).href,
  official: 'official-balena-sdk',
};

// The child reports the time from just before the import to just after getSdk() returns, and the
// heap used after construction. Node's own start-up is outside the measured span.
// The child runs without `--expose-gc`: with a V8 flag on the command line (`--expose-gc`,
// `--max-old-space-size`) Node's ESM loader starts slower (importing an empty module: 2.9 ms
// without, 5.2 ms with, on Node 20 here), a cost that is not the SDK's and that ESM packages pay
// more than CommonJS ones. GC is exposed after the timed span, for the heap figure.
const childSource = (specifier) => `
const started = performance.now();
const { getSdk } = await import(${JSON.stringify(specifier)});
getSdk({ apiUrl: 'http://127.0.0.1:9/', dataDirectory: ${JSON.stringify(dataDirectory)} });
const ms = performance.now() - started;
const { setFlagsFromString } = await import('node:v8');
const { runInNewContext } = await import('node:vm');
setFlagsFromString('--expose-gc');
runInNewContext('gc')();
console.log(JSON.stringify({ ms, heapUsed: process.memoryUsage().heapUsed }));
`;

function runOnce(specifier) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', childSource(specifier)], {
    cwd: new URL('..', import.meta.url),
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`${specifier} failed: ${child.stderr}`);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...JSON.parse(child.stdout.trim().split('\n').pop()), wallMs };
}

const samples = { ours: [], official: [] };
for (let i = 0; i < RUNS; i++) {
  for (const [name, specifier] of Object.entries(SDKS)) samples[name].push(runOnce(specifier));
}

const summary = Object.fromEntries(
  Object.entries(samples).map(([name, runs]) => [
    name,
    {
      importAndGetSdkMs: Number(median(runs.map((r) => r.ms)).toFixed(1)),
      processWallMs: Number(median(runs.map((r) => r.wallMs)).toFixed(1)),
      heapUsedMB: Number((median(runs.map((r) => r.heapUsed)) / 2 ** 20).toFixed(2)),
    },
  ]),
);
summary.ratio = {
  importAndGetSdkMs: ratio(summary.ours.importAndGetSdkMs, summary.official.importAndGetSdkMs),
  processWallMs: ratio(summary.ours.processWallMs, summary.official.processWallMs),
  heapUsedMB: ratio(summary.ours.heapUsedMB, summary.official.heapUsedMB),
};
console.log(JSON.stringify({ runs: RUNS, node: process.version, ...summary }, null, 2));
