// OS images and config.json: generated downloads (checksum, ranges, If-Range, 404s), download sizes, the
// host OS catalogue the SDK selects versions from, and /download-config with its provisioning key.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import {
  DOWNLOAD_RATE_ENV,
  IMAGE_BASE_BYTES_ENV,
  syntheticImage,
} from '../src/features/os/index.js';
import { getRows, odata, request } from './support/odata-client.js';
import { createFleet, type TestFleet } from './support/device-fixtures.js';

const IMAGE_BASE_BYTES = 3 * 1024 * 1024 + 123;
let server: TestServer;
let apiUrl: string;
let owner: TestUser;
let stranger: TestUser;
let fleet: TestFleet;
let previousBase: string | undefined;

async function download(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${apiUrl}/download?${query}`, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

function expectedBytes(deviceType: string, version: string, start: number, end: number): Buffer {
  const image = syntheticImage(deviceType, version);
  const blocks: Buffer[] = [];
  for (let index = 0; index * 65536 < image.size; index++) blocks.push(image.block(index));
  return Buffer.concat(blocks).subarray(start, end + 1);
}

beforeAll(async () => {
  previousBase = process.env[IMAGE_BASE_BYTES_ENV];
  process.env[IMAGE_BASE_BYTES_ENV] = String(IMAGE_BASE_BYTES);
  server = await startTestServer();
  apiUrl = server.apiUrl;
  owner = await server.createUser();
  stranger = await server.createUser();
  fleet = await createFleet(apiUrl, owner.token, 'os-config-fleet', 'raspberrypi3');
}, 90_000);

afterAll(async () => {
  if (previousBase === undefined) delete process.env[IMAGE_BASE_BYTES_ENV];
  else process.env[IMAGE_BASE_BYTES_ENV] = previousBase;
  await server?.close();
});

describe('GET /download', () => {
  it('streams the whole image with its length and a checksum that matches the bytes', async () => {
    const { response, bytes, sha256 } = await download('deviceType=raspberrypi3&version=6.0.10');
    expect(response.status).toBe(200);
    const size = syntheticImage('raspberrypi3', '6.0.10').size;
    expect(size).toBeGreaterThan(IMAGE_BASE_BYTES);
    expect(Number(response.headers.get('content-length'))).toBe(size);
    expect(bytes.length).toBe(size);
    expect(response.headers.get('x-checksum-sha256')).toBe(sha256);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('etag')).toBe(`"sha256-${sha256}"`);
  });

  it('gives different images for different versions and the same bytes on every request', async () => {
    const a = await download('deviceType=raspberrypi3&version=2.48.0%2Brev1.prod');
    const b = await download('deviceType=raspberrypi3&version=2.48.0%2Brev1.dev');
    const again = await download('deviceType=raspberrypi3&version=v2.48.0%2Brev1.prod');
    expect(a.sha256).not.toBe(b.sha256);
    expect(again.sha256).toBe(a.sha256);
  });

  it('answers ranges with 206 and Content-Range, and 416 beyond the end', async () => {
    const size = syntheticImage('raspberrypi3', '6.0.10').size;
    const middle = await download('deviceType=raspberrypi3&version=6.0.10', {
      Range: 'bytes=65530-200000',
    });
    expect(middle.response.status).toBe(206);
    expect(middle.response.headers.get('content-range')).toBe(`bytes 65530-200000/${size}`);
    expect(middle.bytes.equals(expectedBytes('raspberrypi3', '6.0.10', 65530, 200000))).toBe(true);
    const tail = await download('deviceType=raspberrypi3&version=6.0.10', {
      Range: `bytes=${size - 10}-`,
    });
    expect(tail.response.status).toBe(206);
    expect(tail.bytes.length).toBe(10);
    const beyond = await download('deviceType=raspberrypi3&version=6.0.10', {
      Range: `bytes=${size}-`,
    });
    expect(beyond.response.status).toBe(416);
    expect(beyond.response.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it('ignores the range when If-Range names another image', async () => {
    const stale = await download('deviceType=raspberrypi3&version=6.0.10', {
      Range: 'bytes=100-',
      'If-Range': '"sha256-0000"',
    });
    expect(stale.response.status).toBe(200);
    expect(stale.bytes.length).toBe(syntheticImage('raspberrypi3', '6.0.10').size);
  });

  it('paces a download to the configured link speed, whole and ranged', async () => {
    const size = syntheticImage('raspberrypi3', '6.0.10').size;
    // 4 MiB/s: the whole image (about 3 MiB) takes at least 0.75 s, its last 1 MiB at least 0.25 s.
    process.env[DOWNLOAD_RATE_ENV] = String(4 * 1024 * 1024);
    try {
      let started = performance.now();
      const whole = await download('deviceType=raspberrypi3&version=6.0.10');
      expect(whole.bytes.length).toBe(size);
      expect(performance.now() - started).toBeGreaterThanOrEqual(
        (size / (4 * 1024 * 1024)) * 1000 - 20,
      );
      started = performance.now();
      const tail = await download('deviceType=raspberrypi3&version=6.0.10', {
        Range: `bytes=${size - 1024 * 1024}-`,
      });
      expect(tail.bytes.length).toBe(1024 * 1024);
      expect(performance.now() - started).toBeGreaterThanOrEqual(250 - 20);
    } finally {
      delete process.env[DOWNLOAD_RATE_ENV];
    }
  });

  it('resolves aliases, latest and legacy versions; 404 for unknown types and versions', async () => {
    const alias = await fetch(`${apiUrl}/download?deviceType=raspberrypi&version=6.0.10`, {
      method: 'HEAD',
    });
    expect(alias.status).toBe(200);
    const legacy = await fetch(`${apiUrl}/download?deviceType=fincm3&version=2020.04.0.prod`, {
      method: 'HEAD',
    });
    expect(legacy.status).toBe(200);
    for (const query of [
      'deviceType=foobarbaz&version=6.0.10',
      'deviceType=raspberrypi3&version=9.9.9',
      'deviceType=raspberrypi3-64&version=6.0.15',
    ]) {
      const reply = await fetch(`${apiUrl}/download?${query}`, { method: 'HEAD' });
      expect([query, reply.status]).toEqual([query, 404]);
    }
  });
});

describe('GET /device-types/v1/:slug/images/:version/download-size', () => {
  it('answers the image size, latest included, and 404 with the real text', async () => {
    const sized = await request(
      apiUrl,
      'GET',
      '/device-types/v1/raspberrypi3/images/6.0.10/download-size',
    );
    expect(sized.json).toEqual({ size: syntheticImage('raspberrypi3', '6.0.10').size });
    const latest = await request(
      apiUrl,
      'GET',
      '/device-types/v1/raspberrypi3-64/images/latest/download-size',
    );
    expect(latest.json).toEqual({ size: syntheticImage('raspberrypi3-64', '6.0.10').size });
    const missing = await request(
      apiUrl,
      'GET',
      '/device-types/v1/raspberrypi3/images/1.0.0/download-size',
    );
    expect([missing.status, missing.text]).toEqual([
      404,
      'Device raspberrypi3 not found for 1.0.0 version',
    ]);
  });
});

describe('host OS catalogue', () => {
  it('has an ESR host fleet with line tags, and drafts and invalidated releases', async () => {
    const apps = await getRows<{
      slug: string;
      application_tag: Array<{ tag_key: string; value: string }>;
      owns__release: Array<{ raw_version: string; is_final: boolean; is_invalidated: boolean }>;
    }>(
      apiUrl,
      odata(
        "/v7/application?$select=slug&$filter=is_host eq true and is_for__device_type/any(dt:dt/slug in ('raspberrypi3-64'))&$expand=application_tag($select=tag_key,value),owns__release($select=raw_version,is_final,is_invalidated)&$orderby=slug asc",
      ),
    );
    expect(apps.map((a) => a.slug)).toEqual([
      'balena_os/raspberrypi3-64',
      'balena_os/raspberrypi3-64-esr',
    ]);
    const tags = Object.fromEntries(apps[1].application_tag.map((t) => [t.tag_key, t.value]));
    expect(tags).toEqual({
      'release-policy': 'esr',
      'esr-next': '2024.1',
      'esr-current': '2023.7',
      'esr-sunset': '2023.1',
    });
    const releases = apps[0].owns__release;
    expect(releases.find((r) => r.raw_version === '6.1.0')?.is_final).toBe(false);
    expect(releases.find((r) => r.raw_version === '6.0.15')?.is_invalidated).toBe(true);
  });
});

describe('/download-config', () => {
  it('returns config.json and creates a provisioning key named as asked', async () => {
    const reply = await request(apiUrl, 'POST', '/download-config', {
      token: owner.token,
      body: {
        appId: fleet.id,
        version: '2.48.0+rev1.dev',
        network: 'wifi',
        wifiSsid: 'home',
        wifiKey: 'secret',
        appUpdatePollInterval: 5,
        provisioningKeyName: 'os-test-key',
      },
    });
    expect(reply.status, reply.text).toBe(200);
    const config = reply.json as Record<string, unknown>;
    expect(config).toMatchObject({
      applicationId: fleet.id,
      deviceType: 'raspberrypi3',
      userId: owner.id,
      apiEndpoint: apiUrl,
      appUpdatePollInterval: 300_000,
      wifiSsid: 'home',
      wifiKey: 'secret',
      developmentMode: true,
      listenPort: 48484,
    });
    for (const key of ['apiKey', 'registryEndpoint', 'vpnEndpoint', 'mixpanelToken']) {
      expect(config[key], key).toBeTruthy();
    }
    expect(config).not.toHaveProperty('files');
    const keys = await getRows<{ name: string }>(
      apiUrl,
      odata("/v7/api_key?$select=name&$filter=name eq 'os-test-key'"),
      owner.token,
    );
    expect(keys).toHaveLength(1);
  });

  it('refuses anonymous callers, missing fields, old versions and fleets of others', async () => {
    const post = (body: unknown, token?: string) =>
      request(apiUrl, 'POST', '/download-config', { token, body });
    expect((await post({ appId: fleet.id, version: '2.48.0+rev1' })).status).toBe(401);
    const noApp = await post({ version: '2.48.0+rev1' }, owner.token);
    expect([noApp.status, noApp.text]).toEqual([400, 'An appId is required.']);
    const noVersion = await post({ appId: fleet.id }, owner.token);
    expect([noVersion.status, noVersion.text]).toEqual([400, 'A version is required.']);
    const old = await post({ appId: fleet.id, version: '1.2.0' }, owner.token);
    expect([old.status, old.text]).toEqual([
      400,
      'balenaOS versions <= 1.2.0 are no longer supported, please update',
    ]);
    expect((await post({ appId: fleet.id, version: '2.48.0+rev1' }, stranger.token)).status).toBe(
      404,
    );
    const viaGet = await request(
      apiUrl,
      'GET',
      `/download-config?appId=${fleet.id}&version=2.48.0%2Brev1`,
      { token: owner.token },
    );
    expect(viaGet.status).toBe(200);
  });
});
