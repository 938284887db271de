// The official balena-sdk (devDependency alias) against the release-asset, builder, config and device-type
// features, unchanged: uploads both ways, downloads, createFromUrl, /config/vars and device-type instructions.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from 'official-balena-sdk';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';

const MiB = 1024 * 1024;
let server: TestServer;
let user: TestUser;
let balena: ReturnType<typeof getSdk>;
let fleetId: number;
let releaseId: number;
let files: http.Server;
let filesUrl: string;

function tarOf(name: string, content: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('0', 156);
  header.write('ustar\0', 257);
  const data = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  data.write(content);
  return Buffer.concat([header, data, Buffer.alloc(1024)]);
}

async function readStream(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = await startTestServer();
  user = await server.createUser();
  // builderUrl = the API itself: the official SDK drops a builderUrl's path, so the builder also answers at the root.
  balena = getSdk({
    apiUrl: server.apiUrl,
    builderUrl: server.apiUrl,
    dataDirectory: false,
    isBrowser: false,
  } as Parameters<typeof getSdk>[0]);
  await balena.auth.loginWithToken(user.token);
  const [org] = await balena.pine.get({ resource: 'organization', options: { $select: 'id' } });
  const [dt] = await balena.pine.get({
    resource: 'device_type',
    options: { $select: 'id', $filter: { slug: 'raspberrypi3' } },
  });
  const app = await balena.pine.post({
    resource: 'application',
    body: { app_name: 'officialFleet', organization: org!.id, is_for__device_type: dt!.id },
  });
  fleetId = app.id;
  const release = await balena.pine.post({
    resource: 'release',
    body: {
      belongs_to__application: fleetId,
      commit: 'f'.repeat(32),
      composition: {},
      status: 'success',
      source: 'cloud',
      start_timestamp: new Date().toISOString(),
    },
  });
  releaseId = release.id;
  files = http.createServer((req, res) => {
    if (req.url === '/app.tar.gz') res.end(gzipSync(tarOf('Dockerfile', 'FROM alpine\n')));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
}, 90_000);
afterAll(async () => {
  files?.closeAllConnections();
  files?.close();
  await server?.close();
});

describe('official SDK: release assets', () => {
  it('uploads a small file as a form and downloads the same bytes', async () => {
    const asset = await balena.models.release.asset.upload({
      asset: new File(['official small'], 'small.txt', { type: 'text/plain' }),
      asset_key: 'small.txt',
      release: releaseId,
    });
    expect(asset.asset).toMatchObject({ filename: 'small.txt', size: 14 });
    const stream = await balena.models.release.asset.download(asset.id);
    expect((await readStream(stream as unknown as AsyncIterable<Uint8Array>)).toString()).toBe(
      'official small',
    );
  });

  it('uploads a large file in parts and downloads the same bytes', async () => {
    const bytes = new Uint8Array(6 * MiB + 5).map((_, i) => i % 253);
    const progress: number[] = [];
    const asset = await balena.models.release.asset.upload(
      { asset: new File([bytes], 'large.bin'), asset_key: 'large.bin', release: releaseId },
      { onUploadProgress: ({ uploaded }) => void progress.push(uploaded) },
    );
    expect(asset.asset).toMatchObject({ filename: 'large.bin', size: bytes.length });
    expect(Math.max(...progress)).toBe(bytes.length);
    const stream = await balena.models.release.asset.download(asset.id);
    const downloaded = await readStream(stream as unknown as AsyncIterable<Uint8Array>);
    expect(downloaded.equals(Buffer.from(bytes))).toBe(true);
    await expect(
      balena.models.release.asset.upload({
        asset: new File(['x'], 'large.bin'),
        asset_key: 'large.bin',
        release: releaseId,
      }),
    ).rejects.toMatchObject({ name: 'ReleaseAssetAlreadyExists' });
  });
});

describe('official SDK: builder, config and device types', () => {
  it('creates a release from a tarball URL', async () => {
    const id = await balena.models.release.createFromUrl(fleetId, {
      url: `${filesUrl}/app.tar.gz`,
    });
    expect(await balena.models.release.get(id, { $select: 'status' })).toEqual({
      status: 'running',
    });
    await expect(
      balena.models.release.createFromUrl(fleetId, { url: `${filesUrl}/missing.tar` }),
    ).rejects.toThrow('Failed to fetch tarball from passed URL');
  });

  it('reads /config, /config/vars and the device-type manifests', async () => {
    expect((await balena.models.config.getAll()).mixpanelToken).toBe('balena-main');
    const schema = await balena.models.config.getConfigVarSchema('raspberry-pi');
    expect(schema.configVarSchema.properties).toHaveProperty('BALENA_HOST_CONFIG_hdmi_mode');
    const manifest = await balena.models.config.getDeviceTypeManifestBySlug('raspberrypi');
    expect(manifest.slug).toBe('raspberry-pi');
    expect((await balena.models.config.getDeviceOptions('raspberry-pi')).length).toBeGreaterThan(0);
  });

  it('renders device-type instructions from the seeded contracts', async () => {
    expect(await balena.models.deviceType.getInstallMethod('raspberrypi3')).toBe('externalBoot');
    const steps = await balena.models.deviceType.getInstructions('raspberrypi3');
    expect(Array.isArray(steps) && steps.length).toBeGreaterThan(2);
    expect(
      (await balena.models.deviceType.getInterpolatedPartials('raspberrypi3')).partials,
    ).toBeDefined();
  });
});
