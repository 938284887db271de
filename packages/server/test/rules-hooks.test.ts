import { describe, expect, it } from 'vitest';
import {
  call,
  handle,
  idOf,
  newApp,
  newDevice,
  newRelease,
  rows,
  token,
  useRulesApi,
} from './support/rules-api.js';

// Variable name fields, as the real API spells them.
const ENV = 'name';
const CONFIG = 'name';

useRulesApi();

/** A fleet's row with only the release its devices should run (`should_be_running__release`). */
async function trackedRelease(app: number): Promise<Record<string, unknown>> {
  const path = `/v7/application(${app})?$select=should_be_running__release`;
  return rows(await call('GET', path, token))[0];
}

describe('environment and configuration variables', () => {
  it('validates names and values with the real texts', async () => {
    const app = idOf(await newApp('varsFleet'));
    const env = async (name: string, value = 'v') =>
      await call('POST', '/v7/application_environment_variable', token, {
        application: app,
        [ENV]: name,
        value,
      });
    expect((await env('GOOD_NAME')).status).toBe(201);
    expect((await env('1BAD')).json).toBe(
      'Environment variable names can only contain alphanumeric characters and underscores.',
    );
    expect((await env('BALENA')).json).toBe(
      'Environment variables RESIN, BALENA, USER are reserved',
    );
    expect((await env('RESIN_X')).json).toBe(
      'Environment variables beginning with RESIN_, BALENA_ are reserved.',
    );
    expect((await env('MULTI', 'a\nb')).json).toBe(
      'Variable values cannot contain line break characters',
    );
    const config = async (name: string) =>
      await call('POST', '/v7/application_config_variable', token, {
        application: app,
        [CONFIG]: name,
        value: '1',
      });
    expect((await config('BALENA_SUPERVISOR_VPN_CONTROL')).status).toBe(201);
    expect((await config('MY_VAR')).json).toBe(
      'Configuration variables must be part of one of the following namespaces: RESIN_, BALENA_',
    );
    expect((await config('BALENA-X')).status).toBe(400);
    const listed = rows(
      await call(
        'GET',
        `/v7/application_environment_variable?$select=id&$filter=application%20eq%20${app}`,
        token,
      ),
    );
    const patch = await call(
      'PATCH',
      `/v7/application_environment_variable(${listed[0].id as number})`,
      token,
      {
        [ENV]: 'BALENA_NO',
      },
    );
    expect(patch.status).toBe(400);
  });

  it('rejects reserved and whitespace tag keys', async () => {
    const app = idOf(await newApp('tagsFleet'));
    const tag = async (key: unknown) =>
      await call('POST', '/v7/application_tag', token, {
        application: app,
        tag_key: key,
        value: 'v',
      });
    expect((await tag('ok')).status).toBe(201);
    expect((await tag('a b')).json).toBe('Tag keys cannot contain whitespace.');
    expect((await tag('io.resin.x')).json).toBe('Tag keys beginning with io.resin. are reserved.');
    expect((await tag('io.balena.x')).json).toBe(
      'Tag keys beginning with io.balena. are reserved.',
    );
    expect((await tag(null)).status).toBe(400);
    const duplicate = await tag('ok');
    expect(duplicate.status).toBe(409);
    expect(duplicate.text).toMatch(/\bunique\b/i);
  });
});

describe('applications', () => {
  it('generates uuid, actor and slug, and forces latest-release tracking', async () => {
    const reply = await newApp('MyFleet', {
      should_track_latest_release: false,
      slug: 'evil/slug',
    });
    expect(reply.status).toBe(201);
    const app = reply.json as Record<string, unknown>;
    expect(app.uuid).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    expect(app.slug).toBe(`${handle}/myfleet`);
    expect(app.should_track_latest_release).toBe(true);
    expect(app.actor).toMatchObject({ __id: expect.any(Number) });
    const renamed = await call('PATCH', `/v7/application(${app.id as number})`, token, {
      app_name: 'Renamed',
    });
    expect(renamed.status).toBe(200);
    expect(
      rows(await call('GET', `/v7/application(${app.id as number})?$select=slug`, token))[0].slug,
    ).toBe(`${handle}/renamed`);
  });

  it('rejects bad uuids, bad characters and duplicates', async () => {
    expect((await newApp('uuidFleet', { uuid: 'abc' })).json).toBe(
      'Application UUID must be a 32 character long lower case UUID version 4.',
    );
    expect((await newApp('bad name')).json).toBe('App name may only contain [a-zA-Z0-9_-].');
    expect((await newApp('dupFleet')).status).toBe(201);
    const dup = await newApp('DupFleet');
    expect(dup.status).toBe(409);
    expect(dup.text).toMatch(/\bunique\b/i);
  });

  it('recomputes slugs when the organization handle changes, and validates handles', async () => {
    const org = await call('POST', '/v7/organization', token, { name: 'Second Org' });
    expect(org.status).toBe(201);
    const second = org.json as { id: number; handle: string };
    expect(second.handle).toBe('second_org');
    const twin = await call('POST', '/v7/organization', token, { name: 'Second Org' });
    expect(twin.status).toBe(201);
    expect((twin.json as { handle: string }).handle).toMatch(/^second_org_[0-9a-f]{6}$/);
    const members = rows(
      await call(
        'GET',
        `/v7/organization_membership?$select=id&$filter=is_member_of__organization%20eq%20${second.id}`,
        token,
      ),
    );
    expect(members).toHaveLength(1);
    const app = idOf(await newApp('movingFleet', { organization: second.id }));
    expect(
      (await call('PATCH', `/v7/organization(${second.id})`, token, { handle: 'Upper' })).json,
    ).toBe('Handles must be lowercase');
    expect(
      (await call('PATCH', `/v7/organization(${second.id})`, token, { handle: 'a-b' })).json,
    ).toBe('Handles can only contain alphanumeric characters and underscores');
    expect(
      (await call('PATCH', `/v7/organization(${second.id})`, token, { handle: 'renamed_org' }))
        .status,
    ).toBe(200);
    expect(rows(await call('GET', `/v7/application(${app})?$select=slug`, token))[0].slug).toBe(
      'renamed_org/movingfleet',
    );
  });
});

describe('devices', () => {
  it('generates uuid and name, validates them, and stamps connectivity', async () => {
    const app = idOf(await newApp('devFleet'));
    const created = await newDevice(app);
    expect(created.status).toBe(201);
    const device = created.json as Record<string, unknown>;
    expect(device.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(device.device_name).toMatch(/^[a-z]+-[a-z]+$/);
    const post = async (extra: Record<string, unknown>) => await newDevice(app, extra);
    expect((await post({ uuid: 'XYZ' })).json).toBe(
      'Device UUID must be a 32 or 62 character long lower case hex string.',
    );
    expect((await post({ device_name: 'a\nb' })).json).toBe(
      'Device name cannot contain any newline characters.',
    );
    const duplicate = await post({ uuid: device.uuid });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toBe('"uuid" must be unique.');
    const id = device.id as number;
    expect(
      (
        await call('PATCH', `/v7/device(${id})`, token, {
          is_online: true,
          os_version: 'balenaOS 2.48.0+rev1 (prod)',
        })
      ).status,
    ).toBe(200);
    const after = rows(
      await call(
        'GET',
        `/v7/device(${id})?$select=last_connectivity_event,os_variant,is_active`,
        token,
      ),
    )[0];
    expect(after.last_connectivity_event).not.toBeNull();
    expect(after.os_variant).toBe('prod');
    expect(after.is_active).toBe(true);
    const deactivate = await call('PATCH', `/v7/device(${id})`, token, { is_active: false });
    expect(deactivate.status).toBe(400);
    expect(deactivate.json).toBe('Devices must be offline in order to be deactivated.');
  });
});

describe('releases', () => {
  it('assigns revisions on finalisation and derives the version fields', async () => {
    const app = idOf(await newApp('relFleet'));
    const drafts = [];
    for (let i = 0; i < 3; i++) {
      const draft = await newRelease(app, { semver: '1.1.1', is_final: false });
      expect(draft.status).toBe(201);
      const body = draft.json as Record<string, unknown>;
      expect(body.is_final).toBe(false);
      expect(body.raw_version).toBe(`1.1.1-${new Date(body.created_at as string).getTime()}`);
      drafts.push(body.id as number);
    }
    const raw: string[] = [];
    for (const id of drafts) {
      expect((await call('PATCH', `/v7/release(${id})`, token, { is_final: true })).status).toBe(
        200,
      );
      raw.push(
        rows(await call('GET', `/v7/release(${id})?$select=raw_version`, token))[0]
          .raw_version as string,
      );
    }
    expect(raw).toEqual(['1.1.1', '1.1.1+rev1', '1.1.1+rev2']);
    const back = await call('PATCH', `/v7/release(${drafts[0]})`, token, { is_final: false });
    expect(back.json).toBe('Finalized releases cannot be converted to draft.');
    expect((await newRelease(app, { semver: 'one' })).json).toBe('Invalid semver format');
  });

  it('tracks the latest successful release and protects target and pinned releases', async () => {
    const app = idOf(await newApp('trackFleet'));
    const first = idOf(await newRelease(app, { semver: '1.0.0' }));
    expect(await trackedRelease(app)).toEqual({ should_be_running__release: { __id: first } });
    const failed = idOf(await newRelease(app, { semver: '1.0.1', status: 'failed' }));
    expect(await trackedRelease(app)).toEqual({ should_be_running__release: { __id: first } });
    const target = await call('DELETE', `/v7/release(${first})`, token);
    expect(target.status).toBe(400);
    expect(target.json).toBe(
      "Unable to delete release 1.0.0 because it is the fleet's target release.",
    );
    const second = idOf(await newRelease(app, { semver: '1.0.2' }));
    const device = idOf(
      await newDevice(app, {
        is_pinned_on__release: first,
      }),
    );
    expect(device).toBeGreaterThan(0);
    expect((await call('DELETE', `/v7/release(${first})`, token)).json).toBe(
      'Unable to delete a release because device(s) are pinned to it.',
    );
    expect((await call('DELETE', `/v7/release(${failed})`, token)).status).toBe(200);
    const pin = { should_be_running__release: first, should_track_latest_release: false };
    expect((await call('PATCH', `/v7/application(${app})`, token, pin)).status).toBe(200);
    expect(
      (await call('PATCH', `/v7/application(${app})`, token, { should_track_latest_release: true }))
        .status,
    ).toBe(200);
    expect(await trackedRelease(app)).toEqual({ should_be_running__release: { __id: second } });
  });
});
