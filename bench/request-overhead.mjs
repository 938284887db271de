// Per-request overhead of each SDK over a raw `fetch` of the same URLs (the floor), straight against
// the local API. Rounds alternate raw / ours / official so machine noise hits all alike; the median
// of the per-round means is reported.
//
// BENCH_OVERHEAD_REQUESTS (default 200) requests per round, BENCH_OVERHEAD_ROUNDS (default 5) rounds.
import { startLocalApi, registerUser } from './lib/local-api.mjs';
import { importBothSdks } from './lib/sdk-snapshot.mjs';
import { median, ratio } from './lib/stats.mjs';

const REQUESTS = Number(process.env.BENCH_OVERHEAD_REQUESTS ?? 200);
const ROUNDS = Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 5);

// Small reads whose URLs both SDKs compile identically (checked below before measuring).
const QUERIES = [
  {
    resource: 'device_type',
    options: { $select: ['slug', 'name'], $filter: { slug: 'raspberrypi3' } },
  },
  { resource: 'application', options: { $select: ['id', 'app_name'], $orderby: 'app_name asc' } },
  { resource: 'organization', options: { $select: ['id', 'handle'] } },
];

const factories = await importBothSdks();
const api = await startLocalApi();
try {
  const user = await registerUser(api.url, 'overhead');
  const login = await fetch(`${api.url}/login_`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user.email, password: user.password }),
  });
  const token = await login.text();
  const sdks = {};
  for (const name of ['ours', 'official']) {
    sdks[name] = factories[name]({ apiUrl: api.url, dataDirectory: false, isBrowser: false });
    await sdks[name].auth.loginWithToken(token);
  }
  const urls = QUERIES.map((query) => `${api.url}/v7/${sdks.official.pine.compile(query)}`);
  QUERIES.forEach((query, index) => {
    const ours = `${api.url}/v7/${sdks.ours.pine.compile(query)}`;
    if (ours !== urls[index]) throw new Error(`URLs differ: ${ours} vs ${urls[index]}`);
  });

  const runners = {
    raw: async (index) => {
      const response = await fetch(urls[index], { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`raw ${response.status}`);
      return (await response.json()).d;
    },
    ours: (index) => sdks.ours.pine.get(QUERIES[index]),
    official: (index) => sdks.official.pine.get(QUERIES[index]),
  };
  const perRound = { raw: [], ours: [], official: [] };
  for (const run of Object.values(runners))
    for (let i = 0; i < 20; i++) await run(i % QUERIES.length);
  for (let round = 0; round < ROUNDS; round++) {
    const order = ['raw', 'ours', 'official'];
    // Rotate the order each round so no runner always follows the same one.
    for (const name of [...order.slice(round % 3), ...order.slice(0, round % 3)]) {
      const started = performance.now();
      for (let i = 0; i < REQUESTS; i++) await runners[name](i % QUERIES.length);
      perRound[name].push((performance.now() - started) / REQUESTS);
    }
  }
  const ms = Object.fromEntries(
    Object.entries(perRound).map(([name, values]) => [name, Number(median(values).toFixed(3))]),
  );
  const overhead = (name) => Number((((ms[name] - ms.raw) / ms.raw) * 100).toFixed(1));
  console.log(
    JSON.stringify(
      {
        requestsPerRound: REQUESTS,
        rounds: ROUNDS,
        urls: urls.map((url) => url.slice(api.url.length)),
        msPerRequest: ms,
        overheadPercent: { ours: overhead('ours'), official: overhead('official') },
        ratio: { msPerRequest: ratio(ms.ours, ms.official) },
        roundsMs: perRound,
      },
      null,
      2,
    ),
  );
} finally {
  await api.stop();
}
