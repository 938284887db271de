// OData behaviour of the local API over HTTP: filters, lambdas, expands, counts, ordering, paging, synonyms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, sbvrUtils } from '@balena/pinejs';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { createUser } from '../src/identity/index.js';
import { getRows, odata, request } from './support/odata-client.js';

let server: TestServer;
let apiUrl: string;
let token: string;
let fleetId: number;
const deviceIds: Record<string, number> = {};

const root = { req: permissions.root };

async function rootPost(resource: string, body: Record<string, unknown>): Promise<{ id: number }> {
  return (await sbvrUtils.api.v7.post({ resource, body, passthrough: root })) as { id: number };
}

async function rootGetId(resource: string, filter: Record<string, string>): Promise<number> {
  const rows = (await sbvrUtils.api.v7.get({
    resource,
    options: { $select: 'id', $filter: filter },
    passthrough: root,
  })) as Array<{
    id: number;
  }>;
  return rows[0].id;
}

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = server.apiUrl;
  const user = await createUser({
    email: 'odata-owner@example.com',
    password: 'odata-secret-1',
    username: 'odata_owner',
  });
  token = user.token;
  const organization = await rootGetId('organization', { handle: 'odata_owner' });
  const rpi4 = await rootGetId('device_type', { slug: 'raspberrypi4-64' });
  fleetId = (
    await rootPost('application', {
      app_name: 'odata-fleet',
      organization,
      is_for__device_type: rpi4,
    })
  ).id;
  for (const [name, online] of [
    ['alpha', true],
    ['bravo', false],
    ['charlie', true],
  ] as const) {
    const device = await rootPost('device', {
      belongs_to__application: fleetId,
      is_of__device_type: rpi4,
      device_name: name,
      note: name === 'bravo' ? null : `note of ${name}`,
    });
    deviceIds[name] = device.id;
    if (online) {
      await sbvrUtils.api.v7.patch({
        resource: 'device',
        id: device.id,
        body: { is_online: true },
        passthrough: root,
      });
    }
  }
  await rootPost('device_tag', { device: deviceIds.alpha, tag_key: 'room', value: 'kitchen' });
  await rootPost('device__has__tag_key', { device: deviceIds.alpha, tag_key: 'floor', value: '1' });
  await rootPost('device_tag', { device: deviceIds.charlie, tag_key: 'room', value: 'hall' });
});

afterAll(async () => {
  await server?.close();
});

describe('filters', () => {
  it('compares with eq, ne, in and string functions', async () => {
    const eq = await getRows(
      apiUrl,
      odata("/v7/device?$select=device_name&$filter=device_name eq 'alpha'"),
      token,
    );
    expect(eq).toEqual([{ device_name: 'alpha' }]);
    const inList = await getRows(
      apiUrl,
      odata(
        "/v7/device?$select=device_name&$filter=device_name in ('alpha','charlie')&$orderby=device_name asc",
      ),
      token,
    );
    expect(inList.map((d) => d.device_name)).toEqual(['alpha', 'charlie']);
    const starts = await getRows(
      apiUrl,
      odata("/v7/device?$select=device_name&$filter=startswith(device_name,'br')"),
      token,
    );
    expect(starts).toEqual([{ device_name: 'bravo' }]);
    const lower = await getRows(
      apiUrl,
      odata("/v7/device?$select=device_name&$filter=tolower(device_name) eq 'charlie'"),
      token,
    );
    expect(lower).toHaveLength(1);
    const notFilter = await getRows(
      apiUrl,
      odata("/v7/device?$select=device_name&$filter=not(device_name eq 'alpha')"),
      token,
    );
    expect(notFilter.map((d) => d.device_name).sort()).toEqual(['bravo', 'charlie']);
  });

  it('treats eq null and ne as null-safe', async () => {
    const nullNote = await getRows(
      apiUrl,
      odata('/v7/device?$select=device_name&$filter=note eq null'),
      token,
    );
    expect(nullNote).toEqual([{ device_name: 'bravo' }]);
    // "ne" is IS DISTINCT FROM: the row with a null note is included.
    const notAlphaNote = await getRows(
      apiUrl,
      odata("/v7/device?$select=device_name&$filter=note ne 'note of alpha'"),
      token,
    );
    expect(notAlphaNote.map((d) => d.device_name).sort()).toEqual(['bravo', 'charlie']);
  });

  it('evaluates any/all lambdas on collections and on single-valued navigations', async () => {
    const tagged = await getRows(
      apiUrl,
      odata(
        "/v7/device?$select=device_name&$filter=device_tag/any(t:t/tag_key eq 'room' and t/value eq 'kitchen')",
      ),
      token,
    );
    expect(tagged).toEqual([{ device_name: 'alpha' }]);
    const allRooms = await getRows(
      apiUrl,
      odata(
        "/v7/device?$select=device_name&$filter=device_tag/all(t:t/tag_key eq 'room')&$orderby=device_name asc",
      ),
      token,
    );
    // bravo has no tags at all, so "all" holds for it too.
    expect(allRooms.map((d) => d.device_name)).toEqual(['bravo', 'charlie']);
    const count = await request(
      apiUrl,
      'GET',
      odata("/v7/device/$count?$filter=belongs_to__application/any(a:a/app_name eq 'odata-fleet')"),
      { token },
    );
    expect(count.json).toEqual({ d: 3 });
  });

  it('filters on a nested lambda and on a navigation count', async () => {
    const nested = await getRows(
      apiUrl,
      odata(
        "/v7/application?$select=app_name&$filter=owns__device/any(d:d/device_tag/any(t:t/value eq 'hall'))",
      ),
      token,
    );
    expect(nested).toEqual([{ app_name: 'odata-fleet' }]);
    const twoTags = await getRows(
      apiUrl,
      odata('/v7/device?$select=device_name&$filter=device_tag/$count eq 2'),
      token,
    );
    expect(twoTags).toEqual([{ device_name: 'alpha' }]);
  });
});

describe('expand, select and counts', () => {
  it('serialises a foreign key as {__id} and expands it to a one-element array', async () => {
    const [plain] = await getRows(
      apiUrl,
      odata(`/v7/device(${deviceIds.alpha})?$select=belongs_to__application`),
      token,
    );
    expect(plain).toEqual({ belongs_to__application: { __id: fleetId } });
    const [expanded] = await getRows(
      apiUrl,
      odata(
        `/v7/device(${deviceIds.alpha})?$select=id&$expand=belongs_to__application($select=app_name)`,
      ),
      token,
    );
    expect(expanded).toEqual({
      id: deviceIds.alpha,
      belongs_to__application: [{ app_name: 'odata-fleet' }],
    });
  });

  it('expands two levels with per-level $select, $filter, $orderby and $top', async () => {
    const [fleet] = await getRows(
      apiUrl,
      odata(
        `/v7/application(${fleetId})?$select=app_name&$expand=owns__device($select=device_name;$filter=device_tag/$count gt 0;$orderby=device_name desc;$top=5;$expand=device_tag($select=tag_key,value;$orderby=tag_key asc))`,
      ),
      token,
    );
    expect(fleet).toEqual({
      app_name: 'odata-fleet',
      owns__device: [
        { device_name: 'charlie', device_tag: [{ tag_key: 'room', value: 'hall' }] },
        {
          device_name: 'alpha',
          device_tag: [
            { tag_key: 'floor', value: '1' },
            { tag_key: 'room', value: 'kitchen' },
          ],
        },
      ],
    });
  });

  it('answers $count at the top level and inside $expand', async () => {
    const count = await request(
      apiUrl,
      'GET',
      odata(`/v7/device/$count?$filter=belongs_to__application eq ${fleetId}`),
      { token },
    );
    expect(count).toMatchObject({ status: 200, json: { d: 3 } });
    const [fleet] = await getRows(
      apiUrl,
      odata(
        `/v7/application(${fleetId})?$select=id&$expand=owns__device/$count($filter=is_online eq true)`,
      ),
      token,
    );
    expect(fleet.owns__device).toBe(2);
  });

  it('accepts both names of a synonym as resource and navigation', async () => {
    const byTermForm = await getRows(
      apiUrl,
      odata(
        `/v7/device_tag?$select=tag_key&$filter=device eq ${deviceIds.alpha}&$orderby=tag_key asc`,
      ),
      token,
    );
    const byFactType = await getRows(
      apiUrl,
      odata(
        `/v7/device__has__tag_key?$select=tag_key&$filter=device eq ${deviceIds.alpha}&$orderby=tag_key asc`,
      ),
      token,
    );
    expect(byTermForm).toEqual([{ tag_key: 'floor' }, { tag_key: 'room' }]);
    expect(byFactType).toEqual(byTermForm);
    const [viaNav] = await getRows(
      apiUrl,
      odata(`/v7/device(${deviceIds.alpha})?$select=id&$expand=device__has__tag_key/$count`),
      token,
    );
    expect(viaNav.device__has__tag_key).toBe(2);
  });

  it('addresses a row by an alternate key', async () => {
    const [{ uuid }] = await getRows<{ uuid: string }>(
      apiUrl,
      `/v7/device(${deviceIds.bravo})?$select=uuid`,
      token,
    );
    const rows = await getRows(apiUrl, `/v7/device(uuid='${uuid}')?$select=device_name`, token);
    expect(rows).toEqual([{ device_name: 'bravo' }]);
  });
});

describe('ordering and paging', () => {
  it('sorts descending when $orderby gives no direction, as the real API does', async () => {
    const noDirection = await getRows(
      apiUrl,
      odata(
        `/v7/device?$select=device_name&$filter=belongs_to__application eq ${fleetId}&$orderby=device_name`,
      ),
      token,
    );
    expect(noDirection.map((d) => d.device_name)).toEqual(['charlie', 'bravo', 'alpha']);
    const ascending = await getRows(
      apiUrl,
      odata(
        `/v7/device?$select=device_name&$filter=belongs_to__application eq ${fleetId}&$orderby=device_name asc`,
      ),
      token,
    );
    expect(ascending.map((d) => d.device_name)).toEqual(['alpha', 'bravo', 'charlie']);
  });

  it('pages with $top and $skip', async () => {
    const page = await getRows(
      apiUrl,
      odata(
        `/v7/device?$select=device_name&$filter=belongs_to__application eq ${fleetId}&$orderby=device_name asc&$top=1&$skip=1`,
      ),
      token,
    );
    expect(page).toEqual([{ device_name: 'bravo' }]);
  });
});

describe('directly accessible fleets', () => {
  it('lists the fleets of organizations the user administers, not public fleets', async () => {
    const direct = await getRows(
      apiUrl,
      odata(
        '/v7/application?$select=app_name&$filter=is_directly_accessible_by__user/any(dau:1 eq 1)',
      ),
      token,
    );
    expect(direct).toEqual([{ app_name: 'odata-fleet' }]);
    const visible = await request(
      apiUrl,
      'GET',
      odata('/v7/application/$count?$filter=is_public eq true'),
      { token },
    );
    expect((visible.json as { d: number }).d).toBeGreaterThan(0);
  });
});

describe('public catalogue', () => {
  it('lets anonymous callers read device types by alias, with their CPU architecture', async () => {
    const rows = await getRows(
      apiUrl,
      odata(
        "/v7/device_type?$select=slug&$filter=device_type_alias/any(a:a/is_referenced_by__alias eq 'raspberrypi')&$expand=is_of__cpu_architecture($select=slug)",
      ),
    );
    expect(rows).toEqual([{ slug: 'raspberry-pi', is_of__cpu_architecture: [{ slug: 'rpi' }] }]);
  });

  it('offers host OS releases for the SDK OS-version queries', async () => {
    const rows = await getRows<{ owns__release: Array<{ raw_version: string }> }>(
      apiUrl,
      odata(
        "/v7/application?$select=slug&$filter=is_host eq true and is_for__device_type/any(dt:dt/slug in ('raspberrypi3'))&$expand=owns__release($select=raw_version;$filter=is_final eq true and is_invalidated eq false and status eq 'success' and semver_major gt 0;$orderby=raw_version asc)",
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].owns__release.map((r) => r.raw_version)).toEqual(
      expect.arrayContaining(['2.29.0+rev1.prod', '2.29.0+rev1.dev', '2.48.0+rev1.prod', '6.0.10']),
    );
  });
});
