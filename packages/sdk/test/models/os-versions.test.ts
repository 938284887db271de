// models.os version selection against the local API's host OS catalogue (variants, legacy tag-versioned releases,
// an ESR fleet with its lines, drafts, invalidated and failed releases), each call compared with the official SDK
// on the same server: same answer and the same requests.
import { getSdk as getOfficialSdk } from 'official-balena-sdk';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestUser } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';

type RequestLike = { method?: string; url: string; baseUrl?: string; qs?: unknown };

function recorder(apiUrl: string) {
  const urls: string[] = [];
  const interceptor = {
    request: <R extends RequestLike>(request: R): R => {
      const absolute = new URL(request.url, request.baseUrl ?? apiUrl).href;
      // Query parameters are compared as a set: the device type lookup of this SDK orders them differently.
      const [path, query = ''] = decodeURIComponent(absolute.slice(apiUrl.length)).split('?');
      urls.push(`${request.method ?? 'GET'} ${path}?${query.split('&').sort().join('&')}`);
      return request;
    },
  };
  return { urls, interceptor };
}

let apiUrl: string;
let ours: ReturnType<typeof getSdk>;
let official: ReturnType<typeof getOfficialSdk>;
let oursLog: ReturnType<typeof recorder>;
let officialLog: ReturnType<typeof recorder>;

beforeAll(async () => {
  apiUrl = inject('apiUrl').replace(/\/$/, '');
  const user = await createTestUser(apiUrl);
  ours = getSdk({ apiUrl, dataDirectory: false });
  official = getOfficialSdk({ apiUrl, dataDirectory: false, isBrowser: false } as Parameters<
    typeof getOfficialSdk
  >[0]);
  await ours.auth.loginWithToken(user.token);
  await official.auth.loginWithToken(user.token);
  oursLog = recorder(apiUrl);
  officialLog = recorder(apiUrl);
  ours.interceptors.push(oursLog.interceptor);
  official.interceptors.push(officialLog.interceptor);
});

type Os = Pick<
  ReturnType<typeof getSdk>['models']['os'],
  | 'getAvailableOsVersions'
  | 'getAllOsVersions'
  | 'getMaxSatisfyingVersion'
  | 'getSupportedOsUpdateVersions'
  | 'isSupportedOsUpdate'
  | 'getOsUpdateType'
  | 'getSupervisorReleasesForCpuArchitecture'
>;

/** Runs a call on both SDKs (caches cleared first) and expects the same result or error code and requests. */
async function same(
  call: (os: Os) => Promise<unknown>,
): Promise<{ value?: unknown; error?: string; message?: string }> {
  ours.models.os._clearDeviceTypesAndOsVersionCaches();
  official.models.os._clearDeviceTypesAndOsVersionCaches();
  oursLog.urls.length = 0;
  officialLog.urls.length = 0;
  const settle = (p: Promise<unknown>) =>
    p.then(
      (value) => ({ value: JSON.parse(JSON.stringify(value)) as unknown }),
      (error: { code?: string; name?: string; message?: string }) => ({
        error: error.code ?? error.name,
        message: error.message,
      }),
    );
  const mine = await settle(call(ours.models.os));
  const theirs = await settle(call(official.models.os as unknown as Os));
  expect(mine).toEqual(theirs);
  expect(oursLog.urls).toEqual(officialLog.urls);
  return mine;
}

const versionsOf = (list: Array<{ raw_version: string }>) => list.map((v) => v.raw_version);

describe('OS versions over the fixture', () => {
  it('lists available versions newest first, with variants and legacy tag-versioned releases', async () => {
    const { value } = (await same((os) => os.getAvailableOsVersions('raspberrypi3'))) as {
      value: Array<{ raw_version: string; variant: string; strippedVersion: string }>;
    };
    // balena-semver reads 2020.04.0 as 2020.4.0, so the legacy releases sort first.
    expect(versionsOf(value)).toEqual([
      '2020.04.0.prod',
      '2020.04.0.dev',
      '6.0.10',
      '5.1.20',
      '2.48.0+rev1.prod',
      '2.48.0+rev1.dev',
      '2.29.0+rev1.prod',
      '2.29.0+rev1.dev',
    ]);
    const legacy = value.find((v) => v.raw_version === '2020.04.0.dev');
    expect(legacy).toMatchObject({ variant: 'dev', strippedVersion: '2020.04.0' });
    expect(value.find((v) => v.raw_version === '2.48.0+rev1.prod')).toMatchObject({
      variant: 'prod',
      strippedVersion: '2.48.0+rev1',
      basedOnVersion: '2.48.0+rev1',
      osType: 'default',
    });
  });

  it('keeps drafts out unless asked, and invalidated and failed releases out of available versions', async () => {
    const available = (await same((os) => os.getAvailableOsVersions('raspberrypi3-64')))
      .value as Array<{ raw_version: string }>;
    const versions = versionsOf(available);
    expect(versions).toContain('6.0.20-1717000000000');
    for (const hidden of ['6.1.0', '6.0.15', '6.0.12', '2024.7.0']) {
      expect(versions).not.toContain(hidden);
    }
    const drafts = versionsOf(
      (
        await same((os) =>
          os.getAvailableOsVersions('raspberrypi3-64', undefined, { includeDraft: true }),
        )
      ).value as Array<{ raw_version: string }>,
    );
    expect(drafts).toEqual(expect.arrayContaining(['6.1.0', '2024.7.0']));
    expect(drafts).not.toContain('6.0.15');
    const all = versionsOf(
      (await same((os) => os.getAllOsVersions('raspberrypi3-64'))).value as Array<{
        raw_version: string;
      }>,
    );
    expect(all).toEqual(expect.arrayContaining(['6.1.0', '6.0.15', '6.0.12']));
  });

  it('derives ESR lines from phases and from the ESR fleet tags', async () => {
    const all = (await same((os) => os.getAllOsVersions('raspberrypi3-64'))).value as Array<{
      raw_version: string;
      osType: string;
      line?: string;
      basedOnVersion: string;
    }>;
    const byVersion = Object.fromEntries(all.map((v) => [v.raw_version, v]));
    expect(byVersion['2024.1.0']).toMatchObject({ osType: 'esr', line: 'next' });
    expect(byVersion['2023.7.1']).toMatchObject({ line: 'current', basedOnVersion: '5.1.20' });
    expect(byVersion['2023.1.2']).toMatchObject({ line: 'sunset', basedOnVersion: '4.0.26' });
    expect(byVersion['2022.7.3']).toMatchObject({ line: 'outdated' });
    expect(byVersion['2022.1.0']).toMatchObject({ line: 'outdated' });
    expect(byVersion['4.0.1']).toMatchObject({ osType: 'default', line: 'outdated' });
    expect(byVersion['5.1.20']).toMatchObject({ line: 'current' });
    expect(byVersion['6.0.10'].line).toBeUndefined();
  });

  it('answers maps for arrays, empty results for unknown types, and honours pine options', async () => {
    const map = (await same((os) => os.getAvailableOsVersions(['fincm3', 'raspberrypi3', 'nope'])))
      .value as Record<string, unknown[]>;
    expect(Object.keys(map).sort()).toEqual(['fincm3', 'raspberrypi3']);
    expect((await same((os) => os.getAvailableOsVersions('foobarbaz'))).value).toEqual([]);
    const filtered = (
      await same((os) =>
        os.getAllOsVersions('raspberrypi3-64', { $filter: { is_invalidated: true } }),
      )
    ).value as Array<{ raw_version: string }>;
    expect(versionsOf(filtered)).toEqual(['6.0.15']);
  });

  it('selects max satisfying versions: latest, per OS type, ranges, exact and unknown', async () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
      ['raspberrypi3-64', undefined, undefined],
      ['raspberrypi3-64', 'latest', 'default'],
      ['raspberrypi3-64', 'latest', 'esr'],
      ['raspberrypi3-64', '^2023.1.0', undefined],
      ['raspberrypi3-64', '~6.0.0', 'default'],
      ['raspberrypi3', '^2.0.0', undefined],
      ['raspberrypi3', '2.48.0+rev1.dev', undefined],
      ['raspberrypi3', '^9.0.0', undefined],
      ['raspberrypi', 'latest', undefined],
    ];
    const answers: unknown[] = [];
    for (const [type, range, osType] of cases) {
      answers.push((await same((os) => os.getMaxSatisfyingVersion(type, range, osType))).value);
    }
    expect(answers).toEqual([
      '2024.1.0',
      '6.0.20-1717000000000',
      '2024.1.0',
      '2023.7.1',
      // A range leaves prereleases out.
      '6.0.10',
      answers[5],
      '2.48.0+rev1.dev',
      null,
      '6.0.10',
    ]);
    expect(String(answers[5])).toMatch(/^2\.48\.0\+rev1\./);
    await same((os) => os.getMaxSatisfyingVersion('foobarbaz'));
  });
});

describe('OS update versions and rules', () => {
  it('lists supported update targets with the recommended one, for default and ESR devices', async () => {
    const cases: Array<[string, { osType?: string; includeDraft?: boolean }]> = [
      ['2.48.0+rev1.prod', {}],
      ['2.29.0+rev1.dev', {}],
      ['5.1.20', { osType: 'default' }],
      ['5.1.20', { osType: 'esr' }],
      ['2023.1.2', {}],
      ['6.0.10', { includeDraft: true }],
    ];
    for (const [current, options] of cases) {
      await same((os) => os.getSupportedOsUpdateVersions('raspberrypi3-64', current, options));
    }
    const { value } = (await same((os) =>
      os.getSupportedOsUpdateVersions('raspberrypi3-64', '2.88.4+rev3.prod'),
    )) as { value: { versions: string[]; recommended: string; current: string } };
    expect(value.current).toBe('2.88.4+rev3.prod');
    expect(value.recommended).toBe('2024.1.0');
    expect(value.versions).not.toContain('2.88.4+rev3.dev');
    expect(
      (await same((os) => os.getSupportedOsUpdateVersions('raspberrypi3', 'not a version'))).error,
    ).toBeDefined();
  });

  it('applies the HUP rules after normalising the device type', async () => {
    const pairs: Array<[string, string, string]> = [
      ['raspberrypi', '2.48.0+rev1.prod', '2.88.4+rev3.prod'],
      ['raspberrypi3', '2.88.4+rev3.prod', '2.48.0+rev1.prod'],
      ['raspberrypi3', '2.48.0+rev1.dev', '2.88.4+rev3.prod'],
      ['jetson-tx2', '2.88.4+rev3', '6.0.50'],
      ['raspberrypi3', '2.12.0', '2.88.4'],
    ];
    for (const [type, from, to] of pairs) {
      await same((os) => os.isSupportedOsUpdate(type, from, to));
      await same((os) => os.getOsUpdateType(type, from, to));
    }
    await same((os) => os.isSupportedOsUpdate('foobarbaz', '2.48.0', '2.88.4'));
  });

  it('lists supervisor releases per CPU architecture, by slug or id, with pine options', async () => {
    const releases = (await same((os) => os.getSupervisorReleasesForCpuArchitecture('aarch64')))
      .value as Array<{ raw_version: string }>;
    expect(versionsOf(releases)).toEqual(['14.11.12', '11.12.4', '10.8.0']);
    await same((os) =>
      os.getSupervisorReleasesForCpuArchitecture('armv7hf', {
        $select: 'raw_version',
        $filter: { raw_version: '11.12.4' },
      }),
    );
    const [arch] = await ours.pine.get({
      resource: 'cpu_architecture',
      options: { $select: 'id', $filter: { slug: 'amd64' } },
    });
    await same((os) => os.getSupervisorReleasesForCpuArchitecture(arch.id));
  });

  it('tells architecture compatibility like the official SDK', () => {
    const arches = ['rpi', 'armv7hf', 'aarch64', 'i386', 'amd64'];
    for (const a of arches) {
      for (const b of arches) {
        expect([a, b, ours.models.os.isArchitectureCompatibleWith(a, b)]).toEqual([
          a,
          b,
          official.models.os.isArchitectureCompatibleWith(a, b),
        ]);
      }
    }
  });
});
