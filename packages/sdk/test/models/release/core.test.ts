// models.release: reads, updates and createFromUrl against the real local API.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from '../../../src/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';
import {
  createTestImage,
  createTestRelease,
  createTestService,
  newCommit,
} from '../release-fixtures.js';

let owner: LoggedInUser;
let fleet: TestFleet;
let older: { id: number; commit: string };
let newer: { id: number; commit: string };
let failed: { id: number; commit: string };

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
  older = await createTestRelease(owner.sdk, fleet.id, {
    semver: '1.0.0',
    is_created_by__user: owner.user.id,
  });
  newer = await createTestRelease(owner.sdk, fleet.id, { semver: '1.1.0' });
  failed = await createTestRelease(owner.sdk, fleet.id, { status: 'failed' });
});

describe('release.get', () => {
  it('finds a release by id, by commit and by fleet + raw version', async () => {
    const { release } = owner.sdk.models;
    expect((await release.get(older.id, { $select: 'commit' })).commit).toBe(older.commit);
    expect((await release.get(older.commit, { $select: 'id' })).id).toBe(older.id);
    const byPair = await release.get(
      { application: fleet.slug, rawVersion: '1.1.0' },
      { $select: 'id' },
    );
    expect(byPair.id).toBe(newer.id);
  });

  it('throws BalenaReleaseNotFound for unknown ids, commits and pairs', async () => {
    const { release } = owner.sdk.models;
    await expect(release.get(999_999_999)).rejects.toMatchObject({ code: 'BalenaReleaseNotFound' });
    await expect(release.get(newCommit())).rejects.toMatchObject({ code: 'BalenaReleaseNotFound' });
    await expect(release.get({ application: fleet.id, rawVersion: '9.9.9' })).rejects.toMatchObject(
      {
        code: 'BalenaReleaseNotFound',
      },
    );
    await expect(
      release.get({ application: 999_999_999, rawVersion: '1.0.0' }),
    ).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });

  it('rejects an empty identifier before any request, and reports ambiguous commits', async () => {
    const { release } = owner.sdk.models;
    await expect(release.get('')).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    const otherFleet = await createTestFleet(owner);
    const shared = newCommit();
    await createTestRelease(owner.sdk, fleet.id, { commit: shared });
    await createTestRelease(owner.sdk, otherFleet.id, { commit: shared });
    await expect(release.get(shared)).rejects.toMatchObject({ code: 'BalenaAmbiguousRelease' });
  });
});

describe('per-call options', () => {
  it('passes the AbortSignal of the last argument to every request', async () => {
    const { release } = owner.sdk.models;
    const signal = AbortSignal.abort();
    await expect(release.get(older.id, {}, { signal })).rejects.toThrow();
    await expect(release.getAllByApplication(fleet.id, {}, { signal })).rejects.toThrow();
    await expect(release.setNote(older.id, 'x', { signal })).rejects.toThrow();
    await expect(release.tags.set(older.id, 'k', 'v', { signal })).rejects.toThrow();
    await expect(release.asset.getAllByRelease(older.id, {}, { signal })).rejects.toThrow();
    // Nothing was written by the aborted calls.
    expect((await release.get(older.id, { $select: 'note' })).note).not.toBe('x');
    expect(await release.tags.getAllByRelease(older.id)).toEqual([]);
  });
});

describe('release.getAllByApplication and its extras', () => {
  it('lists the releases of a fleet newest first, with merged options', async () => {
    const rows = await owner.sdk.models.release.getAllByApplication(fleet.slug, {
      $select: ['id', 'status'],
      $filter: { id: { $in: [older.id, newer.id, failed.id] } },
    });
    expect(rows.map((r) => r.id)).toEqual([failed.id, newer.id, older.id]);
    expect(Object.keys(rows[0]!).sort()).toEqual(['id', 'status']);
  });

  it('pages with iterateAllByApplication and counts with countAllByApplication', async () => {
    const { release } = owner.sdk.models;
    const seen: number[] = [];
    for await (const row of release.iterateAllByApplication(
      fleet.id,
      { $select: 'id' },
      { pageSize: 2 },
    )) {
      seen.push(row.id);
    }
    const total = await release.countAllByApplication(fleet.id);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(await release.countAllByApplication(fleet.id, { $filter: { status: 'failed' } })).toBe(
      1,
    );
  });

  it('throws for unknown fleets and rejects invalid ones', async () => {
    const { release } = owner.sdk.models;
    await expect(release.getAllByApplication(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(release.getAllByApplication('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('release.getLatestByApplication', () => {
  it('returns the newest successful release, or undefined for a fleet without one', async () => {
    const { release } = owner.sdk.models;
    const latest = await release.getLatestByApplication(fleet.id, { $select: ['id', 'status'] });
    expect(latest?.status).toBe('success');
    expect(latest?.id).not.toBe(failed.id);
    const empty = await createTestFleet(owner);
    expect(await release.getLatestByApplication(empty.slug)).toBeUndefined();
    await expect(release.getLatestByApplication(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });
});

describe('release.getWithImageDetails', () => {
  it('flattens images with their service names (sorted) and the creator', async () => {
    const web = await createTestService(owner.sdk, fleet.id, 'web');
    const api = await createTestService(owner.sdk, fleet.id, 'api');
    await createTestImage(owner.sdk, web, older.id);
    await createTestImage(owner.sdk, api, older.id);
    const details = await owner.sdk.models.release.getWithImageDetails(older.id, {
      image: { $select: 'status' },
      release: { $select: ['id', 'commit'] },
    });
    expect(details.images.map((i) => i.service_name)).toEqual(['api', 'web']);
    expect(details.images[0]).toMatchObject({ status: 'success' });
    expect(details.user).toEqual({ id: owner.user.id, username: owner.user.username });
    expect(details).not.toHaveProperty('release_image');
    expect(details.commit).toBe(older.commit);
  });

  it('throws BalenaReleaseNotFound and rejects empty identifiers', async () => {
    const { release } = owner.sdk.models;
    await expect(release.getWithImageDetails(999_999_999)).rejects.toMatchObject({
      code: 'BalenaReleaseNotFound',
    });
    await expect(release.getWithImageDetails('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('release updates', () => {
  it('finalizes a draft release', async () => {
    const draft = await createTestRelease(owner.sdk, fleet.id, {
      semver: '2.0.0',
      is_final: false,
    });
    const { release } = owner.sdk.models;
    expect((await release.get(draft.id, { $select: 'is_final' })).is_final).toBe(false);
    await release.finalize(draft.commit);
    const final = await release.get(draft.id, { $select: ['is_final', 'raw_version'] });
    expect(final).toMatchObject({ is_final: true, raw_version: '2.0.0' });
  });

  it('sets and clears invalidation, note and known issues', async () => {
    const { release } = owner.sdk.models;
    const pair = { application: fleet.id, rawVersion: '1.0.0' };
    await release.setIsInvalidated(pair, true);
    await release.setNote(older.id, 'field test');
    await release.setKnownIssueList(older.commit, 'wifi drops');
    expect(
      await release.get(older.id, { $select: ['is_invalidated', 'note', 'known_issue_list'] }),
    ).toEqual({ is_invalidated: true, note: 'field test', known_issue_list: 'wifi drops' });
    await release.setIsInvalidated(older.id, false);
    await release.setNote(older.id, null);
    await release.setKnownIssueList(older.id, null);
    expect(
      await release.get(older.id, { $select: ['is_invalidated', 'note', 'known_issue_list'] }),
    ).toEqual({ is_invalidated: false, note: null, known_issue_list: null });
  });

  it('throws BalenaReleaseNotFound / BalenaInvalidParameterError for every update', async () => {
    const { release } = owner.sdk.models;
    for (const update of [
      (x: number | string) => release.finalize(x),
      (x: number | string) => release.setIsInvalidated(x, true),
      (x: number | string) => release.setNote(x, 'n'),
      (x: number | string) => release.setKnownIssueList(x, 'k'),
    ]) {
      await expect(update(999_999_999)).rejects.toMatchObject({ code: 'BalenaReleaseNotFound' });
      await expect(update('')).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
    }
  });
});

describe('release.createFromUrl (local builder)', () => {
  let files: http.Server;
  let filesUrl: string;

  beforeAll(async () => {
    files = http.createServer((req, res) => {
      if (req.url === '/app.tar.gz') res.end(gzipSync(tarOf('Dockerfile', 'FROM alpine\n')));
      else if (req.url === '/broken.tar') res.end('this is not a tar archive'.repeat(40));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    files?.closeAllConnections();
    files?.close();
  });

  function builderSdk() {
    const sdk = getSdk({
      apiUrl: owner.apiUrl,
      builderUrl: `${owner.apiUrl}/builder/`,
      dataDirectory: false,
    });
    return sdk.auth.loginWithToken(owner.user.token).then(() => sdk);
  }

  it('starts a build and returns the new release id', async () => {
    const sdk = await builderSdk();
    const releaseId = await sdk.models.release.createFromUrl(fleet.slug, {
      url: `${filesUrl}/app.tar.gz`,
    });
    const created = await sdk.models.release.get(releaseId, { $select: ['status', 'source'] });
    expect(created).toEqual({ status: 'running', source: 'cloud' });
  });

  it("reports the builder's message for unreachable and invalid tarballs", async () => {
    const sdk = await builderSdk();
    await expect(
      sdk.models.release.createFromUrl(fleet.id, { url: `${filesUrl}/missing.tar` }),
    ).rejects.toMatchObject({
      code: 'BalenaRequestError',
      message: 'Failed to fetch tarball from passed URL',
    });
    await expect(
      sdk.models.release.createFromUrl(fleet.id, { url: `${filesUrl}/broken.tar` }),
    ).rejects.toMatchObject({ statusCode: 502 });
  });

  it('throws BalenaApplicationNotFound / BalenaInvalidParameterError for the fleet', async () => {
    const sdk = await builderSdk();
    await expect(
      sdk.models.release.createFromUrl(999_999_999, { url: `${filesUrl}/app.tar.gz` }),
    ).rejects.toMatchObject({ code: 'BalenaApplicationNotFound' });
    await expect(
      sdk.models.release.createFromUrl('', { url: `${filesUrl}/app.tar.gz` }),
    ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
  });
});

/** A one-file ustar archive. */
function tarOf(name: string, content: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  const data = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  data.write(content);
  return Buffer.concat([header, data, Buffer.alloc(1024)]);
}
