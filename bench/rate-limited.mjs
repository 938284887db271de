// Throttled and rate-limited behaviour: both SDKs behind a proxy that adds latency to every request
// and answers a fixed, seeded share of them with 429 + Retry-After. Both SDKs get the same settings,
// `retryRateLimitedRequests: true` (the official SDK does not retry 429s without it; neither does ours).
// Reports total time, requests seen by the server and calls lost (rejected with 429).
//
// BENCH_RL_CALLS (default 120) calls per SDK, BENCH_RL_SHARE (default 0.1), BENCH_RL_RETRY_AFTER
// (seconds, default 1), BENCH_RL_LATENCY_MS (default 20), BENCH_RL_CONCURRENCY (default 8).
import { startLocalApi, registerUser } from './lib/local-api.mjs';
import { startRecordingProxy } from './lib/recording-proxy.mjs';
import { mapWithConcurrency } from './lib/fleet-scenario.mjs';
import { importBothSdks } from './lib/sdk-snapshot.mjs';
import { median, ratio } from './lib/stats.mjs';

const CALLS = Number(process.env.BENCH_RL_CALLS ?? 120);
const SHARE = Number(process.env.BENCH_RL_SHARE ?? 0.1);
const RETRY_AFTER = Number(process.env.BENCH_RL_RETRY_AFTER ?? 1);
const LATENCY_MS = Number(process.env.BENCH_RL_LATENCY_MS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_RL_CONCURRENCY ?? 8);
const RUNS = Number(process.env.BENCH_RL_RUNS ?? 3);
const SDK_OPTIONS = { dataDirectory: false, isBrowser: false, retryRateLimitedRequests: true };

const factories = await importBothSdks();
const api = await startLocalApi();
const samples = { ours: [], official: [] };
try {
  const user = await registerUser(api.url, 'ratelimit');
  const setup = factories.ours({ apiUrl: api.url, ...SDK_OPTIONS });
  await setup.auth.login({ email: user.email, password: user.password });
  const fleet = await setup.models.application.create({
    name: 'rate-limited-fleet',
    deviceType: 'raspberrypi3',
    organization: user.username,
  });
  const order = (run) => (run % 2 === 0 ? ['ours', 'official'] : ['official', 'ours']);
  for (let run = 0; run < RUNS; run++)
    for (const name of order(run)) {
      // A new proxy per SDK with the same seed: both meet 429s on the same request numbers.
      const proxy = await startRecordingProxy({
        target: api.url,
        latencyMs: LATENCY_MS,
        rateLimit: { share: SHARE, retryAfterSeconds: RETRY_AFTER, seed: 42 },
      });
      try {
        const sdk = factories[name]({ apiUrl: proxy.url, ...SDK_OPTIONS });
        await sdk.auth.login({ email: user.email, password: user.password });
        proxy.resetCounters();
        const started = performance.now();
        // Every fourth call writes (an application tag), the rest read.
        const outcomes = await mapWithConcurrency(
          Array.from({ length: CALLS }, (_, index) => index),
          CONCURRENCY,
          (index) =>
            (index % 4 === 0
              ? sdk.models.application.tags.set(
                  fleet.id,
                  `key_${name}_${run}_${index}`,
                  `v${index}`,
                )
              : sdk.models.application.get(fleet.id, { $select: ['id', 'app_name'] })
            ).then(
              () => 'ok',
              (error) =>
                error?.statusCode === 429 || error?.code === 'BalenaTooManyRequests'
                  ? 'lost'
                  : `error: ${error?.message}`,
            ),
        );
        const wallMs = Math.round(performance.now() - started);
        const counters = proxy.counters();
        const failed = outcomes.filter((outcome) => outcome.startsWith('error'));
        const sample = {
          wallMs,
          calls: CALLS,
          lost: outcomes.filter((outcome) => outcome === 'lost').length,
          otherErrors: failed.length,
          firstError: failed[0],
          requestsAtServer: counters.requests,
          answered429: counters.rateLimited,
        };
        samples[name].push(sample);
        process.stderr.write(`rate-limited ${name}: ${JSON.stringify(sample)}\n`);
      } finally {
        await proxy.close();
      }
    }
} finally {
  await api.stop();
}
const summarize = (runs) => ({
  wallMs: median(runs.map((r) => r.wallMs)),
  calls: runs[0].calls,
  lost: runs.reduce((sum, r) => sum + r.lost, 0),
  otherErrors: runs.reduce((sum, r) => sum + r.otherErrors, 0),
  requestsAtServer: median(runs.map((r) => r.requestsAtServer)),
  answered429: median(runs.map((r) => r.answered429)),
  wallMsRuns: runs.map((r) => r.wallMs),
});
const results = { ours: summarize(samples.ours), official: summarize(samples.official) };
console.log(
  JSON.stringify(
    {
      runs: RUNS,
      settings: {
        ...SDK_OPTIONS,
        share: SHARE,
        retryAfterSeconds: RETRY_AFTER,
        latencyMs: LATENCY_MS,
        concurrency: CONCURRENCY,
      },
      ...results,
      ratio: { wallMs: ratio(results.ours.wallMs, results.official.wallMs) },
    },
    null,
    2,
  ),
);
