// Paging proof: a fleet with 2,000 releases, walked with the async iterator page by page. Every release is seen
// exactly once, in a stable order, and the heap stays flat while iterating (rows are not retained).
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';

const RELEASE_COUNT = 2_000;
const CONCURRENT_POSTS = 16;
const PAGE_SIZE = 100;
const MB = 1024 * 1024;

let owner: LoggedInUser;
let fleet: TestFleet;
const createdIds = new Set<number>();

async function createReleases(): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < RELEASE_COUNT) {
      const n = next++;
      const release = await owner.sdk.pine.post({
        resource: 'release',
        body: {
          belongs_to__application: fleet.id,
          commit: n.toString(16).padStart(32, '0'),
          status: 'success',
          source: 'cloud',
          composition: {},
          start_timestamp: new Date(),
        },
      });
      createdIds.add(release.id);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_POSTS }, worker));
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

describe('paging through 2,000 releases of one fleet', () => {
  beforeAll(async () => {
    owner = await loginNewUser();
    fleet = await createTestFleet(owner);
    // Tracking the latest release would re-target the fleet on every insert; the proof is about reading.
    await owner.sdk.pine.patch({
      resource: 'application',
      id: fleet.id,
      body: { should_track_latest_release: false },
    });
    const started = Date.now();
    await createReleases();
    console.info(`paging: created ${RELEASE_COUNT} releases in ${Date.now() - started} ms`);
  }, 120_000);

  it('counts them', async () => {
    expect(createdIds.size).toBe(RELEASE_COUNT);
    expect(await owner.sdk.models.release.countAllByApplication(fleet.id)).toBe(RELEASE_COUNT);
  });

  it('iterates every release exactly once, with a flat heap', async () => {
    const seen = new Set<number>();
    let duplicates = 0;
    const samples: number[] = [];
    const started = Date.now();
    const baseline = heapUsed();
    for await (const release of owner.sdk.models.release.iterateAllByApplication(
      fleet.slug,
      { $select: ['id', 'commit', 'composition'] },
      { pageSize: PAGE_SIZE },
    )) {
      if (seen.has(release.id)) duplicates += 1;
      seen.add(release.id);
      if (seen.size % 500 === 0) samples.push(heapUsed() - baseline);
    }
    const growth = Math.max(...samples);
    console.info(
      `paging: iterated ${seen.size} releases in ${Date.now() - started} ms (page ${PAGE_SIZE}); ` +
        `heap growth samples ${samples.map((s) => (s / MB).toFixed(1)).join(', ')} MB`,
    );
    expect(duplicates).toBe(0);
    expect(seen).toEqual(createdIds);
    // 2,000 rows kept in memory would be a few MB; a leak of the pages would grow with every sample.
    expect(growth).toBeLessThan(32 * MB);
  });

  it('stops early without fetching the rest', async () => {
    const requests: string[] = [];
    owner.sdk.interceptors.push({
      request: (request) => {
        requests.push(request.url);
        return request;
      },
    });
    let taken = 0;
    for await (const release of owner.sdk.models.release.iterateAllByApplication(
      fleet.id,
      { $select: 'id' },
      { pageSize: PAGE_SIZE },
    )) {
      expect(release.id).toBeGreaterThan(0);
      taken += 1;
      if (taken === 150) break;
    }
    owner.sdk.interceptors.pop();
    // One fleet lookup and two pages.
    expect(requests).toHaveLength(3);
  });
});
