// Fleet scenario, this SDK and the official one alternating on one local API behind a counting proxy:
// wall time, HTTP requests and bytes as the server sees them, and the wire diff of the two recordings.
//
// BENCH_DEVICES (default 200) devices per run, BENCH_FLEET_RUNS (default 3) runs per SDK,
// BENCH_CONCURRENCY (default 4) calls in flight in the per-device steps, BENCH_FLEET_WARMUP_DEVICES
// (default 20) devices in the unmeasured warm-up run of each SDK.
import { startLocalApi, registerUser } from './lib/local-api.mjs';
import { startRecordingProxy } from './lib/recording-proxy.mjs';
import { runFleetScenario } from './lib/fleet-scenario.mjs';
import { compareRecordings } from './lib/wire-compare.mjs';
import { importBothSdks } from './lib/sdk-snapshot.mjs';
import { median, ratio } from './lib/stats.mjs';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 200);
const RUNS = Number(process.env.BENCH_FLEET_RUNS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WARMUP_DEVICES = Number(process.env.BENCH_FLEET_WARMUP_DEVICES ?? 20);

const factories = await importBothSdks();
const api = await startLocalApi();
const proxy = await startRecordingProxy({ target: api.url });
const samples = { ours: [], official: [] };
const firstRuns = {};
try {
  const user = await registerUser(api.url, 'bench');
  // One unmeasured small run per SDK first: the API's first requests (JIT, query compilation, caches)
  // would otherwise land on whichever SDK runs first.
  for (const name of ['ours', 'official']) {
    await runFleetScenario(
      factories[name]({ apiUrl: proxy.url, dataDirectory: false, isBrowser: false }),
      {
        credentials: { email: user.email, password: user.password },
        organization: user.username,
        fleetName: `bench-warmup-${name}`,
        deviceCount: WARMUP_DEVICES,
        concurrency: CONCURRENCY,
        mark: () => {},
      },
    );
  }
  for (let run = 0; run < RUNS; run++) {
    // Alternate which SDK goes first, so a warmer server does not always favour the same one.
    const order = run % 2 === 0 ? ['ours', 'official'] : ['official', 'ours'];
    for (const name of order) {
      const sdk = factories[name]({ apiUrl: proxy.url, dataDirectory: false, isBrowser: false });
      proxy.resetCounters();
      proxy.takeRecording();
      const stepMs = {};
      let current = { step: '', at: performance.now() };
      const mark = (step) => {
        const now = performance.now();
        if (current.step) stepMs[current.step] = Math.round(now - current.at);
        current = { step, at: now };
        proxy.mark(step);
      };
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const result = await runFleetScenario(sdk, {
        credentials: { email: user.email, password: user.password },
        organization: user.username,
        fleetName: `bench-${name}-${run}`,
        deviceCount: DEVICES,
        concurrency: CONCURRENCY,
        mark,
      });
      const wallMs = performance.now() - started;
      // CPU of this process: the SDK plus the proxy (the proxy's share is the same for both SDKs).
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const counters = proxy.counters();
      const recording = proxy.takeRecording();
      if (result.readBackCount !== DEVICES) {
        throw new Error(`${name} read back ${result.readBackCount} devices, expected ${DEVICES}`);
      }
      samples[name].push({
        wallMs,
        cpuMs,
        stepMs,
        ...counters,
        fleetDeleteError: result.fleetDeleteError,
      });
      firstRuns[name] ??= { recording, result };
      process.stderr.write(
        `fleet ${name} run ${run + 1}/${RUNS}: ${wallMs.toFixed(0)} ms, ${counters.requests} requests\n`,
      );
    }
  }
} finally {
  await proxy.close();
  await api.stop();
}

const summarize = (runs) => ({
  wallMs: Math.round(median(runs.map((r) => r.wallMs))),
  requests: median(runs.map((r) => r.requests)),
  requestBytes: median(runs.map((r) => r.requestBytes)),
  responseBytes: median(runs.map((r) => r.responseBytes)),
  wallMsRuns: runs.map((r) => Math.round(r.wallMs)),
  clientCpuMs: Math.round(median(runs.map((r) => r.cpuMs))),
  stepMs: Object.fromEntries(
    Object.keys(runs[0].stepMs).map((step) => [step, median(runs.map((r) => r.stepMs[step]))]),
  ),
});
const ours = summarize(samples.ours);
const official = summarize(samples.official);
const wire = compareRecordings(firstRuns.ours, firstRuns.official);
console.log(
  JSON.stringify(
    {
      devices: DEVICES,
      runs: RUNS,
      concurrency: CONCURRENCY,
      warmupDevices: WARMUP_DEVICES,
      ours,
      official,
      ratio: {
        wallMs: ratio(ours.wallMs, official.wallMs),
        clientCpuMs: ratio(ours.clientCpuMs, official.clientCpuMs),
        requests: ratio(ours.requests, official.requests),
        bytes: ratio(
          ours.requestBytes + ours.responseBytes,
          official.requestBytes + official.responseBytes,
        ),
      },
      fleetDeleteError: samples.ours[0]?.fleetDeleteError ?? null,
      wire,
    },
    null,
    2,
  ),
);
