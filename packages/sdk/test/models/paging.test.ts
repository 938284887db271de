// Paging proof: a fleet with 2,000 provisioning keys, walked with the SDK's async iterator page by page. Every key is
// seen exactly once although most share the same sort key (no name), and the heap stays flat while iterating.
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';

const KEY_COUNT = 2_000;
const CONCURRENT_POSTS = 8;
const PAGE_SIZE = 100;
const MB = 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

let owner: LoggedInUser;
let fleet: TestFleet;
let fleetActor: number;

async function createProvisioningKeys(): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < KEY_COUNT) {
      next += 1;
      // The route the SDK's generateProvisioningKey calls, without its fleet lookup per key.
      await owner.sdk.request.send({
        method: 'POST',
        url: '/api-key/v2/',
        body: {
          actorType: 'application',
          actorTypeId: fleet.id,
          roles: ['provisioning-api-key'],
          expiryDate: null,
        },
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_POSTS }, worker));
}

function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('paging through the 2,000 provisioning keys of one fleet', () => {
  beforeAll(async () => {
    owner = await loginNewUser();
    fleet = await createTestFleet(owner);
    const { actor } = await owner.sdk.models.application.get(fleet.id, { $select: 'actor' });
    fleetActor = actor.__id;
    const started = Date.now();
    await createProvisioningKeys();
    console.info(`paging: created ${KEY_COUNT} keys in ${Date.now() - started} ms`);
  }, 90_000);

  const ofFleet = () => ({ is_of__actor: fleetActor });

  it('counts them', async () => {
    expect(await owner.sdk.models.apiKey.countAll({ $filter: ofFleet() })).toBe(KEY_COUNT);
  });

  it('iterates every key exactly once, with a flat heap', async () => {
    const seen = new Set<number>();
    let duplicates = 0;
    const samples: number[] = [];
    const started = Date.now();
    const baseline = heapUsed();
    for await (const key of owner.sdk.models.apiKey.iterateAll(
      { $select: ['id', 'name', 'created_at'], $filter: ofFleet() },
      { pageSize: PAGE_SIZE },
    )) {
      if (seen.has(key.id)) duplicates += 1;
      seen.add(key.id);
      if (seen.size % 250 === 0) samples.push(heapUsed() - baseline);
    }
    console.info(
      `paging: iterated ${seen.size} keys in ${Date.now() - started} ms (page ${PAGE_SIZE}); heap growth ` +
        `after each 250 rows: ${samples.map((s) => (s / MB).toFixed(2)).join(', ')} MB`,
    );
    expect(duplicates).toBe(0);
    expect(seen.size).toBe(KEY_COUNT);
    // Only the ids are kept (2,000 numbers); retained pages would add about 0.1 MB per sample.
    expect(Math.max(...samples) - Math.min(...samples)).toBeLessThan(2 * MB);
  });

  it('fetches one page per request and stops early without fetching the rest', async () => {
    const urls: string[] = [];
    owner.sdk.interceptors.push({
      request: (request) => {
        urls.push(request.url);
        return request;
      },
    });
    try {
      let taken = 0;
      for await (const key of owner.sdk.models.apiKey.iterateAll(
        { $select: 'id', $filter: ofFleet() },
        { pageSize: PAGE_SIZE },
      )) {
        expect(key.id).toBeGreaterThan(0);
        taken += 1;
        if (taken === 150) break;
      }
    } finally {
      owner.sdk.interceptors.pop();
    }
    expect(urls).toHaveLength(2);
    expect(decodeURIComponent(urls[1])).toContain('$skip=100');
  });
});
