// Helpers for differential wire tests: run the same call through this SDK and the official balena-sdk against the
// same local API, recording every request (method, decoded path and query, body) each one sends.
import { getSdk as getOfficialSdk } from 'official-balena-sdk';
import { createTestUser, type TestUser } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';

/** One request as the wire tests compare it. */
export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

type RequestLike = { method?: string; url: string; baseUrl?: string; body?: unknown };

/** This SDK and the official one, logged in as the same user, with their request logs. */
export interface WirePair {
  apiUrl: string;
  user: TestUser;
  ours: ReturnType<typeof getSdk>;
  official: ReturnType<typeof getOfficialSdk>;
  /** Runs `call` on this SDK, then `reset`, then the official SDK; returns results and request logs. */
  both<T>(
    call: (sdk: ReturnType<typeof getSdk>) => Promise<T>,
    reset?: () => Promise<unknown>,
  ): Promise<{
    ourResult: { value?: T; error?: string };
    officialResult: { value?: T; error?: string };
    ourCalls: RecordedRequest[];
    officialCalls: RecordedRequest[];
  }>;
}

function recorder(apiUrl: string) {
  const calls: RecordedRequest[] = [];
  const base = apiUrl.replace(/\/$/, '');
  const interceptor = {
    request: <R extends RequestLike>(request: R): R => {
      const absolute = new URL(request.url, request.baseUrl ?? apiUrl).href;
      calls.push({
        method: (request.method ?? 'GET').toUpperCase(),
        url: decodeURIComponent(absolute.startsWith(base) ? absolute.slice(base.length) : absolute),
        body: request.body ?? undefined,
      });
      return request;
    },
  };
  return { calls, interceptor };
}

/**
 * Registers a user and logs both SDKs in as it, each recording its requests.
 * @param apiUrl - the local API.
 * @throws when registration or login fails.
 * @example
 * const pair = await createWirePair(inject('apiUrl'));
 * const run = await pair.both((sdk) => sdk.models.organization.getAll());
 */
export async function createWirePair(apiUrl: string): Promise<WirePair> {
  const user = await createTestUser(apiUrl);
  const ourLog = recorder(apiUrl);
  const officialLog = recorder(apiUrl);
  const ours = getSdk({ apiUrl, dataDirectory: false });
  const official = getOfficialSdk({ apiUrl, dataDirectory: false, isBrowser: false } as Parameters<
    typeof getOfficialSdk
  >[0]);
  await ours.auth.loginWithToken(user.token);
  await official.auth.loginWithToken(user.token);
  ours.interceptors.push(ourLog.interceptor);
  official.interceptors.push(officialLog.interceptor);
  const settle = <T>(promise: Promise<T>) =>
    promise.then(
      (value) => ({ value }),
      (error: { code?: string }) => ({ error: error.code ?? String(error) }),
    );
  return {
    apiUrl,
    user,
    ours,
    official,
    async both(call, reset) {
      ourLog.calls.length = 0;
      officialLog.calls.length = 0;
      const ourResult = await settle(call(ours));
      const ourCalls = [...ourLog.calls];
      await reset?.();
      // The official SDK has the same public surface for every call these tests make.
      const officialResult = await settle(call(official as unknown as ReturnType<typeof getSdk>));
      return {
        ourResult,
        officialResult,
        ourCalls,
        officialCalls: [...officialLog.calls],
      };
    },
  };
}
