// Pine-level retries (`callWithRetry`, `canRetryDefaultHandler`) against pinejs-client-core 8.5.40:
// the same settings and failures must give the same calls, at the same (fake) times, the same
// onRetry arguments and the same outcome.
import fc from 'fast-check';
import { StatusError } from 'pinejs-client-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinejsCompatibleClient, type RetryParameters } from '../../src/pine/index.js';
import { canRetryDefaultHandler } from '../../src/pine/retry.js';
import { createOracle } from './oracle.js';
import { API_URL } from './recording-transport.js';

/** The oracle's retry members (protected or private in its typings). */
interface RetryMembers {
  retry: RetryParameters;
  callWithRetry<T>(fnCall: () => Promise<T>, retry?: RetryParameters): Promise<T>;
  canRetryDefaultHandler(err: unknown): boolean;
}

/** Retry settings as data; `materialize` turns them into parameters whose callbacks log. */
interface RetrySpec {
  minDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  logRetries?: boolean;
  canRetry?: 'always' | 'never' | 'only-503';
  readRetryAfter?: boolean;
}

type Failure = Error & { statusCode?: number; retryAfter?: string };

/** `['call', msSinceStart]` or `['onRetry', failureIndex, delayMs, attempt, maxAttempts]`. */
type LogEntry = [kind: 'call' | 'onRetry', ...details: number[]];

function materialize(spec: RetrySpec | false | undefined, log: LogEntry[], failures: Failure[]) {
  if (spec === false || spec === undefined) {
    return spec;
  }
  const { logRetries, canRetry, readRetryAfter, ...numbers } = spec;
  const retry: RetryParameters = { ...numbers };
  if (logRetries) {
    retry.onRetry = (prevErr, delayMs, attempt, maxAttempts) =>
      log.push(['onRetry', failures.indexOf(prevErr as Failure), delayMs, attempt, maxAttempts]);
  }
  if (canRetry !== undefined) {
    retry.canRetry = (err) =>
      canRetry === 'always' || (canRetry === 'only-503' && (err as Failure).statusCode === 503);
  }
  if (readRetryAfter) {
    retry.getRetryAfterHeader = (err) => (err as Failure).retryAfter;
  }
  return retry;
}

function makeFailure(statusCode?: number, retryAfter?: string): Failure {
  return Object.assign(new Error(`failed with ${statusCode}`), { statusCode, retryAfter });
}

interface Trial {
  clientRetry: RetrySpec | false;
  callRetry?: RetrySpec | false;
  failures: Failure[];
  signal?: AbortSignal;
}

/** Runs a trial on one client under fake timers; the log holds every call and onRetry with times. */
async function runTrial(
  create: (retry: RetryParameters) => RetryMembers,
  trial: Trial,
): Promise<{ outcome: unknown; log: LogEntry[] }> {
  const log: LogEntry[] = [];
  const client = create(materialize(trial.clientRetry, log, trial.failures) ?? false);
  const start = Date.now();
  let calls = 0;
  const fnCall = async () => {
    log.push(['call', Date.now() - start]);
    const failure = trial.failures[calls++];
    if (failure !== undefined) {
      throw failure;
    }
    return 'done';
  };
  const callRetry = materialize(trial.callRetry, log, trial.failures);
  const settled = client.callWithRetry(fnCall, callRetry).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return { outcome: await settled, log };
}

const createOracleMembers = (retry: RetryParameters): RetryMembers => {
  const oracle = createOracle() as unknown as RetryMembers;
  oracle.retry = retry;
  return oracle;
};

const createOurs = (retry: RetryParameters) =>
  createPinejsCompatibleClient({
    apiUrl: API_URL,
    apiVersion: 'v7',
    transport: () => Promise.resolve({ d: [] }),
    retry,
  });

async function expectSameAsOracle(trial: Trial) {
  const expected = await runTrial(createOracleMembers, trial);
  expect(await runTrial(createOurs, trial)).toEqual(expected);
  return expected;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const BACKOFF: RetrySpec = { minDelayMs: 100, maxDelayMs: 300, maxAttempts: 5, logRetries: true };

describe('callWithRetry, compared with pinejs-client-core', () => {
  it('calls once and passes the failure on when retries are off (the default)', async () => {
    const failure = makeFailure(503);
    const { outcome, log } = await expectSameAsOracle({ clientRetry: false, failures: [failure] });
    expect(outcome).toEqual({ error: failure });
    expect(log).toEqual([['call', 0]]);
  });

  it('doubles the wait from minDelayMs up to maxDelayMs and stops after maxAttempts', async () => {
    const failures = [503, 500, 429, 502, 504].map((status) => makeFailure(status));
    const { outcome, log } = await expectSameAsOracle({ clientRetry: BACKOFF, failures });
    expect(outcome).toEqual({ error: failures[4] });
    expect(log).toEqual([
      ['call', 0],
      ['onRetry', 0, 100, 2, 5],
      ['call', 100],
      ['onRetry', 1, 200, 3, 5],
      ['call', 300],
      ['onRetry', 2, 300, 4, 5],
      ['call', 600],
      ['onRetry', 3, 300, 5, 5],
      ['call', 900],
    ]);
  });

  it('resolves with the first success', async () => {
    const failures = [makeFailure(undefined), makeFailure(503)];
    const { outcome, log } = await expectSameAsOracle({ clientRetry: BACKOFF, failures });
    expect(outcome).toEqual({ value: 'done' });
    expect(log.filter(([kind]) => kind === 'call')).toHaveLength(3);
  });

  it('does not retry client errors with the default predicate', async () => {
    const failure = makeFailure(404);
    const { log } = await expectSameAsOracle({ clientRetry: BACKOFF, failures: [failure] });
    expect(log).toEqual([['call', 0]]);
  });

  it('waits for a Retry-After longer than the backoff', async () => {
    const failures = [makeFailure(429, '2'), makeFailure(429, '0')];
    const { log } = await expectSameAsOracle({
      clientRetry: { ...BACKOFF, readRetryAfter: true },
      failures,
    });
    expect(log).toEqual([
      ['call', 0],
      ['onRetry', 0, 2000, 2, 5],
      ['call', 2000],
      ['onRetry', 1, 200, 3, 5],
      ['call', 2200],
    ]);
  });

  it('merges per-call overrides field by field, and `false` turns retries off for one call', async () => {
    const failures = [makeFailure(503), makeFailure(503)];
    const merged = await expectSameAsOracle({
      clientRetry: BACKOFF,
      callRetry: { maxAttempts: 2, minDelayMs: 50 },
      failures,
    });
    expect(merged.log).toEqual([
      ['call', 0],
      ['onRetry', 0, 50, 2, 2],
      ['call', 50],
    ]);
    const off = await expectSameAsOracle({ clientRetry: BACKOFF, callRetry: false, failures });
    expect(off.log).toEqual([['call', 0]]);
    const onForOneCall = await expectSameAsOracle({
      clientRetry: false,
      callRetry: BACKOFF,
      failures,
    });
    expect(onForOneCall.outcome).toEqual({ value: 'done' });
  });

  it.each([
    [{ maxDelayMs: 10, maxAttempts: 2 }],
    [{ minDelayMs: 0, maxDelayMs: 10, maxAttempts: 2 }],
    [{ minDelayMs: 1, maxAttempts: 2 }],
    [{ minDelayMs: 1, maxDelayMs: -1, maxAttempts: 2 }],
    [{ minDelayMs: 1, maxDelayMs: 10 }],
    [{ minDelayMs: 1, maxDelayMs: 10, maxAttempts: 0 }],
    [{ minDelayMs: 20, maxDelayMs: 10, maxAttempts: 2 }],
  ])('rejects the invalid setting %j before calling, with the same message', async (spec) => {
    const { outcome, log } = await expectSameAsOracle({ clientRetry: spec, failures: [] });
    expect((outcome as { error: Error }).error.message).toMatch(/^pinejs-client /);
    expect(log).toEqual([]);
  });

  it('gives the same calls, times, onRetry arguments and outcome for random settings and failures', async () => {
    // Mostly valid numbers, so that retries happen; sometimes missing or not positive.
    const mostly = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof(
        { weight: 10, arbitrary: valid },
        { weight: 1, arbitrary: fc.constantFrom(undefined, 0, -1) },
      );
    const spec: fc.Arbitrary<RetrySpec> = fc.record(
      {
        minDelayMs: mostly(fc.constantFrom(1, 7, 100, 250)),
        maxDelayMs: mostly(fc.constantFrom(50, 300, 1000, 4000)),
        maxAttempts: mostly(fc.integer({ min: 1, max: 5 })),
        logRetries: fc.boolean(),
        canRetry: fc.constantFrom('always', 'never', 'only-503'),
        readRetryAfter: fc.boolean(),
      },
      { requiredKeys: ['minDelayMs', 'maxDelayMs', 'maxAttempts', 'logRetries'] },
    );
    const failure = fc
      .tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(undefined, 429, 500, 503, 599) },
          { weight: 1, arbitrary: fc.constantFrom(400, 404, 409, 600) },
        ),
        fc.option(fc.constantFrom('0', '1', '3', '-1', '2.5', 'soon'), { nil: undefined }),
      )
      .map(([status, retryAfter]) => makeFailure(status, retryAfter));
    const trial = fc.record({
      clientRetry: fc.oneof(fc.constant(false as const), spec),
      callRetry: fc.oneof(fc.constant(undefined), fc.constant(false as const), spec),
      failures: fc.array(failure, { minLength: 1, maxLength: 6 }),
    });
    const outcomes = { retried: 0, succeeded: 0, invalid: 0 };
    await fc.assert(
      fc.asyncProperty(trial, async (generated) => {
        const { outcome, log } = await expectSameAsOracle(generated);
        const error = (outcome as { error?: unknown }).error;
        if (error instanceof Error && error.message.startsWith('pinejs-client '))
          outcomes.invalid++;
        if (log.filter(([kind]) => kind === 'call').length > 1) outcomes.retried++;
        if ('value' in (outcome as object)) outcomes.succeeded++;
      }),
      { numRuns: 600 },
    );
    console.info('callWithRetry differential (of 600 runs):', outcomes);
    // The generator reaches every branch, not only the validation errors.
    expect(outcomes.retried).toBeGreaterThan(10);
    expect(outcomes.succeeded).toBeGreaterThan(10);
    expect(outcomes.invalid).toBeGreaterThan(10);
  });
});

describe('callWithRetry beyond pinejs-client-core: AbortSignal', () => {
  it('ends a wait with the abort reason and makes no further call', async () => {
    const pine = createOurs({ minDelayMs: 100, maxDelayMs: 300, maxAttempts: 5 });
    const controller = new AbortController();
    const fnCall = vi.fn(() => Promise.reject(makeFailure(503)));
    const settled = pine
      .callWithRetry(fnCall, undefined, { signal: controller.signal })
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(150);
    expect(fnCall).toHaveBeenCalledTimes(2);
    controller.abort(new Error('stop'));
    expect(await settled).toEqual(new Error('stop'));
    await vi.runAllTimersAsync();
    expect(fnCall).toHaveBeenCalledTimes(2);
  });

  it('does not retry a failure once the signal has aborted', async () => {
    const pine = createOurs({ minDelayMs: 100, maxDelayMs: 300, maxAttempts: 5 });
    const controller = new AbortController();
    const failure = makeFailure(undefined);
    const fnCall = vi.fn(() => {
      controller.abort();
      return Promise.reject(failure);
    });
    const settled = pine
      .callWithRetry(fnCall, undefined, { signal: controller.signal })
      .catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await settled).toBe(failure);
    expect(fnCall).toHaveBeenCalledTimes(1);
  });
});

describe('canRetryDefaultHandler, compared with pinejs-client-core', () => {
  const oracle = createOracleMembers(false);

  it.each([
    ['a network error (no status)', new TypeError('fetch failed'), true],
    ['429', makeFailure(429), true],
    ['500', makeFailure(500), true],
    ['599', makeFailure(599), true],
    ['400', makeFailure(400), false],
    ['404', makeFailure(404), false],
    ['600', makeFailure(600), false],
    ['a StatusError 503', new StatusError('busy', 503), true],
    ['a StatusError 401', new StatusError('no', 401), false],
    ['a string status', { statusCode: '503' }, true],
    ['null', null, true],
  ])('%s', (_name, err, expected) => {
    expect(oracle.canRetryDefaultHandler(err)).toBe(expected);
    expect(canRetryDefaultHandler(err)).toBe(expected);
  });

  it('agrees on random errors and values', () => {
    const statusCode = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double(),
      fc.constantFrom(429, 499, 500, 599, 600, Infinity, -Infinity, NaN),
      fc.string({ maxLength: 4 }),
      fc.constant(undefined),
      fc.constant(null),
    );
    const err = fc.oneof(
      fc.anything(),
      statusCode.map((code) => ({ statusCode: code })),
      statusCode.map((code) => Object.assign(new Error('x'), { statusCode: code })),
      // pinejs-client-core reads any statusCode of its own StatusError; ours are never one, and
      // the SDK's errors carry numeric codes, so only those are compared.
      fc.integer({ min: 100, max: 700 }).map((code) => new StatusError('x', code)),
    );
    fc.assert(
      fc.property(err, (value) => {
        expect(canRetryDefaultHandler(value)).toBe(oracle.canRetryDefaultHandler(value));
      }),
      { numRuns: 1000 },
    );
  });
});
