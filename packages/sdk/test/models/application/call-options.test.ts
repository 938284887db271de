// The optional last argument `{ signal, headers, timeout }` of the models.application methods reaches every request.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreparedRequest } from '../../../src/index.js';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from '../helpers.js';

let owner: LoggedInUser;
let fleet: TestFleet;

beforeAll(async () => {
  owner = await loginNewUser();
  fleet = await createTestFleet(owner);
});

describe('models.application call options', () => {
  it('an aborted signal stops reads and writes before anything changes', async () => {
    const { application } = owner.sdk.models;
    const signal = AbortSignal.abort();
    const calls: Array<() => Promise<unknown>> = [
      () => application.getAll({}, undefined, { signal }),
      () => application.get(fleet.id, {}, undefined, { signal }),
      () => application.getAllByOrganization(owner.user.username, {}, { signal }),
      () => application.has(fleet.slug, { signal }),
      () => application.rename(fleet.id, 'never_renamed', { signal }),
      () => application.tags.set(fleet.id, 'never', 'x', { signal }),
      () => application.envVar.getAllByApplication(fleet.id, {}, { signal }),
      () => application.membership.getAllByApplication(fleet.id, {}, { signal }),
      () => application.invite.create(fleet.id, { invitee: 'never@example.com' }, { signal }),
      () =>
        application.generateProvisioningKey(
          { slugOrUuidOrId: fleet.id, keyExpiryDate: null },
          { signal },
        ),
      () => application.restart(fleet.id, { signal }),
      () => application.purge(fleet.id, { signal }),
    ];
    for (const call of calls) await expect(call()).rejects.toThrow();
    const iterator = application.iterateAll({ $select: 'id' }, undefined, { signal });
    await expect(iterator.next()).rejects.toThrow();
    expect((await application.get(fleet.id, { $select: 'app_name' })).app_name).toBe(
      fleet.app_name,
    );
    expect(await application.tags.getAllByApplication(fleet.id)).toEqual([]);
    expect(await application.invite.getAllByApplication(fleet.id)).toEqual([]);
  });

  it('extra headers reach every request of a call, lookups included', async () => {
    const seen: PreparedRequest[] = [];
    owner.sdk.interceptors.push({
      request: (request) => {
        seen.push(request);
        return request;
      },
    });
    try {
      const headers = { 'X-Test-Call': 'application' };
      await owner.sdk.models.application.tags.set(fleet.slug, 'header', 'v', { headers });
      await owner.sdk.models.application.willTrackNewReleases(fleet.slug, { headers });
    } finally {
      owner.sdk.interceptors.pop();
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((request) => request.headers['X-Test-Call'] === 'application')).toBe(true);
  });
});
