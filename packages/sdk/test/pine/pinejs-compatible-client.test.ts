// sdk.pine's pinejs-client-core members: transformGetResult and per-request retries compared with
// pinejs-client-core 8.5.40, the retry setting on clones, and getSdk against a loopback API.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSdk } from '../../src/index.js';
import { createClient } from '../../src/client.js';
import { isBalenaError } from '../../src/errors/index.js';
import {
  createPineClient,
  createPinejsCompatibleClient,
  type PinejsCompatibleClient,
  type RetryParameters,
} from '../../src/pine/index.js';
import { reply, startServer, type TestServer } from '../unit/helpers.js';
import { createOracle, type OracleRequest } from './oracle.js';
import { API_URL, PREFIX } from './recording-transport.js';

/** The oracle with its protected members made reachable. */
type Oracle = ReturnType<typeof createOracle> & {
  retry: RetryParameters;
  transformGetResult(params: object, data: unknown): unknown;
};

function outcomeOf(run: () => unknown): { value?: unknown; error?: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('transformGetResult, compared with pinejs-client-core', () => {
  const oracle = createOracle() as Oracle;
  const pine = createPinejsCompatibleClient({
    apiUrl: API_URL,
    apiVersion: 'v7',
    transport: () => Promise.resolve({ d: [] }),
  });
  // Works unbound, as pinejs-client-core's does (it does not use `this`).
  const { transformGetResult } = pine;

  it.each([
    ['a collection', { resource: 'device' }, { d: [{ id: 1 }, { id: 2 }] }],
    ['an empty collection', { resource: 'device' }, { d: [] }],
    ['one row by id', { resource: 'device', id: 1 }, { d: [{ id: 1 }] }],
    ['no row by natural key', { resource: 'device', id: { uuid: 'a' } }, { d: [] }],
    ['several rows by id', { resource: 'device', id: 1 }, { d: [{ id: 1 }, { id: 2 }] }],
    ['a $count', { resource: 'device', options: { $count: {} } }, { d: 4 }],
    ['no d', { resource: 'device' }, { value: [] }],
    ['d null', { resource: 'device' }, { d: null }],
    ['a string body', { resource: 'device' }, 'OK'],
    ['a null body', { resource: 'device' }, null],
  ])('%s', (_name, params, data) => {
    const expected = outcomeOf(() => oracle.transformGetResult(params, data));
    expect(outcomeOf(() => transformGetResult(params, data))).toEqual(expected);
  });

  it('agrees on random params and bodies', () => {
    const row = fc.dictionary(fc.constantFrom('id', 'uuid', 'note'), fc.jsonValue(), {
      maxKeys: 3,
    });
    const params = fc.record(
      {
        resource: fc.constant('device'),
        id: fc.oneof(
          fc.constant(undefined),
          fc.constant(null),
          fc.nat(),
          fc.record({ uuid: fc.string() }),
        ),
        options: fc.constantFrom(undefined, { $select: 'id' }, { $count: {} }),
      },
      { requiredKeys: ['resource'] },
    );
    const data = fc.oneof(
      fc.record({ d: fc.array(row, { maxLength: 3 }) }),
      fc.record({ d: fc.oneof(fc.nat(), fc.string(), fc.constant(null), fc.boolean()) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(params, data, (p, body) => {
        expect(outcomeOf(() => transformGetResult(p, body))).toEqual(
          outcomeOf(() => oracle.transformGetResult(p, body)),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('types the result from the query', () => {
    const typed = createPinejsCompatibleClient<{
      device: { Read: { id: number; uuid: string }; Write: { uuid: string } };
    }>({ apiUrl: API_URL, apiVersion: 'v7', transport: () => Promise.resolve({ d: [] }) });
    const one = typed.transformGetResult(
      { resource: 'device', id: 1, options: { $select: 'uuid' } },
      {
        d: [{ uuid: 'a' }],
      },
    );
    expect(one?.uuid).toBe('a');
    const count: number = typed.transformGetResult(
      { resource: 'device', options: { $count: {} } },
      { d: 2 },
    );
    expect(count).toBe(2);
  });
});

/** Failures of the first requests, then `{ d: [] }` (or `{ id: 1 }` for writes). */
function failingThen(failures: unknown[]) {
  const queue = [...failures];
  return (request: OracleRequest) => {
    const failure = queue.shift();
    if (failure !== undefined) {
      throw failure;
    }
    return request.method === 'GET' ? { d: [] } : { id: 1 };
  };
}

const busy = () => Object.assign(new Error('busy'), { statusCode: 503 });
const RETRY: RetryParameters = { minDelayMs: 10, maxDelayMs: 40, maxAttempts: 3 };

type Run = (client: PinejsCompatibleClient) => Promise<unknown>;

/** Runs the same calls on the oracle and on ours, under fake timers; returns both records. */
async function runBoth(run: Run, failures: () => unknown[], clientRetry: RetryParameters = false) {
  const oracle = createOracle(PREFIX) as Oracle;
  oracle.retry = clientRetry;
  oracle.respond = failingThen(failures());
  const respond = failingThen(failures());
  const sent: OracleRequest[] = [];
  const ours = createPinejsCompatibleClient({
    apiUrl: API_URL,
    apiVersion: 'v7',
    retry: clientRetry,
    transport: (request) => {
      sent.push({ method: request.method, url: request.url, body: request.body });
      return Promise.resolve().then(() => respond(request));
    },
  });
  const settle = async (client: unknown) => {
    const settled = run(client as PinejsCompatibleClient).then(
      (value) => ({ value }),
      (error: unknown) => ({ error: (error as Error).message }),
    );
    await vi.runAllTimersAsync();
    return settled;
  };
  const expected = { outcome: await settle(oracle), sent: oracle.sent };
  return { expected, actual: { outcome: await settle(ours), sent } };
}

describe('per-request retries, compared with pinejs-client-core', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // [name, call, requests sent: two failures and the success, plus the POST of getOrCreate]
  const calls: Array<[string, Run, number]> = [
    ['get', (c) => c.get({ resource: 'device', retry: RETRY }), 3],
    ['get by id', (c) => c.get({ resource: 'device', id: 1, retry: RETRY }), 3],
    ['get $count', (c) => c.get({ resource: 'device', options: { $count: {} }, retry: RETRY }), 3],
    ['post', (c) => c.post({ resource: 'device_tag', body: { tag_key: 'k' }, retry: RETRY }), 3],
    ['patch', (c) => c.patch({ resource: 'device', id: 1, body: { note: 'n' }, retry: RETRY }), 3],
    ['delete', (c) => c.delete({ resource: 'device', id: 1, retry: RETRY }), 3],
    ['request', (c) => c.request({ method: 'GET', url: 'device?$top=1', retry: RETRY }), 3],
    [
      'prepare',
      (c) => c.prepare({ resource: 'device', id: { '@': 'id' }, retry: RETRY })({ id: 1 }),
      3,
    ],
    [
      'getOrCreate',
      (c) => c.getOrCreate({ resource: 'tag', id: { name: 'x' }, body: {}, retry: RETRY }),
      4,
    ],
  ];

  it.each(calls)('%s retries failed requests the same way', async (_name, run, requests) => {
    vi.useFakeTimers();
    const { expected, actual } = await runBoth(run, () => [busy(), busy()]);
    expect(actual).toEqual(expected);
    expect(actual.sent).toHaveLength(requests);
  });

  it('sends each request once by default (no pine-level retries), like the official SDK', async () => {
    vi.useFakeTimers();
    const { expected, actual } = await runBoth(
      (c) => c.get({ resource: 'device' }),
      () => [busy()],
    );
    expect(actual).toEqual(expected);
    expect(actual).toEqual({ outcome: { error: 'busy' }, sent: [expect.anything()] });
  });

  it('retries every request of a client with a retry setting; `retry: false` opts a call out', async () => {
    vi.useFakeTimers();
    const retried = await runBoth(
      (c) => c.get({ resource: 'device' }),
      () => [busy()],
      RETRY,
    );
    expect(retried.actual).toEqual(retried.expected);
    expect(retried.actual.sent).toHaveLength(2);
    const optedOut = await runBoth(
      (c) => c.get({ resource: 'device', retry: false }),
      () => [busy()],
      RETRY,
    );
    expect(optedOut.actual).toEqual(optedOut.expected);
    expect(optedOut.actual.sent).toHaveLength(1);
  });
});

describe('the retry setting', () => {
  const transport = () => Promise.resolve({ d: [] });

  it('is false by default, kept by clones unless replaced, and reassignable', () => {
    const oracle = createOracle() as Oracle;
    const pine = createPinejsCompatibleClient({ apiUrl: API_URL, apiVersion: 'v7', transport });
    expect(pine.retry).toBe(oracle.retry);
    expect(pine.retry).toBe(false);

    pine.retry = RETRY;
    oracle.retry = RETRY;
    const kept = pine.clone({ passthrough: { anonymous: true } });
    expect(kept.retry).toBe((oracle.clone({}) as Oracle).retry);
    expect(kept.retry).toBe(RETRY);
    const replaced = pine.clone({ retry: false });
    expect(replaced.retry).toBe((oracle.clone({ retry: false }) as Oracle).retry);
    expect(replaced.retry).toBe(false);
    // A clone has the same members, and its own setting.
    expect(typeof replaced.callWithRetry).toBe('function');
    expect(pine.retry).toBe(RETRY);
  });

  it('is not part of the lean client that modular clients use', () => {
    const lean = createPineClient({ apiUrl: API_URL, apiVersion: 'v7', transport });
    expect('callWithRetry' in lean).toBe(false);
    const client = createClient({ apiUrl: API_URL, dataDirectory: false });
    expect('callWithRetry' in client.pine).toBe(false);
  });
});

describe('sdk.pine against a loopback API', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(statuses: number[]) {
    const queue = [...statuses];
    server = await startServer((_req, res) => {
      const status = queue.shift() ?? 200;
      reply(res, status, status === 200 ? { d: [{ id: 7 }] } : { error: 'unavailable' });
    });
    return getSdk({ apiUrl: server.url, dataDirectory: false });
  }

  it('sends a failing request once by default; the default predicate accepts its 503', async () => {
    const sdk = await serve([503]);
    const error: unknown = await sdk.pine.get({ resource: 'device' }).catch((e: unknown) => e);
    expect(isBalenaError(error, 'BalenaRequestError')).toBe(true);
    expect(server?.requests).toHaveLength(1);
    expect(sdk.pine.canRetryDefaultHandler(error)).toBe(true);
  });

  it('retries a 503 when the call asks for it, and not a 404', async () => {
    const sdk = await serve([503, 200]);
    const retry = { minDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 };
    expect(await sdk.pine.get({ resource: 'device', retry })).toEqual([{ id: 7 }]);
    expect(server?.requests.map((request) => request.url)).toEqual(['/v7/device', '/v7/device']);

    await server?.close();
    const notFound = await serve([404]);
    const error: unknown = await notFound.pine
      .get({ resource: 'device', retry })
      .catch((e: unknown) => e);
    expect(isBalenaError(error, 'BalenaRequestError')).toBe(true);
    expect(server?.requests).toHaveLength(1);
  });

  it('callWithRetry retries any call, e.g. a model method', async () => {
    const sdk = await serve([503, 503, 200]);
    const onRetry = vi.fn();
    const rows = await sdk.pine.callWithRetry(() => sdk.pine.get({ resource: 'device' }), {
      minDelayMs: 1,
      maxDelayMs: 2,
      maxAttempts: 3,
      onRetry,
    });
    expect(rows).toEqual([{ id: 7 }]);
    expect(onRetry.mock.calls.map(([, delayMs, attempt]: unknown[]) => [delayMs, attempt])).toEqual(
      [
        [1, 2],
        [2, 3],
      ],
    );
  });
});
