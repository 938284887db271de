// `npm run bench`: every benchmark of this SDK against the official balena-sdk, in one run.
// Results go to bench/results/latest.json, the table to docs/benchmarks.md, the chart to docs/benchmarks.svg.
//
// BENCH_ONLY=coldStart,install,bundles,fleet,overhead,rateLimited,osDownload,logs runs a subset (the
// other parts keep their previous results). Repetitions: BENCH_RUNS (cold start), BENCH_OS_RUNS,
// BENCH_FLEET_RUNS, BENCH_DEVICES, BENCH_OVERHEAD_ROUNDS, BENCH_RL_RUNS; see each script.
// `osDownload` and `logs` measure this SDK against raw `fetch` (the floor), not against the official SDK.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { snapshotBuiltSdk } from './lib/sdk-snapshot.mjs';
import { snapshotBuiltApi } from './lib/local-api.mjs';
import { measureBundles } from './lib/bundle-sizes.mjs';
import { writeReport } from './lib/report.mjs';

const SCRIPTS = {
  coldStart: 'cold-start.mjs',
  install: 'install-footprint.mjs',
  fleet: 'fleet.mjs',
  overhead: 'request-overhead.mjs',
  rateLimited: 'rate-limited.mjs',
  osDownload: 'os-download.mjs',
  logs: 'logs.mjs',
};
const ALL = [
  'coldStart',
  'install',
  'bundles',
  'fleet',
  'overhead',
  'rateLimited',
  'osDownload',
  'logs',
];
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim()) ?? ALL;
const resultsFile = new URL('./results/latest.json', import.meta.url).pathname;

// BENCH_OURS_DIR reuses an SDK snapshot and BENCH_KEEP_API_SNAPSHOT=1 the API copy in bench/.snapshot
// (useful while the workspace is being rebuilt by someone else).
const oursDir = process.env.BENCH_OURS_DIR ?? snapshotBuiltSdk();
if (process.env.BENCH_KEEP_API_SNAPSHOT !== '1') snapshotBuiltApi();
const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
const results = { ...previous };
const startedAt = Date.now();

for (const part of ALL.filter((name) => only.includes(name))) {
  const partStarted = Date.now();
  process.stderr.write(`bench: ${part}...\n`);
  if (part === 'bundles') {
    results.bundles = measureBundles(oursDir);
  } else {
    // The OS download bench samples memory after a forced GC.
    const flags = part === 'osDownload' ? ['--expose-gc'] : [];
    const child = spawnSync(
      process.execPath,
      [...flags, new URL(SCRIPTS[part], import.meta.url).pathname],
      {
        env: { ...process.env, BENCH_OURS_DIR: oursDir },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (child.status !== 0) throw new Error(`${SCRIPTS[part]} failed with ${child.status}`);
    results[part] = JSON.parse(child.stdout);
  }
  results[part].measuredAt = new Date().toISOString();
  process.stderr.write(`bench: ${part} took ${((Date.now() - partStarted) / 1000).toFixed(0)} s\n`);
}

results.machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadAverageAtEnd: os.loadavg().map((load) => Number(load.toFixed(2))),
};
results.officialSdk = 'balena-sdk@23.2.15 (root devDependency official-balena-sdk)';
results.lastRun = {
  at: new Date().toISOString(),
  parts: only,
  seconds: Math.round((Date.now() - startedAt) / 1000),
};
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
await writeReport(results);
console.log(
  `bench: results in bench/results/latest.json, table in docs/benchmarks.md (${results.lastRun.seconds} s)`,
);
