import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { request } from './support/odata-client.js';

let server: TestServer;
let api: string;
let user: TestUser;
let files: http.Server;
let filesUrl: string;

/** A one-file ustar archive. */
function tarOf(name: string, content: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.fill(' ', 148, 156);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  const data = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  data.write(content);
  return Buffer.concat([header, data, Buffer.alloc(1024)]);
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  user = await server.createUser();
  files = http.createServer((req, res) => {
    if (req.url === '/project.tar.gz') res.end(gzipSync(tarOf('Dockerfile', 'FROM alpine\n')));
    else if (req.url === '/not-a-tar') res.end('plain text, not an archive'.repeat(40));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
}, 90_000);
afterAll(async () => {
  files?.close();
  await server?.close();
});

describe('GET /config/vars', () => {
  it('answers the rules and the common schema without credentials', async () => {
    const reply = await request(api, 'GET', '/config/vars');
    const body = reply.json as {
      reservedNames: string[];
      whiteListedNames: string[];
      configVarSchema: { properties: Record<string, unknown> };
    };
    expect(reply.status).toBe(200);
    expect(body.reservedNames).toEqual(['RESIN', 'BALENA', 'USER']);
    expect(body.whiteListedNames).toContain('BALENA_SUPERVISOR_POLL_INTERVAL');
    expect(body.configVarSchema.properties).toHaveProperty('BALENA_SUPERVISOR_HARDWARE_METRICS');
    expect(body.configVarSchema.properties).not.toHaveProperty('BALENA_HOST_CONFIG_hdmi_mode');
  });

  it('adds the board keys for a Raspberry Pi (by slug or alias) and ignores unknown types', async () => {
    for (const deviceType of ['raspberry-pi', 'raspberrypi']) {
      const { json } = await request(api, 'GET', `/config/vars?deviceType=${deviceType}`);
      expect(
        (json as { configVarSchema: { properties: object } }).configVarSchema.properties,
      ).toHaveProperty('BALENA_HOST_CONFIG_hdmi_mode');
    }
    const unknown = await request(api, 'GET', '/config/vars?deviceType=no-such-board');
    expect(unknown.status).toBe(200);
  });
});

describe('GET /device-types/v1', () => {
  it('lists manifests with slug, name, arch and legacy aliases', async () => {
    const reply = await request(api, 'GET', '/device-types/v1');
    const manifests = reply.json as Array<{
      slug: string;
      name: string;
      arch: string;
      aliases: string[];
      options?: unknown[];
    }>;
    expect(reply.status).toBe(200);
    const pi = manifests.find((m) => m.slug === 'raspberry-pi');
    expect(pi).toMatchObject({ arch: 'rpi', aliases: ['raspberry-pi', 'raspberrypi'] });
    expect(pi?.options?.length).toBeGreaterThan(0);
    expect(manifests.every((m) => m.slug && m.name && m.arch)).toBe(true);
  });

  it('finds one manifest by alias and answers 404 / 400 otherwise', async () => {
    expect(
      ((await request(api, 'GET', '/device-types/v1/raspberrypi')).json as { slug: string }).slug,
    ).toBe('raspberry-pi');
    const unknown = await request(api, 'GET', '/device-types/v1/nope');
    expect([unknown.status, unknown.text]).toEqual([404, 'Unknown device type nope']);
    expect((await request(api, 'GET', '/device-types/v1/bad%20slug')).status).toBe(400);
  });
});

describe('POST /builder/v3/buildFromUrl', () => {
  let handle: string;
  beforeAll(async () => {
    const org = (
      await request(api, 'GET', '/v7/organization?$select=id,handle', { token: user.token })
    ).json as {
      d: Array<{ id: number; handle: string }>;
    };
    handle = org.d[0]!.handle;
    const dt = (
      await request(api, 'GET', "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'")
    ).json as {
      d: Array<{ id: number }>;
    };
    await request(api, 'POST', '/v7/application', {
      token: user.token,
      body: {
        app_name: 'builderFleet',
        organization: org.d[0]!.id,
        is_for__device_type: dt.d[0]!.id,
      },
    });
  });
  const build = (url: string, token = user.token, app = 'builderFleet') =>
    request(api, 'POST', `/builder/v3/buildFromUrl?headless=true&owner=${handle}&app=${app}`, {
      token,
      body: { url, shouldFlatten: true },
    });

  it('creates a running cloud release for a tarball', async () => {
    const reply = await build(`${filesUrl}/project.tar.gz`);
    expect(reply.status).toBe(200);
    const { started, releaseId } = reply.json as { started: boolean; releaseId: number };
    expect(started).toBe(true);
    const release = await request(
      api,
      'GET',
      `/v7/release(${releaseId})?$select=status,source,composition`,
      {
        token: user.token,
      },
    );
    expect((release.json as { d: unknown[] }).d[0]).toMatchObject({
      status: 'running',
      source: 'cloud',
    });
  });

  it('answers the builder errors for bad URLs, non-tarballs, unknown apps and anonymous callers', async () => {
    const missing = await build(`${filesUrl}/missing.tar`);
    expect([missing.status, (missing.json as { message: string }).message]).toEqual([
      404,
      'Failed to fetch tarball from passed URL',
    ]);
    expect((await build(`${filesUrl}/not-a-tar`)).status).toBe(502);
    expect((await build(`${filesUrl}/project.tar.gz`, user.token, 'noSuchApp')).status).toBe(404);
    const anonymous = await request(
      api,
      'POST',
      `/builder/v3/buildFromUrl?owner=${handle}&app=builderFleet`,
      {
        body: { url: `${filesUrl}/project.tar.gz` },
      },
    );
    expect(anonymous.status).toBe(401);
  });
});
