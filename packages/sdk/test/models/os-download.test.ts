// models.os.download against the local API's generated images: a full download hashing to the server's checksum,
// a connection dropped at a random point by a loopback proxy and resumed with Range, corrupted bytes caught by the
// checksum, bounded resume attempts, aborts, progress events; plus getDownloadSize (cached until the login
// changes) and getConfig.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestUser, type TestUser } from 'balena-local-api/testing';
import { getSdk as getOfficialSdk } from 'official-balena-sdk';
import { getSdk } from '../../src/index.js';
import { OsImageChecksumError, type DownloadProgress } from '../../src/models/os/index.js';

/** What the proxy does to the n-th /download response (0-based). */
interface Sabotage {
  cutAfter?: number;
  corruptAt?: number;
}

interface Proxy {
  url: string;
  downloads: number;
  plan: (index: number) => Sabotage;
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<Proxy> {
  const proxy: Proxy = { url: '', downloads: 0, plan: () => ({}), close: async () => {} };
  const server = http.createServer((req, res) => {
    const sabotage = req.url?.startsWith('/download?') ? proxy.plan(proxy.downloads++) : {};
    const upstream = http.request(new URL(req.url ?? '/', target), {
      method: req.method,
      headers: { ...req.headers, host: new URL(target).host },
    });
    req.pipe(upstream);
    upstream.on('response', (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      let sent = 0;
      reply.on('data', (chunk: Buffer) => {
        let data = chunk;
        const { cutAfter, corruptAt } = sabotage;
        if (corruptAt !== undefined && corruptAt >= sent && corruptAt < sent + data.length) {
          data = Buffer.from(data);
          data[corruptAt - sent] ^= 0xff;
        }
        if (cutAfter !== undefined && sent + data.length > cutAfter) {
          res.write(data.subarray(0, cutAfter - sent));
          reply.destroy();
          res.socket?.destroy();
          return;
        }
        sent += data.length;
        if (!res.write(data)) {
          reply.pause();
          res.once('drain', () => reply.resume());
        }
      });
      reply.on('end', () => res.end());
    });
    upstream.on('error', () => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

const IMAGE = { deviceType: 'raspberrypi3', version: '2.48.0+rev1.prod' };
let apiUrl: string;
let user: TestUser;
let proxy: Proxy;
let sdk: ReturnType<typeof getSdk>;
let viaProxy: ReturnType<typeof getSdk>;
let imageSize: number;

beforeAll(async () => {
  apiUrl = inject('apiUrl').replace(/\/$/, '');
  user = await createTestUser(apiUrl);
  proxy = await startProxy(apiUrl);
  sdk = getSdk({ apiUrl, dataDirectory: false });
  viaProxy = getSdk({ apiUrl: proxy.url, dataDirectory: false });
  await sdk.auth.loginWithToken(user.token);
  imageSize = await sdk.models.os.getDownloadSize(IMAGE.deviceType, IMAGE.version);
});

afterAll(async () => {
  await proxy?.close();
});

describe('os.download', () => {
  it('streams the whole image, whose bytes hash to the checksum the server sent', async () => {
    const progress: DownloadProgress[] = [];
    const stream = await sdk.models.os.download({ ...IMAGE, developmentMode: false });
    stream.on('progress', (event) => progress.push(event));
    expect(stream.total).toBe(imageSize);
    expect(imageSize).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(stream.mime).toBe('application/octet-stream');
    const { bytes, sha256 } = await readAll(stream);
    expect(bytes).toBe(imageSize);
    expect(sha256).toBe(stream.checksum);
    expect(stream.received).toBe(imageSize);
    expect(stream.resumes).toBe(0);
    const last = progress.at(-1);
    expect(last).toMatchObject({ percent: 100, total: imageSize, received: imageSize, eta: 0 });
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i].received).toBeGreaterThan(progress[i - 1].received);
    }
  });

  it('resumes a connection dropped at a random point with Range, and the final bytes are right', async () => {
    const cutAt = 1_000_000 + crypto.randomInt(imageSize - 2_000_000);
    proxy.downloads = 0;
    proxy.plan = (index) => (index === 0 ? { cutAfter: cutAt } : {});
    const seen: number[] = [];
    const stream = await viaProxy.models.os.download({
      ...IMAGE,
      onProgress: (event) => seen.push(event.received),
    });
    const { bytes, sha256 } = await readAll(stream);
    expect({ cutAt, bytes, resumes: stream.resumes }).toEqual({
      cutAt,
      bytes: imageSize,
      resumes: 1,
    });
    expect(sha256).toBe(stream.checksum);
    expect(proxy.downloads).toBe(2);
    expect(seen.at(-1)).toBe(imageSize);
  });

  it('fails with OsImageChecksumError when the bytes do not match the checksum', async () => {
    proxy.downloads = 0;
    proxy.plan = () => ({ corruptAt: 12_345_678 });
    const stream = await viaProxy.models.os.download(IMAGE);
    const failure = await readAll(stream).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OsImageChecksumError);
    expect((failure as OsImageChecksumError).expected).toBe(stream.checksum);
  });

  it('gives up after maxResumeAttempts dropped connections', async () => {
    proxy.downloads = 0;
    proxy.plan = (index) => ({ cutAfter: 300_000 * (index + 1) });
    const stream = await viaProxy.models.os.download({ ...IMAGE, maxResumeAttempts: 2 });
    const failure = await readAll(stream).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(stream.resumes).toBe(2);
    expect(proxy.downloads).toBe(3);
  });

  it('stops when the signal aborts, before or during the download', async () => {
    const before = new AbortController();
    before.abort();
    await expect(sdk.models.os.download(IMAGE, { signal: before.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });

    const during = new AbortController();
    const stream = await sdk.models.os.download(IMAGE, { signal: during.signal });
    stream.on('progress', ({ received }) => {
      if (received > 5_000_000) during.abort();
    });
    const failure = await readAll(stream).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'AbortError' });
    expect(stream.received).toBeLessThan(imageSize);
    expect(stream.resumes).toBe(0);
  });

  it('resolves latest to the newest default-policy version; unknown versions are OSImageNotFound', async () => {
    const latest = await sdk.models.os.download({ deviceType: 'raspberrypi3-64' });
    const size = await sdk.models.os.getDownloadSize('raspberrypi3-64', '6.0.20-1717000000000');
    expect(latest.total).toBe(size);
    await latest.cancel();
    await expect(
      sdk.models.os.download({ deviceType: 'raspberrypi3', version: '9.9.9' }),
    ).rejects.toMatchObject({ code: 'OSImageNotFound' });
    await expect(
      sdk.models.os.download({ deviceType: 'raspberrypi3', version: 'balenaOS 2.48.0' }),
    ).rejects.toThrow('Invalid semver version: balenaOS 2.48.0');
  });
});

describe('the official SDK against the same endpoints', () => {
  it('downloads the same image bytes, reads the same size and gets a config.json', async () => {
    const official = getOfficialSdk({
      apiUrl,
      dataDirectory: false,
      isBrowser: false,
    } as Parameters<typeof getOfficialSdk>[0]);
    await official.auth.loginWithToken(user.token);
    expect(await official.models.os.getDownloadSize(IMAGE.deviceType, IMAGE.version)).toBe(
      imageSize,
    );
    const nodeStream = (await official.models.os.download(
      IMAGE,
    )) as unknown as AsyncIterable<Buffer>;
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    for await (const chunk of nodeStream) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    const ours = await sdk.models.os.download(IMAGE);
    await ours.cancel();
    expect({ bytes, sha256: hash.digest('hex') }).toEqual({
      bytes: imageSize,
      sha256: ours.checksum,
    });
    const fleet = await sdk.models.application.create({
      name: `officialcfg${Date.now().toString(36)}`,
      deviceType: 'raspberrypi3',
      organization: user.username,
    });
    const config = (await official.models.os.getConfig(fleet.id, { version: '6.0.10' })) as {
      applicationId: number;
      deviceType: string;
    };
    expect(config).toMatchObject({ applicationId: fleet.id, deviceType: 'raspberrypi3' });
  });
});

describe('os.getDownloadSize and os.getConfig', () => {
  it('caches download sizes until the login changes', async () => {
    const counting = getSdk({ apiUrl, dataDirectory: false });
    await counting.auth.loginWithToken(user.token);
    const sizeRequests: string[] = [];
    counting.interceptors.push({
      request: (request) => {
        if (request.url.includes('download-size')) sizeRequests.push(request.url);
        return request;
      },
    });
    const first = await counting.models.os.getDownloadSize('raspberrypi', '6.0.10');
    expect(await counting.models.os.getDownloadSize('raspberrypi', '6.0.10')).toBe(first);
    expect(sizeRequests).toEqual(['/device-types/v1/raspberry-pi/images/6.0.10/download-size']);
    await counting.auth.loginWithToken(user.token);
    await counting.models.os.getDownloadSize('raspberrypi', '6.0.10');
    expect(sizeRequests).toHaveLength(2);
    await expect(counting.models.os.getDownloadSize('raspberrypi', '1.0.0')).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('builds config.json for a fleet and creates its provisioning key', async () => {
    const fleet = await sdk.models.application.create({
      name: `osconfig${Date.now().toString(36)}`,
      deviceType: 'raspberrypi3',
      organization: user.username,
    });
    const config = await sdk.models.os.getConfig(fleet.id, {
      version: '2.48.0+rev1.prod',
      provisioningKeyName: 'from-getConfig',
      appUpdatePollInterval: 2,
    });
    expect(config).toMatchObject({
      applicationId: fleet.id,
      deviceType: 'raspberrypi3',
      appUpdatePollInterval: 120_000,
    });
    for (const key of [
      'apiKey',
      'userId',
      'apiEndpoint',
      'registryEndpoint',
      'vpnEndpoint',
      'listenPort',
    ]) {
      expect(config[key], key).toBeDefined();
    }
    const keys = await sdk.models.apiKey.getProvisioningApiKeysByApplication(fleet.id);
    expect(keys.map((key) => key.name)).toContain('from-getConfig');
    await expect(sdk.models.os.getConfig(fleet.id, {} as { version: string })).rejects.toThrow(
      'An OS version is required when calling os.getConfig',
    );
    await expect(
      sdk.models.os.getConfig(999_999_999, { version: '2.48.0+rev1' }),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
  });
});
