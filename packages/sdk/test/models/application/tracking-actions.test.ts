// models.application release tracking, support access, device URLs, provisioning keys, service details and the
// fleet-wide actions, against the real local API (supervisor lock mapping against a loopback server).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSdk, type PreparedRequest } from '../../../src/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';

let owner: LoggedInUser;
let fleet: TestFleet;

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
});

async function createRelease(commit: string) {
  return owner.sdk.pine.post({
    resource: 'release',
    body: {
      belongs_to__application: fleet.id,
      commit,
      status: 'success',
      source: 'cloud',
      composition: {},
      start_timestamp: new Date(),
      is_final: true,
    },
  });
}

describe('application release tracking', () => {
  const first = 'a'.repeat(32);
  const second = 'b'.repeat(32);

  it('tracks the latest release by default, even with no release', async () => {
    const { application } = owner.sdk.models;
    expect(await application.willTrackNewReleases(fleet.slug)).toBe(true);
    expect(await application.isTrackingLatestRelease(fleet.slug)).toBe(true);
    expect(await application.getTargetReleaseHash(fleet.slug)).toBeUndefined();
  });

  it('follows new releases, pins one, then tracks the latest again', async () => {
    const { application } = owner.sdk.models;
    await createRelease(first);
    await createRelease(second);
    expect(await application.getTargetReleaseHash(fleet.id)).toBe(second);
    expect(await application.isTrackingLatestRelease(fleet.id)).toBe(true);

    await application.pinToRelease(fleet.slug, first);
    expect(await application.willTrackNewReleases(fleet.id)).toBe(false);
    expect(await application.getTargetReleaseHash(fleet.id)).toBe(first);
    expect(await application.isTrackingLatestRelease(fleet.id)).toBe(false);

    await application.trackLatestRelease(fleet.uuid);
    expect(await application.willTrackNewReleases(fleet.id)).toBe(true);
    expect(await application.getTargetReleaseHash(fleet.id)).toBe(second);
  });

  it('raises ReleaseNotFound / ApplicationNotFound / InvalidParameter', async () => {
    const { application } = owner.sdk.models;
    await expect(application.pinToRelease(fleet.id, 'c'.repeat(32))).rejects.toMatchObject({
      code: 'BalenaReleaseNotFound',
    });
    await expect(application.pinToRelease('nobody/nothing', first)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    for (const call of [
      () => application.willTrackNewReleases(999_999_999),
      () => application.isTrackingLatestRelease(999_999_999),
      () => application.getTargetReleaseHash(999_999_999),
      () => application.trackLatestRelease(999_999_999),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
    }
    await expect(application.trackLatestRelease('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('application support access, device URLs and provisioning keys', () => {
  it('grants and revokes support access', async () => {
    const { application } = owner.sdk.models;
    const until = Date.now() + 3_600_000;
    await application.grantSupportAccess(fleet.id, until);
    const granted = await application.get(fleet.id, {
      $select: 'is_accessible_by_support_until__date',
    });
    expect(new Date(granted.is_accessible_by_support_until__date ?? 0).getTime()).toBe(until);
    await application.revokeSupportAccess(fleet.slug);
    const revoked = await application.get(fleet.id, {
      $select: 'is_accessible_by_support_until__date',
    });
    expect(revoked.is_accessible_by_support_until__date).toBeNull();
    await expect(application.grantSupportAccess(fleet.id, Date.now() - 1000)).rejects.toMatchObject(
      {
        code: 'BalenaInvalidParameterError',
      },
    );
    await expect(application.grantSupportAccess(999_999_999, until)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(application.revokeSupportAccess(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });

  it('enables and disables the device URLs of every device of the fleet', async () => {
    const { application } = owner.sdk.models;
    const [deviceType] = await owner.sdk.pine.get({
      resource: 'device_type',
      options: { $select: 'id', $filter: { slug: 'raspberrypi3' } },
    });
    const device = await owner.sdk.pine.post({
      resource: 'device',
      body: {
        belongs_to__application: fleet.id,
        is_of__device_type: deviceType.id,
        uuid: 'd'.repeat(32),
      },
    });
    const webAccessible = async () =>
      (
        await owner.sdk.pine.get({
          resource: 'device',
          id: device.id,
          options: { $select: 'is_web_accessible' },
        })
      )?.is_web_accessible;
    await application.enableDeviceUrls(fleet.slug);
    expect(await webAccessible()).toBe(true);
    await application.disableDeviceUrls(fleet.id);
    expect(await webAccessible()).toBe(false);
    await expect(application.enableDeviceUrls(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });

    const detailed = await application.getWithDeviceServiceDetails(fleet.slug, { $select: 'id' });
    expect(detailed.id).toBe(fleet.id);
    expect(detailed.owns__device.map((d) => d.id)).toEqual([device.id]);
    expect(detailed.owns__device[0].current_services_by_app).toEqual({});
    await expect(application.getWithDeviceServiceDetails(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });

  it('generates a provisioning key that authenticates as the fleet', async () => {
    const key = await owner.sdk.models.application.generateProvisioningKey({
      slugOrUuidOrId: fleet.slug,
      keyExpiryDate: new Date(Date.now() + 86_400_000).toISOString(),
      keyName: 'provisioning',
      keyDescription: 'for tests',
    });
    expect(typeof key).toBe('string');
    const asFleet = getSdk({ apiUrl: owner.apiUrl, dataDirectory: false });
    await asFleet.auth.loginWithToken(key);
    expect(await asFleet.auth.whoami()).toMatchObject({
      actorType: 'application',
      slug: fleet.slug,
    });
    await expect(
      owner.sdk.models.application.generateProvisioningKey({
        slugOrUuidOrId: 999_999_999,
        keyExpiryDate: null,
      }),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
  });
});

describe('application actions', () => {
  it('restart: the API answers 404 when no device of the fleet is online', async () => {
    await expect(owner.sdk.models.application.restart(fleet.slug)).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 404,
    });
    await expect(owner.sdk.models.application.restart(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });

  it('purge/shutdown/reboot send the supervisor proxy requests, without a lookup', async () => {
    const sent: PreparedRequest[] = [];
    const sdk = getSdk({ apiUrl: owner.apiUrl, dataDirectory: false });
    await sdk.auth.loginWithToken(owner.user.token);
    sdk.interceptors.push({
      request: (request) => {
        sent.push(request);
        return request;
      },
    });
    const { application } = sdk.models;
    // The fleet has no online device: each call reaches the API's supervisor proxy, which answers 404.
    for (const call of [
      () => application.purge(fleet.id),
      () => application.shutdown(fleet.id, { force: true }),
      () => application.reboot(fleet.id),
    ]) {
      await expect(call()).rejects.toMatchObject({ statusCode: 404 });
    }
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/supervisor/v1/purge', { appId: fleet.id, data: { appId: String(fleet.id) } }],
      ['POST', '/supervisor/v1/shutdown', { appId: fleet.id, data: { force: true } }],
      ['POST', '/supervisor/v1/reboot', { appId: fleet.id, data: { force: false } }],
    ]);
    await expect(application.purge('1' as unknown as number)).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    expect(sent).toHaveLength(3);
  });

  describe('an update lock (HTTP 423)', () => {
    let locked: http.Server;
    let lockedUrl: string;
    beforeAll(async () => {
      locked = http.createServer((_req, res) => {
        res.writeHead(423, { 'Content-Type': 'application/json' }).end('{"error":"locked"}');
      });
      await new Promise<void>((resolve) => locked.listen(0, '127.0.0.1', resolve));
      lockedUrl = `http://127.0.0.1:${(locked.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => locked.close(() => resolve())));

    it('becomes BalenaSupervisorLockedError', async () => {
      const sdk = getSdk({ apiUrl: lockedUrl, dataDirectory: false });
      for (const call of [
        () => sdk.models.application.purge(1),
        () => sdk.models.application.shutdown(1),
        () => sdk.models.application.reboot(1, { force: false }),
      ]) {
        await expect(call()).rejects.toMatchObject({ code: 'BalenaSupervisorLockedError' });
      }
    });
  });
});
