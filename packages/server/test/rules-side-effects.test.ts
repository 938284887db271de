import { describe, expect, it } from 'vitest';
import { sbvrUtils } from '@balena/pinejs';
import { createUser } from '../src/identity/index.js';
import {
  call,
  deviceTypeId,
  idOf,
  newApp,
  newDevice,
  newRelease,
  orgId,
  rows,
  token,
  useRulesApi,
} from './support/rules-api.js';

// Variable name fields, as the real API spells them.
const ENV = 'name';

useRulesApi();

describe('service installs', () => {
  it('follow the target release of a fleet and of new and moved devices', async () => {
    const app = idOf(await newApp('svcFleet'));
    const service = await call('POST', '/v7/service', token, {
      application: app,
      service_name: 'main',
    });
    expect(service.status).toBe(201);
    const device = idOf(await newDevice(app));
    const release = idOf(await newRelease(app, { status: 'running' }));
    const now = new Date().toISOString();
    const image = await call('POST', '/v7/image', token, {
      is_a_build_of__service: idOf(service),
      start_timestamp: now,
      push_timestamp: now,
      status: 'success',
      is_stored_at__image_location: 'client/chosen',
    });
    expect(image.status).toBe(201);
    expect(
      (image.json as { is_stored_at__image_location: string }).is_stored_at__image_location,
    ).toMatch(/^[^/]+\/v2\/[0-9a-f]{32}$/);
    expect(
      (
        await call('POST', '/v7/release_image', token, {
          image: idOf(image),
          is_part_of__release: release,
        })
      ).status,
    ).toBe(201);
    const installsOf = async (id: number) =>
      rows(
        await call(
          'GET',
          `/v7/service_install?$select=installs__service&$filter=device%20eq%20${id}`,
          token,
        ),
      );
    expect(await installsOf(device)).toEqual([]);
    expect(
      (await call('PATCH', `/v7/release(${release})`, token, { status: 'success' })).status,
    ).toBe(200);
    expect(await installsOf(device)).toEqual([{ installs__service: { __id: idOf(service) } }]);
    const late = idOf(await newDevice(app));
    expect(await installsOf(late)).toHaveLength(1);
    const other = idOf(await newApp('svcOtherFleet'));
    expect(
      (await call('PATCH', `/v7/device(${late})`, token, { belongs_to__application: other }))
        .status,
    ).toBe(200);
    expect(await installsOf(late)).toEqual([]);
  });

  it('answers 404 when moving a device to a fleet the caller cannot see', async () => {
    const app = idOf(await newApp('moveFleet'));
    const device = idOf(await newDevice(app));
    const stranger = await createUser({
      email: 'stranger@example.com',
      password: 'a-long-password',
    });
    const strangerOrg = rows(await call('GET', '/v7/organization?$select=id', stranger.token))[0]
      .id;
    const hidden = await call('POST', '/v7/application', stranger.token, {
      app_name: 'hiddenFleet',
      organization: strangerOrg,
      is_for__device_type: deviceTypeId,
    });
    const moved = await call('PATCH', `/v7/device(${device})`, token, {
      belongs_to__application: idOf(hidden),
    });
    expect(moved.status).toBe(404);
    expect(moved.json).toBe("Application doesn't exist or you have no access to it.");
  });
});

describe('device history', () => {
  it('keeps one open row per device, closes it on tracked changes, and survives deletion', async () => {
    const app = idOf(await newApp('historyFleet'));
    const device = await newDevice(app);
    const { id, uuid } = device.json as { id: number; uuid: string };
    const history = async () =>
      rows(
        await call(
          'GET',
          `/v7/device_history?$select=end_timestamp,tracks__device,uuid,os_version,belongs_to__application&$filter=uuid%20eq%20'${uuid}'&$orderby=id%20asc`,
          token,
        ),
      );
    expect(await history()).toEqual([
      {
        end_timestamp: null,
        tracks__device: { __id: id },
        uuid,
        os_version: null,
        belongs_to__application: { __id: app },
      },
    ]);
    expect((await call('PATCH', `/v7/device(${id})`, token, { note: 'untracked' })).status).toBe(
      200,
    );
    expect(await history()).toHaveLength(1);
    expect(
      (await call('PATCH', `/v7/device(${id})`, token, { os_version: 'balenaOS 2.50.0' })).status,
    ).toBe(200);
    const rowsAfter = await history();
    expect(rowsAfter).toHaveLength(2);
    expect(rowsAfter[0].end_timestamp).not.toBeNull();
    expect(rowsAfter[1]).toMatchObject({ end_timestamp: null, os_version: 'balenaOS 2.50.0' });
    expect((await call('DELETE', `/v7/device(${id})`, token)).status).toBe(200);
    const afterDelete = await history();
    expect(afterDelete).toHaveLength(2);
    for (const row of afterDelete) {
      expect(row.tracks__device).toBeNull();
      expect(row.end_timestamp).not.toBeNull();
    }
  });
});

describe('host OS and supervisor targets', () => {
  const targetOf = async (id: number) =>
    rows(
      await call(
        'GET',
        `/v7/device(${id})?$select=id&$expand=should_be_operated_by__release($select=raw_version),should_be_managed_by__release($select=raw_version)`,
        token,
      ),
    )[0];

  it('follow the versions a device reports, and refuse downgrades', async () => {
    const app = idOf(await newApp('osFleet'));
    const created = await newDevice(app, {
      os_version: 'balenaOS 2.29.0+rev1',
      os_variant: 'prod',
      supervisor_version: '11.12.4',
    });
    expect(created.status).toBe(201);
    const id = idOf(created);
    expect(await targetOf(id)).toMatchObject({
      should_be_operated_by__release: [{ raw_version: '2.29.0+rev1.prod' }],
      should_be_managed_by__release: [{ raw_version: '11.12.4' }],
    });
    expect(
      (await call('PATCH', `/v7/device(${id})`, token, { os_version: 'balenaOS 2.48.0+rev1' }))
        .status,
    ).toBe(200);
    expect(await targetOf(id)).toMatchObject({
      should_be_operated_by__release: [{ raw_version: '2.48.0+rev1.prod' }],
    });

    const older = rows(
      await call(
        'GET',
        "/v7/release?$select=id&$filter=raw_version%20eq%20'2.29.0+rev1.prod'&$top=1",
        token,
      ),
    )[0].id as number;
    const downgrade = await call('PATCH', `/v7/device(${id})`, token, {
      should_be_operated_by__release: older,
    });
    expect(downgrade.status).toBe(400);
    expect(downgrade.json).toBe('Attempt to downgrade hostapp, which is not allowed');
    const tooOld = await newDevice(app, {
      device_name: 'ancient',
      os_version: 'balenaOS 2.10.0',
    });
    expect(tooOld.status).toBe(403);
    expect(tooOld.json).toBe(
      'Device ancient has OS version balenaOS 2.10.0 but needs to satisfy version range: >=2.11.0',
    );
    const unparsable = await newDevice(app, {
      device_name: 'relic',
      os_version: 'Resin OS',
    });
    expect(unparsable.status).toBe(403);
    expect(unparsable.json).toBe(
      'Device relic is too old to satisfy required version range: >=2.11.0',
    );
    const missing = await call('PATCH', `/v7/device(${id})`, token, {
      should_be_managed_by__release: 999999,
    });
    expect(missing.json).toBe('Could not find a supervisor release with this ID 999999');
  });
});

describe('cascading deletes', () => {
  it('deleting an application removes its devices, variables, tags, releases and device keys', async () => {
    const app = idOf(await newApp('doomedFleet'));
    const device = idOf(await newDevice(app));
    await call('POST', '/v7/device_tag', token, { device, tag_key: 'k', value: 'v' });
    await call('POST', '/v7/device_environment_variable', token, {
      device,
      [ENV]: 'X',
      value: 'v',
    });
    await call('POST', '/v7/application_tag', token, {
      application: app,
      tag_key: 'k',
      value: 'v',
    });
    const release = idOf(await newRelease(app));
    await call('POST', '/v7/release_tag', token, { release, tag_key: 'k', value: 'v' });
    const key = (await call('POST', `/api-key/device/${device}/device-key`, token, {}))
      .json as string;
    expect((await call('GET', '/actor/v1/whoami', key)).status).toBe(200);

    const deleted = await call('DELETE', `/v7/application(${app})`, token);
    expect(deleted.status).toBe(200);
    expect(rows(await call('GET', `/v7/device?$filter=id%20eq%20${device}`, token))).toEqual([]);
    expect(rows(await call('GET', `/v7/release?$filter=id%20eq%20${release}`, token))).toEqual([]);
    const { rows: leftovers } = await sbvrUtils.db.executeSql(
      `SELECT (SELECT count(*) FROM "device-has-tag key" WHERE "device" = $1) AS tags,
              (SELECT count(*) FROM "release-has-tag key" WHERE "release" = $2) AS release_tags,
              (SELECT count(*) FROM "application-has-tag key" WHERE "application" = $3) AS app_tags`,
      [device, release, app],
    );
    expect(leftovers[0]).toEqual({ tags: '0', release_tags: '0', app_tags: '0' });
    expect((await call('GET', '/actor/v1/whoami', key)).status).toBe(401);
  });

  it('deleting an application whose device was pinned to its release keeps the history, detached', async () => {
    const app = idOf(await newApp('pinnedFleet'));
    const release = idOf(await newRelease(app));
    const device = idOf(await newDevice(app));
    const { uuid } = rows(await call('GET', `/v7/device(${device})?$select=uuid`, token))[0];
    const pinned = await call('PATCH', `/v7/device(${device})`, token, {
      is_pinned_on__release: release,
    });
    expect(pinned.status).toBe(200);

    const deleted = await call('DELETE', `/v7/application(${app})`, token);
    expect(deleted.status).toBe(200);
    const { rows: history } = await sbvrUtils.db.executeSql(
      `SELECT "is pinned on-release" AS pinned FROM "device history" WHERE "uuid" = $1`,
      [uuid],
    );
    expect(history.length).toBeGreaterThan(0);
    expect(history.map((row) => row.pinned)).toEqual(history.map(() => null));
  });
});

describe('bad input', () => {
  it('answers 4xx, never 500, for malformed values', async () => {
    const app = idOf(await newApp('badInputFleet'));
    const attempts: Array<[string, string, unknown]> = [
      [
        'POST',
        '/v7/device',
        { belongs_to__application: app, is_of__device_type: deviceTypeId, uuid: 42 },
      ],
      [
        'POST',
        '/v7/device',
        { belongs_to__application: app, is_of__device_type: deviceTypeId, device_name: 7 },
      ],
      [
        'POST',
        '/v7/application',
        { app_name: 'x y z', organization: orgId, is_for__device_type: deviceTypeId },
      ],
      ['POST', '/v7/release', { belongs_to__application: app, semver: [1] }],
      ['POST', '/v7/application_tag', { application: app, tag_key: 5, value: 'v' }],
      ['POST', '/v7/organization', { name: 'x', handle: 'Not Valid' }],
      ['POST', '/login_', 'just a string'],
      [
        'POST',
        '/api-key/v2/',
        {
          actorType: 'application',
          actorTypeId: app,
          roles: 'provisioning-api-key',
          expiryDate: null,
        },
      ],
      ['POST', '/api-key/user/full', { name: ['x'], expiryDate: null }],
    ];
    for (const [method, path, body] of attempts) {
      const reply = await call(method, path, token, body);
      expect(reply.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500);
    }
  });
});
