// Batched device operations over 500 devices: the requests that leave the SDK are counted by a
// recording fetch, and every device is changed by exactly one mutation request.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Filter } from '../../src/pine/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import {
  countingSdk,
  registerTestDevices,
  type CountingSdk,
  type SentRequest,
  type TestDevice,
} from './device-fixtures.js';
import { createTestRelease, newCommit } from './release-fixtures.js';

const PER_FLEET = 250;

let owner: LoggedInUser;
let fleetA: TestFleet;
let fleetB: TestFleet;
let devices: TestDevice[];
let counting: CountingSdk;

beforeAll(async () => {
  owner = await loginNewUser();
  fleetA = await createTestFleet(owner);
  fleetB = await createTestFleet(owner);
  const [inA, inB] = await Promise.all([
    registerTestDevices(owner, fleetA.id, PER_FLEET),
    registerTestDevices(owner, fleetB.id, PER_FLEET),
  ]);
  devices = [...inA, ...inB];
  counting = await countingSdk(owner);
}, 300_000);

/** The requests sent by one operation, by method and resource path. */
async function record(operation: () => Promise<void>, sdk = counting): Promise<SentRequest[]> {
  sdk.sent.length = 0;
  await operation();
  return [...sdk.sent];
}

function summary(sent: SentRequest[]): string[] {
  return sent.map((request) => `${request.method} ${new URL(request.url).pathname}`);
}

/** The ids named by `id in (...)` (or `id eq n`) of each mutation request. */
function mutatedIds(sent: SentRequest[], method: string): number[][] {
  return sent
    .filter((request) => request.method === method)
    .map((request) => {
      const filter = new URL(request.url).searchParams.get('$filter') ?? '';
      const list = /id in \(([^)]*)\)/.exec(filter)?.[1] ?? /id eq (\d+)/.exec(filter)?.[1];
      if (list === undefined) throw new Error(`no id filter in ${request.url}`);
      return list.split(',').map(Number);
    });
}

function expectEachOnce(chunks: number[][], ids: number[]): void {
  const flat = chunks.flat();
  expect(flat).toHaveLength(ids.length);
  expect(new Set(flat)).toEqual(new Set(ids));
}

async function countWhere(filter: Filter): Promise<number> {
  return owner.sdk.pine.count({
    resource: 'device',
    options: {
      $filter: { $and: [filter, { belongs_to__application: { $in: [fleetA.id, fleetB.id] } }] },
    },
  });
}

describe('batched device operations over 500 devices', () => {
  it('setNote by 500 ids: 3 lookups of ≤200 ids, 3 PATCHes, every device once', async () => {
    const ids = devices.map((d) => d.id);
    const sent = await record(() => counting.sdk.models.device.setNote(ids, 'bulk note'));
    expect(summary(sent)).toEqual([
      ...Array<string>(3).fill('GET /v7/device'),
      ...Array<string>(3).fill('PATCH /v7/device'),
    ]);
    const chunks = mutatedIds(sent, 'PATCH');
    expect(chunks.map((chunk) => chunk.length)).toEqual([200, 200, 100]);
    expectEachOnce(chunks, ids);
    expect(await countWhere({ note: 'bulk note' })).toBe(500);
  });

  it('setCustomLocation by 500 uuids: 10 lookups of ≤50 uuids, 3 PATCHes', async () => {
    const uuids = devices.map((d) => d.uuid);
    const sent = await record(() =>
      counting.sdk.models.device.setCustomLocation(uuids, { latitude: 1, longitude: 2 }),
    );
    expect(summary(sent)).toEqual([
      ...Array<string>(10).fill('GET /v7/device'),
      ...Array<string>(3).fill('PATCH /v7/device'),
    ]);
    expectEachOnce(
      mutatedIds(sent, 'PATCH'),
      devices.map((d) => d.id),
    );
    expect(await countWhere({ custom_latitude: '1', custom_longitude: '2' })).toBe(500);
  });

  it('pinToRelease groups by fleet: one release lookup per fleet, 2 PATCHes per fleet', async () => {
    const commit = newCommit();
    const releaseA = await createTestRelease(owner.sdk, fleetA.id, { commit });
    const releaseB = await createTestRelease(owner.sdk, fleetB.id, { commit });
    const ids = devices.map((d) => d.id);
    const sent = await record(() => counting.sdk.models.device.pinToRelease(ids, commit));
    const paths = summary(sent);
    expect(paths.filter((p) => p === 'GET /v7/device')).toHaveLength(3);
    expect(paths.filter((p) => p.startsWith('GET /v7/release'))).toHaveLength(2);
    const chunks = mutatedIds(sent, 'PATCH');
    expect(chunks.map((chunk) => chunk.length).sort((a, b) => a - b)).toEqual([50, 50, 200, 200]);
    expectEachOnce(chunks, ids);
    expect(await countWhere({ is_pinned_on__release: releaseA.id })).toBe(PER_FLEET);
    expect(await countWhere({ is_pinned_on__release: releaseB.id })).toBe(PER_FLEET);
  });

  it('trackApplicationRelease honours requestBatchingChunkSize (100 ids per request)', async () => {
    const small = await countingSdk(owner, {
      requestBatchingChunkSize: { numericId: 100, stringId: 25 },
    });
    const ids = devices.map((d) => d.id);
    const sent = await record(() => small.sdk.models.device.trackApplicationRelease(ids), small);
    expect(summary(sent)).toEqual([
      ...Array<string>(5).fill('GET /v7/device'),
      ...Array<string>(5).fill('PATCH /v7/device'),
    ]);
    expectEachOnce(mutatedIds(sent, 'PATCH'), ids);
    expect(await countWhere({ is_pinned_on__release: null })).toBe(500);
  });

  it('move of 500 devices: one fleet read, 3 lookups, PATCHes per source fleet', async () => {
    const target = await createTestFleet(owner);
    const ids = devices.map((d) => d.id);
    const sent = await record(() => counting.sdk.models.device.move(ids, target.id));
    const paths = summary(sent);
    expect(paths.filter((p) => p.startsWith('GET /v7/application'))).toHaveLength(1);
    expect(paths.filter((p) => p === 'GET /v7/device')).toHaveLength(3);
    const chunks = mutatedIds(sent, 'PATCH');
    expect(chunks).toHaveLength(4);
    expectEachOnce(chunks, ids);
    expect(
      await owner.sdk.pine.count({
        resource: 'device',
        options: { $filter: { belongs_to__application: target.id } },
      }),
    ).toBe(500);
  });
});
