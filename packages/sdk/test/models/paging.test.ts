// Paging proof: a fleet with 2,000 provisioning keys, walked with the SDK's async iterator page by page. Every key is
// seen exactly once although they all share the same sort key (no name), and the heap stays flat while iterating.
//
// The keys are seeded with one SQL statement in a local API private to this file (the shared one serialises every
// request through one embedded database, and 2,000 HTTP inserts there take over a minute under a full test run).
import v8 from 'node:v8';
import vm from 'node:vm';
import { sbvrUtils } from '@balena/pinejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from 'balena-local-api/testing';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';

const KEY_COUNT = 2_000;
const PAGE_SIZE = 100;
const MB = 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

let server: TestServer;
let owner: LoggedInUser;
let fleet: TestFleet;
let fleetActor: number;

/** Inserts provisioning keys of an actor (hashed random keys with the provisioning role), as the API route does. */
async function seedProvisioningKeys(actor: number, count: number): Promise<void> {
  await sbvrUtils.db.transaction(async (tx) => {
    await tx.executeSql(
      `WITH created AS (
         INSERT INTO "api key" ("key", "is of-actor")
         SELECT 'sha256:' || md5(random()::text || g::text) || md5(g::text || clock_timestamp()::text), $1
         FROM generate_series(1, $2) AS g
         RETURNING "id")
       INSERT INTO "api key-has-role" ("api key", "role")
       SELECT created."id", r."id" FROM created CROSS JOIN "role" r WHERE r."name" = 'provisioning-api-key'`,
      [actor, count],
    );
  });
}

function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('paging through the 2,000 provisioning keys of one fleet', () => {
  beforeAll(async () => {
    const booting = Date.now();
    server = await startTestServer();
    owner = await loginNewUser({}, server.apiUrl);
    fleet = await createTestFleet(owner);
    const { actor } = await owner.sdk.models.application.get(fleet.id, { $select: 'actor' });
    fleetActor = actor.__id;
    // One key through the API as well, so the seeded rows sit next to a real one.
    await owner.sdk.models.application.generateProvisioningKey({
      slugOrUuidOrId: fleet.id,
      keyExpiryDate: null,
    });
    console.log(`paging: private API and fixtures ready in ${Date.now() - booting} ms`);
    const started = Date.now();
    await seedProvisioningKeys(fleetActor, KEY_COUNT - 1);
    console.log(`paging: seeded ${KEY_COUNT - 1} keys in ${Date.now() - started} ms`);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  const ofFleet = () => ({ is_of__actor: fleetActor });

  it('counts them, as the fleet owner sees them', async () => {
    expect(await owner.sdk.models.apiKey.countAll({ $filter: ofFleet() })).toBe(KEY_COUNT);
    const listed = await owner.sdk.models.apiKey.getProvisioningApiKeysByApplication(fleet.id, {
      $select: 'id',
    });
    expect(listed).toHaveLength(KEY_COUNT);
  });

  it('iterates every key exactly once, with a flat heap', async () => {
    // A first pass warms the caches of the API living in this process (compiled queries, permissions).
    for await (const key of owner.sdk.models.apiKey.iterateAll(
      { $select: ['id', 'name', 'created_at'], $filter: ofFleet() },
      { pageSize: PAGE_SIZE },
    )) {
      expect(key.id).toBeGreaterThan(0);
    }
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
    console.log(
      `paging: iterated ${seen.size} keys in ${Date.now() - started} ms (page ${PAGE_SIZE}); heap growth ` +
        `after each 250 rows: ${samples.map((s) => (s / MB).toFixed(2)).join(', ')} MB`,
    );
    expect(duplicates).toBe(0);
    expect(seen.size).toBe(KEY_COUNT);
    // Only the ids are kept (2,000 numbers): the heap never rises far above where it started. The bound is loose
    // because the API shares this heap (its caches also shrink it at times).
    expect(Math.max(...samples)).toBeLessThan(4 * MB);
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
