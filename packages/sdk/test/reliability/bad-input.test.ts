// Bad-input sweep: every public model method of the SDK (the official method list) is called with wrong-typed, empty,
// oversized, unicode and injection-shaped first arguments, through an injected fetch that counts requests and
// answers every request with an empty result. Each call must end in a typed SDK error (before any request for
// identifiers the SDK can reject locally), or put the value on the wire escaped: never an unescaped quote in a
// filter, never a path segment that climbs out of its resource, never a request to another host, never a hang.
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSdk, isBalenaError } from '../../src/index.js';

const API = 'http://127.0.0.1:9';
const CALL_DEADLINE_MS = 1_500;
const INJECTION = "' or 1 eq 1 or '";

/** The hostile first arguments; each names what it probes. */
const BAD_VALUES: Array<[string, unknown]> = [
  ['null', null],
  ['empty object', {}],
  ['array', [1, 2]],
  ['empty string', ''],
  ['blank string', '   '],
  ['oversized string', 'x'.repeat(100_000)],
  ['unicode', 'üñí©ødé-名前-💥'],
  ['quote injection', INJECTION],
  ['OData operators', 'a eq 1 and b ne 2)/any(x:x'],
  ['path separators', '../../v7/user?$select=password#'],
  ['negative id', -1],
  ['fractional id', 1.5],
  ['NaN', Number.NaN],
  ['boolean', true],
];

// Methods that today fail with a plain Error or TypeError for some hostile first argument (found by this sweep).
// Each group says why; a method not listed here that starts throwing untyped errors fails the test.
const KNOWN_UNTYPED: Record<string, string> = {
  ...Object.fromEntries(
    [
      'models.apiKey.getAll',
      'models.apiKey.getAllNamedUserApiKeys',
      'models.application.getAll',
      'models.application.getAllDirectlyAccessible',
      'models.application.invite.getAll',
      'models.deviceType.getAll',
      'models.deviceType.getAllSupported',
      'models.key.getAll',
      'models.organization.getAll',
      'models.organization.invite.getAll',
    ].map((path) => [
      path,
      'a string as pine options: options objects are not validated (TypeError)',
    ]),
  ),
  ...Object.fromEntries(
    [
      'models.application.create',
      'models.application.invite.create',
      'models.application.membership.create',
      'models.release.asset.upload',
      'models.device.setCustomLocation',
      'models.application.generateProvisioningKey',
    ].map((path) => [path, 'null/undefined as the options object is destructured (TypeError)']),
  ),
  ...Object.fromEntries(
    [
      'models.config.getDeviceOptions',
      'models.config.getDeviceTypeManifestBySlug',
      'models.config.getDeviceTypes',
      'models.os.getAllOsVersions',
      'models.os.getAvailableOsVersions',
      'models.application.hasAny',
      'models.device.getLocalModeSupport',
      'models.device.getOsVersion',
    ].map((path) => [path, 'the stub answers {d: []} where the route returns another shape']),
  ),
  'models.application.getDashboardUrl': 'plain Error "The id option should be a finite number"',
  'models.device.getDashboardUrl': 'plain Error "The uuid option should be a non empty string"',
  'models.device.getByName': 'pine compiler Error for a number as the name',
  'models.os.getSupervisorReleasesForCpuArchitecture': 'pine compiler Error for a number',
  'models.os.getConfig': 'plain Error "An OS version is required"',
  'models.device.register': 'plain Error for API-key credentials ("not of a user")',
};

// Methods that open long-lived streams or wait for a device by design; they get their own tests elsewhere.
const SKIPPED = new Set(['logs.subscribe', 'models.os.download']);

const methodPaths = fs
  .readFileSync(new URL('../api/official-methods.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.startsWith('models.') && !SKIPPED.has(line));

interface Sent {
  url: string;
  method: string;
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

function lookup(root: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]),
      root,
    );
}

function parentOf(root: object, path: string): unknown {
  return lookup(root, path.split('.').slice(0, -1).join('.'));
}

/** Problems of one request on the wire, or none. */
function wireProblems(sent: Sent): string[] {
  const problems: string[] = [];
  const url = new URL(sent.url);
  if (url.origin !== API) problems.push(`request to another origin: ${url.origin}`);
  // A value in a path must stay inside its segment: no dot segments the URL parser would resolve.
  const rawPath = sent.url.slice(API.length).split(/[?#]/)[0];
  if (/(^|\/)\.\.?(\/|$)/.test(rawPath) || url.pathname !== rawPath)
    problems.push(`path climbs out: ${rawPath.slice(0, 80)}`);
  // Inside OData (a $filter or a key literal), a quote of the value must be doubled.
  const odata = [url.searchParams.get('$filter') ?? ''];
  if (url.pathname.startsWith('/v7/')) odata.push(decodeURIComponent(url.pathname));
  for (const text of odata)
    if (text.includes(INJECTION) && !text.includes("'' or 1 eq 1 or ''"))
      problems.push(`unescaped quote in ${text.slice(0, 120)}`);
  return problems;
}

async function callWithDeadline(
  fn: () => unknown,
): Promise<{ outcome: 'resolved' | 'rejected' | 'hung'; error?: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<{ outcome: 'hung' }>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'hung' }), CALL_DEADLINE_MS);
  });
  const attempt = (async () => {
    try {
      await fn();
      return { outcome: 'resolved' as const };
    } catch (error) {
      return { outcome: 'rejected' as const, error };
    }
  })();
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

describe('bad-input sweep over every model method', () => {
  it(`${methodPaths.length} methods × ${BAD_VALUES.length} hostile arguments: typed errors or escaped wire`, async () => {
    const sent: Sent[] = [];
    const sdk = getSdk({
      apiUrl: API,
      dataDirectory: false,
      fetch: async (input, init) => {
        sent.push({ url: String(input), method: init?.method ?? 'GET' });
        return new Response(JSON.stringify({ d: [] }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await sdk.auth.loginWithToken('sweepApiKey0123456789abcdef012345');
    const untyped: string[] = [];
    const wire: string[] = [];
    const hung: string[] = [];
    let calls = 0;
    let rejectedBeforeAnyRequest = 0;
    for (const path of methodPaths) {
      const method = lookup(sdk, path);
      if (typeof method !== 'function') continue;
      for (const [label, value] of BAD_VALUES) {
        sent.length = 0;
        calls += 1;
        const result = await callWithDeadline(() =>
          (method as (...args: unknown[]) => unknown).call(parentOf(sdk, path), value),
        );
        if (result.outcome === 'hung') hung.push(`${path}(${label})`);
        if (result.outcome === 'rejected') {
          if (!isBalenaError(result.error)) {
            const error = result.error as Error;
            untyped.push(
              `${path}(${label}): ${error?.name}: ${String(error?.message).slice(0, 80)}`,
            );
          } else if (sent.length === 0) rejectedBeforeAnyRequest += 1;
        }
        for (const request of sent)
          for (const problem of wireProblems(request)) wire.push(`${path}(${label}): ${problem}`);
      }
    }
    console.info(
      `bad-input sweep: ${calls} calls, ${rejectedBeforeAnyRequest} typed rejections before any request, ` +
        `${untyped.length} untyped errors, ${wire.length} wire problems, ${hung.length} hung`,
    );
    expect(wire).toEqual([]);
    expect(hung).toEqual([]);
    expect(untyped.filter((entry) => KNOWN_UNTYPED[entry.split('(')[0]] === undefined)).toEqual([]);
    expect(unhandled).toEqual([]);
  }, 600_000);
});

describe('pine filter escaping (property)', () => {
  it('any string value round-trips through $filter escaping', async () => {
    const sent: string[] = [];
    const sdk = getSdk({
      apiUrl: API,
      dataDirectory: false,
      fetch: async (input) => {
        sent.push(String(input));
        return new Response(JSON.stringify({ d: [] }), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (value) => {
        sent.length = 0;
        await sdk.pine.get({ resource: 'device', options: { $filter: { device_name: value } } });
        const filter = new URL(sent[0]).searchParams.get('$filter') ?? '';
        const match = /^device_name eq '(.*)'$/s.exec(filter);
        expect(match).not.toBeNull();
        // Doubled quotes decode back to the value; a lone quote would have ended the literal early.
        expect(match![1].replace(/''/g, "'")).toBe(value);
        expect(/(^|[^'])'([^']|$)/.test(match![1].replace(/''/g, ''))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
