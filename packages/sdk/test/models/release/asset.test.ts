// models.release.asset: uploads (form and chunked), reads, downloads and removal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';
import { createTestRelease } from '../release-fixtures.js';

const MiB = 1024 * 1024;
let owner: LoggedInUser;
let fleet: TestFleet;
let release: { id: number; commit: string };

async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

/** Polls a URL until it answers `expected` or the deadline passes; returns the last status. */
async function statusWithin(url: string, expected: number, deadlineMs: number): Promise<number> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const { status } = await fetch(url, { method: 'HEAD' });
    if (status === expected || Date.now() > until) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
  release = await createTestRelease(owner.sdk, fleet.id, { semver: '3.0.0' });
});

describe('release.asset.upload', () => {
  it('uploads a small File in one request, reporting progress 0 then total', async () => {
    const progress: Array<[number, number]> = [];
    const asset = await owner.sdk.models.release.asset.upload(
      {
        asset: new File(['hello asset'], 'hello.txt', { type: 'text/plain' }),
        asset_key: 'hello.txt',
        release: release.id,
      },
      { onUploadProgress: ({ total, uploaded }) => void progress.push([total, uploaded]) },
    );
    expect(asset).toMatchObject({
      asset_key: 'hello.txt',
      asset: { filename: 'hello.txt', size: 11 },
    });
    expect(progress).toEqual([
      [11, 0],
      [11, 11],
    ]);
    const { body, mime } = await owner.sdk.models.release.asset.download(asset.id);
    expect(mime).toBe('text/plain');
    expect((await readAll(body)).toString()).toBe('hello asset');
  });

  it('uploads a large file in parts, in parallel, with per-part progress', async () => {
    const size = 11 * MiB + 7;
    const bytes = new Uint8Array(size).map((_, i) => (i * 31) % 256);
    const progress: number[] = [];
    const asset = await owner.sdk.models.release.asset.upload(
      { asset: new File([bytes], 'big.bin'), asset_key: 'big.bin', release: release.id },
      {
        chunkSize: 5 * MiB,
        parallelUploads: 2,
        onUploadProgress: ({ uploaded }) => void progress.push(uploaded),
      },
    );
    expect(asset.asset).toMatchObject({
      filename: 'big.bin',
      size,
      content_type: 'application/octet-stream',
    });
    expect(progress.sort((a, b) => a - b).at(-1)).toBe(size);
    expect(progress).toHaveLength(3);
    const downloaded = await readAll(
      (await owner.sdk.models.release.asset.download(asset.id)).body,
    );
    expect(downloaded.equals(Buffer.from(bytes))).toBe(true);
  });

  it('uploads from a file path in Node', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'asset-')), 'notes.json');
    fs.writeFileSync(file, '{"a":1}');
    const asset = await owner.sdk.models.release.asset.upload({
      asset: file,
      asset_key: 'notes.json',
      release: release.id,
    });
    expect(asset.asset).toMatchObject({
      filename: 'notes.json',
      content_type: 'application/json',
      size: 7,
    });
  });

  it('refuses an existing key without overwrite, and replaces the file with it', async () => {
    const { asset } = owner.sdk.models.release;
    const params = {
      asset: new File(['v1'], 'same.txt'),
      asset_key: 'same.txt',
      release: release.id,
    };
    const first = await asset.upload(params);
    await expect(asset.upload(params)).rejects.toMatchObject({ code: 'ReleaseAssetAlreadyExists' });
    const second = await asset.upload(
      { ...params, asset: new File(['version 2'], 'same.txt') },
      { overwrite: true },
    );
    expect(second.id).toBe(first.id);
    expect((await readAll((await asset.download(first.id)).body)).toString()).toBe('version 2');
  });

  it('rejects invalid parameters before any request, and unknown releases with 401', async () => {
    const { asset } = owner.sdk.models.release;
    const file = new File(['x'], 'x.txt');
    await expect(
      asset.upload({ asset: file, asset_key: '', release: release.id }),
    ).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(
      asset.upload({ asset: file, asset_key: 'x', release: 'abc' as unknown as number }),
    ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    await expect(
      asset.upload({ asset: file, asset_key: 'x', release: 999_999_999 }),
    ).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 401,
    });
  });
});

describe('release.asset reads and removal', () => {
  let assetId: number;
  beforeAll(async () => {
    const created = await owner.sdk.models.release.asset.upload({
      asset: new File(['read me'], 'readme.txt'),
      asset_key: 'readme.txt',
      release: release.id,
    });
    assetId = created.id;
  });

  it('gets an asset by id, by key + release id, commit or raw version', async () => {
    const { asset } = owner.sdk.models.release;
    expect((await asset.get(assetId, { $select: 'asset_key' })).asset_key).toBe('readme.txt');
    for (const releaseId of [
      release.id,
      release.commit,
      { application: fleet.slug, rawVersion: '3.0.0' },
    ]) {
      expect(
        (await asset.get({ asset_key: 'readme.txt', release: releaseId }, { $select: 'id' })).id,
      ).toBe(assetId);
    }
  });

  it('lists, pages and counts the assets of a release in creation order', async () => {
    const { asset } = owner.sdk.models.release;
    const rows = await asset.getAllByRelease(release.commit, { $select: ['id', 'asset_key'] });
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
    expect(rows.map((r) => r.asset_key)).toContain('readme.txt');
    expect(await asset.countAllByRelease(release.id)).toBe(rows.length);
    const seen = [];
    for await (const row of asset.iterateAllByRelease(
      release.id,
      { $select: 'id' },
      { pageSize: 2 },
    ))
      seen.push(row.id);
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it('throws for missing assets, releases and asset files', async () => {
    const { asset } = owner.sdk.models.release;
    await expect(asset.get(999_999_999)).rejects.toThrow(/Release asset not found/);
    await expect(asset.get({ asset_key: 'nope', release: release.id })).rejects.toThrow(
      /Release asset not found/,
    );
    await expect(asset.get({ asset_key: 'x', release: 999_999_999 })).rejects.toThrow(
      /Release asset not found/,
    );
    await expect(asset.getAllByRelease(999_999_999)).rejects.toMatchObject({
      code: 'BalenaReleaseNotFound',
    });
    const empty = await owner.sdk.pine.post({
      resource: 'release_asset',
      body: { release: release.id, asset_key: 'empty', asset: null },
    });
    await expect(asset.download(empty.id)).rejects.toThrow(
      'Release asset does not contain any uploaded file',
    );
    await expect(asset.download(999_999_999)).rejects.toThrow(/Release asset not found/);
  });

  it('rejects malformed identifiers before any request', async () => {
    const { asset } = owner.sdk.models.release;
    for (const bad of ['abc', 0, { asset_key: '', release: 1 }]) {
      await expect(asset.get(bad as number)).rejects.toMatchObject({
        code: 'BalenaInvalidParameterError',
      });
      await expect(asset.remove(bad as number)).rejects.toMatchObject({
        code: 'BalenaInvalidParameterError',
      });
    }
    await expect(asset.getAllByRelease('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });

  it('removes an asset by key, after which its file is gone too', async () => {
    const { asset } = owner.sdk.models.release;
    const created = await asset.upload({
      asset: new File(['bye'], 'bye.txt'),
      asset_key: 'bye.txt',
      release: release.id,
    });
    const href = created.asset?.href ?? '';
    await asset.remove({ asset_key: 'bye.txt', release: release.commit });
    await expect(asset.get(created.id)).rejects.toThrow(/Release asset not found/);
    // Stored files are deleted by a background task after the row is gone (as the real API does with its
    // storage), so wait for it, within a deadline.
    expect(await statusWithin(href, 404, 10_000)).toBe(404);
  });
});
