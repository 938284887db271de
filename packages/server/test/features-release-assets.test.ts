import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../src/testing/index.js';
import { request, type Reply } from './support/odata-client.js';

let server: TestServer;
let api: string;
let owner: TestUser;
let stranger: TestUser;
let releaseId: number;

const MiB = 1024 * 1024;
const body = (reply: Reply) => reply.json as Record<string, unknown>;

async function postAssetForm(
  token: string,
  fields: Record<string, string>,
  file?: Blob,
  name = 'notes.txt',
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file != null) form.append('asset', file, name);
  const res = await fetch(`${api}/v7/release_asset`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return {
    status: res.status,
    json: (await res.json().catch(() => undefined)) as Record<string, unknown>,
  };
}

async function newAsset(key: string): Promise<number> {
  const reply = await request(api, 'POST', '/v7/release_asset', {
    token: owner.token,
    body: { release: releaseId, asset_key: key, asset: null },
  });
  expect(reply.status).toBe(201);
  return body(reply).id as number;
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
  owner = await server.createUser();
  stranger = await server.createUser();
  const org = (await request(api, 'GET', '/v7/organization?$select=id', { token: owner.token }))
    .json as {
    d: Array<{ id: number }>;
  };
  const [dt] = (
    (await request(api, 'GET', "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'"))
      .json as {
      d: Array<{ id: number }>;
    }
  ).d;
  const app = await request(api, 'POST', '/v7/application', {
    token: owner.token,
    body: { app_name: 'assetFleet', organization: org.d[0]!.id, is_for__device_type: dt!.id },
  });
  const release = await request(api, 'POST', '/v7/release', {
    token: owner.token,
    body: {
      belongs_to__application: body(app).id,
      commit: 'abcdef0123456789abcdef0123456789',
      composition: {},
      status: 'success',
      source: 'cloud',
      start_timestamp: new Date().toISOString(),
    },
  });
  releaseId = body(release).id as number;
}, 90_000);
afterAll(async () => {
  await server?.close();
});

describe('release asset uploads through a multipart form', () => {
  it('stores the file and serves the exact bytes at href without credentials', async () => {
    const created = await postAssetForm(
      owner.token,
      { release: String(releaseId), asset_key: 'notes.txt' },
      new Blob(['hello assets'], { type: 'text/plain' }),
    );
    expect(created.status).toBe(201);
    const asset = created.json.asset as {
      href: string;
      size: number;
      filename: string;
      content_type: string;
    };
    expect(asset).toMatchObject({ filename: 'notes.txt', size: 12, content_type: 'text/plain' });
    expect(asset.href.startsWith(`${api}/files/`)).toBe(true);
    const download = await fetch(asset.href);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('hello assets');
    const read = await request(
      api,
      'GET',
      `/v7/release_asset(${created.json.id as number})?$select=asset`,
      {
        token: owner.token,
      },
    );
    expect((read.json as { d: Array<{ asset: { href: string } }> }).d[0]!.asset.href).toBe(
      asset.href,
    );
  });

  it('answers 401 with an empty body for a release the caller cannot see', async () => {
    const reply = await postAssetForm(
      stranger.token,
      { release: String(releaseId), asset_key: 'other.txt' },
      new Blob(['x']),
    );
    expect(reply.status).toBe(401);
  });

  it('answers 404 for unknown file keys', async () => {
    expect((await fetch(`${api}/files/00000000000000000000000000000000/x`)).status).toBe(404);
  });
});

describe('chunked release asset uploads (beginUpload / part PUTs / commitUpload)', () => {
  it('assembles the parts in order and serves the whole file', async () => {
    const id = await newAsset('big.bin');
    const size = 6 * MiB + 123;
    const bytes = new Uint8Array(size).map((_, i) => i % 251);
    const begun = await request(api, 'POST', `/v7/release_asset(${id})/beginUpload`, {
      token: owner.token,
      body: {
        asset: {
          filename: 'big.bin',
          content_type: 'application/octet-stream',
          size,
          chunk_size: 5 * MiB,
        },
      },
    });
    expect(begun.status).toBe(200);
    const { uuid, uploadParts } = (
      begun.json as {
        asset: {
          uuid: string;
          uploadParts: Array<{ url: string; chunkSize: number; partNumber: number }>;
        };
      }
    ).asset;
    expect(uploadParts.map((p) => [p.partNumber, p.chunkSize])).toEqual([
      [1, 5 * MiB],
      [2, MiB + 123],
    ]);
    const parts = [];
    for (const part of uploadParts) {
      const start = (part.partNumber - 1) * 5 * MiB;
      const res = await fetch(part.url, {
        method: 'PUT',
        body: bytes.slice(start, start + part.chunkSize),
      });
      expect(res.status).toBe(200);
      parts.push({ PartNumber: part.partNumber, ETag: res.headers.get('etag')!.replace(/"/g, '') });
    }
    const committed = await request(api, 'POST', `/v7/release_asset(${id})/commitUpload`, {
      token: owner.token,
      body: { uuid, providerCommitData: { Parts: parts } },
    });
    expect(committed.status).toBe(200);
    const resource = committed.json as { href: string; size: number; filename: string };
    expect(resource).toMatchObject({ size, filename: 'big.bin' });
    const downloaded = new Uint8Array(await (await fetch(resource.href)).arrayBuffer());
    expect(downloaded.length).toBe(size);
    expect(Buffer.compare(Buffer.from(downloaded), Buffer.from(bytes))).toBe(0);
    // The session is finished: committing again is refused.
    const again = await request(api, 'POST', `/v7/release_asset(${id})/commitUpload`, {
      token: owner.token,
      body: { uuid, providerCommitData: { Parts: parts } },
    });
    expect(again.status).toBe(401);
  });

  it('rejects small chunks, malformed payloads, strangers and unsigned part URLs', async () => {
    const id = await newAsset('rejects.bin');
    const begin = (token: string, payload: unknown) =>
      request(api, 'POST', `/v7/release_asset(${id})/beginUpload`, { token, body: payload });
    const valid = {
      asset: { filename: 'r.bin', content_type: 'application/octet-stream', size: 10 },
    };
    expect((await begin(owner.token, { asset: { ...valid.asset, chunk_size: 100 } })).text).toBe(
      'Chunk size is too small',
    );
    expect((await begin(owner.token, { asset: { filename: 'r.bin' } })).text).toBe(
      'Invalid begin upload payload',
    );
    expect((await begin(owner.token, { other: valid.asset })).status).toBe(400);
    expect((await begin(stranger.token, valid)).status).toBe(401);
    const begun = await begin(owner.token, valid);
    const { uploadParts } = (begun.json as { asset: { uploadParts: Array<{ url: string }> } })
      .asset;
    const unsigned = uploadParts[0]!.url.replace(/token=\w+/, 'token=nope');
    expect((await fetch(unsigned, { method: 'PUT', body: 'x' })).status).toBe(403);
  });

  it('refuses a commit with missing or wrong ETags', async () => {
    const id = await newAsset('etag.bin');
    const begun = await request(api, 'POST', `/v7/release_asset(${id})/beginUpload`, {
      token: owner.token,
      body: { asset: { filename: 'e.bin', content_type: 'application/octet-stream', size: 3 } },
    });
    const { uuid, uploadParts } = (
      begun.json as { asset: { uuid: string; uploadParts: Array<{ url: string }> } }
    ).asset;
    await fetch(uploadParts[0]!.url, { method: 'PUT', body: 'abc' });
    const wrong = await request(api, 'POST', `/v7/release_asset(${id})/commitUpload`, {
      token: owner.token,
      body: { uuid, providerCommitData: { Parts: [{ PartNumber: 1, ETag: 'deadbeef' }] } },
    });
    expect(wrong.status).toBe(400);
    const stranger401 = await request(api, 'POST', `/v7/release_asset(${id})/commitUpload`, {
      token: stranger.token,
      body: { uuid, providerCommitData: { Parts: [] } },
    });
    expect(stranger401.status).toBe(401);
  });
});
