// Differential wire test: the same models.application calls through this SDK and the official balena-sdk, against
// the same local API. Each call must send the same requests (method, decoded URL, body) and give the same answer.
import { getSdk as getOfficialSdk } from 'official-balena-sdk';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestUser, type TestUser } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';

interface Recorded {
  method: string;
  url: string;
  body: unknown;
}

type RequestLike = { method?: string; url: string; baseUrl?: string; body?: unknown };

function recorder(apiUrl: string) {
  const calls: Recorded[] = [];
  const interceptor = {
    request: <R extends RequestLike>(request: R): R => {
      const absolute = new URL(request.url, request.baseUrl ?? apiUrl).href;
      calls.push({
        method: (request.method ?? 'GET').toUpperCase(),
        url: decodeURIComponent(absolute.slice(apiUrl.replace(/\/$/, '').length)),
        body: request.body ?? undefined,
      });
      return request;
    },
  };
  return { calls, interceptor };
}

let apiUrl: string;
let user: TestUser;
let ours: ReturnType<typeof getSdk>;
let official: ReturnType<typeof getOfficialSdk>;
let unrecorded: ReturnType<typeof getSdk>;
const oursLog = recorder('');
const officialLog = recorder('');

beforeAll(async () => {
  apiUrl = inject('apiUrl');
  user = await createTestUser(apiUrl);
  Object.assign(oursLog, recorder(apiUrl));
  Object.assign(officialLog, recorder(apiUrl));
  ours = getSdk({ apiUrl, dataDirectory: false });
  official = getOfficialSdk({ apiUrl, dataDirectory: false, isBrowser: false } as Parameters<
    typeof getOfficialSdk
  >[0]);
  unrecorded = getSdk({ apiUrl, dataDirectory: false });
  await unrecorded.auth.loginWithToken(user.token);
  await ours.auth.loginWithToken(user.token);
  await official.auth.loginWithToken(user.token);
  ours.interceptors.push(oursLog.interceptor);
  official.interceptors.push(officialLog.interceptor);
});

/**
 * Runs a call on both SDKs, this one first; `reset` (not recorded) restores the server state in between.
 * Returns both results (or errors' codes) and both request logs.
 */
async function both<T>(
  call: (sdk: typeof ours | typeof official) => Promise<T>,
  reset?: () => Promise<unknown>,
) {
  oursLog.calls.length = 0;
  officialLog.calls.length = 0;
  const settle = (p: Promise<T>) =>
    p.then(
      (value) => ({ value }),
      (error: { code?: string }) => ({ error: error.code }),
    );
  const ourResult = await settle(call(ours));
  await reset?.();
  const officialResult = await settle(call(official));
  return {
    ourResult,
    officialResult,
    ourCalls: [...oursLog.calls],
    officialCalls: [...officialLog.calls],
  };
}

describe('models.application on the wire, this SDK vs the official one', () => {
  let slug: string;
  let id: number;

  it('create', async () => {
    const name = `wire_${Date.now().toString(36)}`;
    const created = await ours.models.application.create({
      name,
      organization: user.username,
      deviceType: 'raspberrypi3',
    });
    id = created.id;
    slug = `${user.username}/${name}`.toLowerCase();
    expect(created.slug).toBe(slug);
  });

  const reads: Array<[string, (sdk: typeof ours) => Promise<unknown>]> = [
    ['get by id', (sdk) => sdk.models.application.get(id, { $select: ['id', 'slug'] })],
    ['get by slug', (sdk) => sdk.models.application.get(slug.toUpperCase(), { $select: 'id' })],
    ['get missing', (sdk) => sdk.models.application.get('nobody/none')],
    ['getAll', (sdk) => sdk.models.application.getAll({ $select: 'id', $filter: { id } })],
    [
      'getAllDirectlyAccessible',
      (sdk) => sdk.models.application.getAllDirectlyAccessible({ $select: 'id' }),
    ],
    [
      'getAllByOrganization',
      (sdk) => sdk.models.application.getAllByOrganization(user.username, { $select: 'id' }),
    ],
    [
      'getAppByName',
      (sdk) => sdk.models.application.getAppByName(slug.split('/')[1], { $select: 'id' }),
    ],
    ['has', (sdk) => sdk.models.application.has(slug)],
    ['hasAny', (sdk) => sdk.models.application.hasAny()],
    ['willTrackNewReleases', (sdk) => sdk.models.application.willTrackNewReleases(id)],
    ['isTrackingLatestRelease', (sdk) => sdk.models.application.isTrackingLatestRelease(id)],
    ['getTargetReleaseHash', (sdk) => sdk.models.application.getTargetReleaseHash(slug)],
    ['tags.getAllByApplication', (sdk) => sdk.models.application.tags.getAllByApplication(id)],
    ['envVar.get', (sdk) => sdk.models.application.envVar.get(slug, 'MISSING')],
    [
      'membership.getAllByApplication',
      (sdk) => sdk.models.application.membership.getAllByApplication(id, { $select: 'id' }),
    ],
    ['invite.getAllByApplication', (sdk) => sdk.models.application.invite.getAllByApplication(id)],
  ];

  for (const [name, call] of reads) {
    it(`${name} sends the same requests and gets the same answer`, async () => {
      const run = await both(call as (sdk: typeof ours | typeof official) => Promise<unknown>);
      expect(run.ourCalls).toEqual(run.officialCalls);
      expect(run.ourResult).toEqual(run.officialResult);
    });
  }

  const removeTag = () =>
    unrecorded.pine.delete({
      resource: 'application_tag',
      options: { $filter: { application: id } },
    });
  const removeVar = () =>
    unrecorded.pine.delete({
      resource: 'application_environment_variable',
      options: { $filter: { application: id } },
    });

  it('tags.set of a new key sends the same POST', async () => {
    const run = await both((sdk) => sdk.models.application.tags.set(id, 'fresh', 'v1'), removeTag);
    expect(run.ourCalls).toEqual(run.officialCalls);
  });

  it('envVar.set of a new name sends the same requests', async () => {
    const run = await both(
      (sdk) => sdk.models.application.envVar.set(slug, 'FRESH', 'x'),
      removeVar,
    );
    expect(run.ourCalls).toEqual(run.officialCalls);
  });

  const writes: Array<[string, (sdk: typeof ours) => Promise<unknown>]> = [
    ['tags.set of an existing key', (sdk) => sdk.models.application.tags.set(id, 'fresh', 'v2')],
    ['tags.set by slug', (sdk) => sdk.models.application.tags.set(slug, 'fresh', 'v3')],
    [
      'envVar.set of an existing name',
      (sdk) => sdk.models.application.envVar.set(id, 'FRESH', 'y'),
    ],
    ['envVar.remove', (sdk) => sdk.models.application.envVar.remove(id, 'FRESH')],
    ['rename', (sdk) => sdk.models.application.rename(id, slug.split('/')[1])],
    [
      'grantSupportAccess',
      (sdk) => sdk.models.application.grantSupportAccess(id, 4_102_444_800_000),
    ],
    ['revokeSupportAccess', (sdk) => sdk.models.application.revokeSupportAccess(id)],
    ['enableDeviceUrls', (sdk) => sdk.models.application.enableDeviceUrls(slug)],
    ['trackLatestRelease', (sdk) => sdk.models.application.trackLatestRelease(id)],
    ['restart', (sdk) => sdk.models.application.restart(id)],
  ];

  for (const [name, call] of writes) {
    it(`${name} sends the same requests`, async () => {
      const run = await both(call as (sdk: typeof ours | typeof official) => Promise<unknown>);
      expect(run.ourCalls).toEqual(run.officialCalls);
      expect(run.ourResult).toEqual(run.officialResult);
    });
  }

  const sorted = (calls: Recorded[]) =>
    [...calls].sort((a, b) => `${a.method} ${a.url}`.localeCompare(`${b.method} ${b.url}`));

  it('create sends the same lookups (in parallel) and POST', async () => {
    const name = `wire2_${Date.now().toString(36)}`;
    const removeCreated = () =>
      unrecorded.pine.delete({
        resource: 'application',
        options: { $filter: { app_name: name } },
      });
    const run = await both(
      (sdk) =>
        sdk.models.application.create({
          name,
          organization: user.username,
          deviceType: 'raspberrypi3',
        }),
      removeCreated,
    );
    const withoutUuid = (calls: Recorded[]) =>
      sorted(calls).map((c) =>
        c.method === 'POST' ? { ...c, body: { ...(c.body as object), uuid: 'x' } } : c,
      );
    expect(withoutUuid(run.ourCalls)).toEqual(withoutUuid(run.officialCalls));
  });

  it('getWithDeviceServiceDetails sends the same expand and gives the same fleet', async () => {
    const details = (sdk: typeof ours): Promise<unknown> =>
      sdk.models.application.getWithDeviceServiceDetails(id, { $select: 'id' });
    const run = await both(details as (sdk: typeof ours | typeof official) => Promise<unknown>);
    expect(run.ourCalls).toEqual(run.officialCalls);
    expect(run.ourResult).toEqual(run.officialResult);
  });

  it('invite.create sends the same lookups and POST', async () => {
    const revokeAll = () =>
      unrecorded.pine.delete({
        resource: 'application_invite',
        options: { $filter: { is_invited_to__application: id } },
      });
    const run = await both(
      (sdk) =>
        sdk.models.application.invite.create(id, {
          invitee: 'wire@example.com',
          roleName: 'observer',
          message: 'hello',
        }),
      revokeAll,
    );
    expect(sorted(run.ourCalls)).toEqual(sorted(run.officialCalls));
  });

  for (const [name, call] of [
    ['purge', (sdk: typeof ours) => sdk.models.application.purge(id)],
    ['shutdown', (sdk: typeof ours) => sdk.models.application.shutdown(id, { force: true })],
    ['reboot', (sdk: typeof ours) => sdk.models.application.reboot(id)],
  ] as const) {
    it(`${name} sends the same supervisor proxy request`, async () => {
      const run = await both(call as (sdk: typeof ours | typeof official) => Promise<unknown>);
      expect(run.ourCalls).toEqual(run.officialCalls);
      expect(run.ourResult).toEqual(run.officialResult);
    });
  }

  it('remove by id sends the same batch lookup and DELETE', async () => {
    const name = `wire3_${Date.now().toString(36)}`;
    let target = 0;
    const recreate = async () => {
      const created = await unrecorded.models.application.create({
        name,
        organization: user.username,
        deviceType: 'raspberrypi3',
      });
      target = created.id;
    };
    await recreate();
    const run = await both((sdk) => sdk.models.application.remove(target), recreate);
    const normalised = (calls: Recorded[]) =>
      calls.map((c) => ({ ...c, url: c.url.replace(/\d+(?=\)|$)/g, 'N') }));
    expect(normalised(run.ourCalls)).toEqual(normalised(run.officialCalls));
    expect(run.ourResult).toEqual(run.officialResult);
  });

  describe('memberships', () => {
    let member: TestUser;
    let key: { user: number; is_member_of__application: number };
    const removeMembership = () =>
      unrecorded.pine.delete({ resource: 'user_application_membership', id: key });
    const addMembership = () =>
      unrecorded.models.application.membership.create({
        application: id,
        username: member.username,
      });

    beforeAll(async () => {
      member = await createTestUser(apiUrl);
      const invite = await unrecorded.models.application.invite.create(id, {
        invitee: member.email,
      });
      const memberSdk = getSdk({ apiUrl, dataDirectory: false });
      await memberSdk.auth.loginWithToken(member.token);
      await memberSdk.models.application.invite.accept(String(invite.invitation_token));
      key = { user: member.id, is_member_of__application: id };
      await removeMembership();
    });

    it('membership.create sends the same lookups (in parallel) and POST', async () => {
      const run = await both(
        (sdk) =>
          sdk.models.application.membership.create({
            application: id,
            username: member.username,
            roleName: 'observer',
          }),
        removeMembership,
      );
      expect(sorted(run.ourCalls)).toEqual(sorted(run.officialCalls));
    });

    it('membership.changeRole and remove by natural key send the same requests', async () => {
      const change = await both((sdk) =>
        sdk.models.application.membership.changeRole(key, 'developer'),
      );
      expect(change.ourCalls).toEqual(change.officialCalls);
      const remove = await both(
        (sdk) => sdk.models.application.membership.remove(key),
        addMembership,
      );
      expect(remove.ourCalls).toEqual(remove.officialCalls);
    });
  });
});
