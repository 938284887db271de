// Another user's fleet through every custom (non-OData) route: refused and unchanged, while the owner's own calls
// work (so a refusal means something). Every answer seen here, and the answers to malformed, huge and
// injection-shaped input, is scanned: no 5xx, no stack trace, no SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSimulatedFleetDevice,
  startTestServer,
  type SimulatedDevice,
  type TestServer,
  type TestUser,
} from '../src/testing/index.js';
import { getRows, request, type Reply } from './support/odata-client.js';

let server: TestServer;
let api: string;
let owner: TestUser;
let stranger: TestUser;
let orgId: number;
let appId: number;
let appUuid: string;
let device: SimulatedDevice;
let deviceId: number;
const SECRET_LOG_LINE = 'owner-only log line 7f3a';
const answers: Array<{ what: string; reply: Reply }> = [];

async function call(
  what: string,
  method: string,
  path: string,
  options: Parameters<typeof request>[3] = {},
): Promise<Reply> {
  const reply = await request(api, method, path, options);
  answers.push({ what, reply });
  return reply;
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  owner = await server.createUser();
  stranger = await server.createUser();
  [{ id: orgId }] = await getRows<{ id: number }>(api, '/v7/organization?$select=id', owner.token);
  const [deviceType] = await getRows<{ id: number }>(
    api,
    "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'",
    owner.token,
  );
  const fleet = await request(api, 'POST', '/v7/application', {
    token: owner.token,
    body: { app_name: 'privateFleet', organization: orgId, is_for__device_type: deviceType.id },
  });
  appId = (fleet.json as { id: number }).id;
  appUuid = (fleet.json as { uuid: string }).uuid;
  device = await startSimulatedFleetDevice({
    apiUrl: api,
    token: owner.token,
    applicationId: appId,
  });
  [{ id: deviceId }] = await getRows<{ id: number }>(
    api,
    `/v7/device?$select=id&$filter=uuid%20eq%20'${device.uuid}'`,
    owner.token,
  );
  await device.sendLog(SECRET_LOG_LINE);
}, 120_000);

afterAll(async () => {
  await device?.stop();
  await server?.close();
});

const REFUSED = [401, 403, 404];

describe("another user's fleet through custom routes", () => {
  it('device logs: the owner reads them, a stranger gets a refusal without the lines', async () => {
    const own = await call('own logs', 'GET', `/device/v2/${device.uuid}/logs`, {
      token: owner.token,
    });
    expect(own.status).toBe(200);
    expect(own.text).toContain(SECRET_LOG_LINE);
    const theirs = await call('stranger logs', 'GET', `/device/v2/${device.uuid}/logs`, {
      token: stranger.token,
    });
    expect(REFUSED).toContain(theirs.status);
    expect(theirs.text).not.toContain(SECRET_LOG_LINE);
    const written = await call('stranger writes logs', 'POST', `/device/v2/${device.uuid}/logs`, {
      token: stranger.token,
      body: [{ message: 'forged', timestamp: Date.now() }],
    });
    expect(REFUSED).toContain(written.status);
    const after = await request(api, 'GET', `/device/v2/${device.uuid}/logs`, {
      token: owner.token,
    });
    expect(after.text).not.toContain('forged');
  });

  it('target state, supervisor relay, fleet restart and OS update actions are refused', async () => {
    const cases: Array<[string, string, unknown?]> = [
      ['GET', `/device/v3/${device.uuid}/state`],
      ['GET', `/device/v2/${device.uuid}/state`],
      ['GET', `/device/v3/fleet/${appUuid}/state`],
      ['POST', '/supervisor/v1/blink', { uuid: device.uuid }],
      ['POST', '/supervisor/v1/reboot', { uuid: device.uuid }],
      ['POST', `/application/${appId}/restart`, {}],
      ['POST', `/actions/v2/${device.uuid}/resinhup`, { parameters: { target_version: '2.0.0' } }],
    ];
    for (const [method, path, body] of cases) {
      const reply = await call(`stranger ${method} ${path}`, method, path, {
        token: stranger.token,
        body,
      });
      expect(REFUSED, `${method} ${path} → ${reply.status} ${reply.text}`).toContain(reply.status);
    }
    const commands = device.commands.map((command) => command.path);
    expect(commands).not.toContain('/v1/blink');
    expect(commands).not.toContain('/v1/reboot');
    // The owner's own relay reaches the device.
    const own = await call('own blink', 'POST', '/supervisor/v1/blink', {
      token: owner.token,
      body: { uuid: device.uuid },
    });
    expect(own.status).toBe(200);
  });

  it('keys, config download and billing of the fleet are refused', async () => {
    const cases: Array<[string, string, unknown?]> = [
      ['POST', `/api-key/application/${appId}/provisioning`, {}],
      ['POST', `/api-key/device/${deviceId}/device-key`, {}],
      ['POST', '/download-config', { appId, deviceType: 'raspberrypi3', version: '2.0.0' }],
      ['GET', `/download-config?appId=${appId}&deviceType=raspberrypi3&version=2.0.0`],
      ['GET', `/billing/v1/account/${orgId}`],
      ['GET', `/billing/v1/account/${orgId}/plan`],
    ];
    for (const [method, path, body] of cases) {
      const reply = await call(`stranger ${method} ${path}`, method, path, {
        token: stranger.token,
        body,
      });
      expect(REFUSED, `${method} ${path} → ${reply.status} ${reply.text}`).toContain(reply.status);
    }
  });
});

describe('hostile input on custom routes', () => {
  it('malformed, huge, wrongly typed and injection-shaped input answers 4xx', async () => {
    const huge = JSON.stringify({ uuid: 'x'.repeat(30 * 1024 * 1024) });
    const cases: Array<[string, string, Parameters<typeof request>[3]]> = [
      ['POST', '/supervisor/v1/blink', { rawBody: '{"uuid": ' }],
      ['POST', '/supervisor/v1/blink', { rawBody: huge }],
      ['POST', '/supervisor/v1/blink', { body: { uuid: { $ne: null } } }],
      ['POST', '/supervisor/v1/blink', { body: { uuid: "' or 1 eq 1 or '" } }],
      ['POST', '/device/register', { rawBody: '[1,2' }],
      ['POST', '/device/register', { body: { uuid: 42, user: 'x', application: [] } }],
      ['POST', '/download-config', { body: { appId: '1) or (1 eq 1', deviceType: '../../etc' } }],
      ['GET', `/device/v2/${encodeURIComponent("x' or '1'='1")}/logs`, {}],
      ['GET', `/device/v3/${encodeURIComponent('../../v7/user')}/state`, {}],
      ['POST', '/login_', { rawBody: huge }],
      ['POST', '/login_', { body: { username: ['a'], password: { length: 1 } } }],
      ['POST', '/api-key/v2/', { body: { actorType: 'user', actorTypeId: 'drop table' } }],
      ['GET', `/billing/v1/account/${encodeURIComponent('1; DELETE FROM "user"')}`, {}],
    ];
    for (const [method, path, options] of cases) {
      const reply = await call(`hostile ${method} ${path.slice(0, 60)}`, method, path, {
        token: owner.token,
        ...options,
      });
      expect(
        reply.status,
        `${method} ${path.slice(0, 60)} → ${reply.text.slice(0, 200)}`,
      ).toBeGreaterThanOrEqual(400);
      expect(
        reply.status,
        `${method} ${path.slice(0, 60)} → ${reply.text.slice(0, 200)}`,
      ).toBeLessThan(500);
    }
    // Still serving, users table intact.
    expect((await request(api, 'GET', '/user/v1/whoami', { token: owner.token })).status).toBe(200);
  }, 120_000);

  it('no answer seen in this file carries a stack trace, SQL or a server path', () => {
    expect(answers.length).toBeGreaterThan(25);
    const leaks = answers.filter(({ reply }) =>
      /\n\s+at \S|node_modules|\/src\/|\b(SELECT|INSERT INTO|DELETE FROM)\b|syntax error at or near|relation "/i.test(
        reply.text,
      ),
    );
    expect(leaks.map(({ what, reply }) => `${what}: ${reply.text.slice(0, 200)}`)).toEqual([]);
    expect(answers.filter(({ reply }) => reply.status >= 500).map(({ what }) => what)).toEqual([]);
  });
});
