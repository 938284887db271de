// The optional last argument `{ signal, headers, timeout }` of the organization, team, key, apiKey, creditBundle
// and billing methods reaches every request they send.
import { beforeAll, describe, expect, it } from 'vitest';
import { loginNewUser, uniqueName, type LoggedInUser } from './helpers.js';

let owner: LoggedInUser;
let org: { id: number; handle: string };
let teamId: number;

beforeAll(async () => {
  owner = await loginNewUser();
  org = await owner.sdk.models.organization.create({ name: uniqueName('Signals') });
  teamId = (await owner.sdk.models.team.create(org.id, 'signals')).id;
});

describe('an aborted signal', () => {
  it('stops reads and writes before anything changes', async () => {
    const { organization, team, key, apiKey, creditBundle, billing } = owner.sdk.models;
    const signal = AbortSignal.abort();
    const calls: Array<() => Promise<unknown>> = [
      () => organization.getAll({}, { signal }),
      () => organization.get(org.id, {}, { signal }),
      () => organization.create({ name: 'never' }, { signal }),
      () => organization.membership.getAllByOrganization(org.id, {}, { signal }),
      () => organization.invite.create(org.id, { invitee: 'never@example.com' }, { signal }),
      () => team.rename(teamId, 'never', { signal }),
      () => team.membership.getAllByTeam(teamId, {}, { signal }),
      () => key.create('never', 'ssh-ed25519 AAAAnever', { signal }),
      () => apiKey.getAll({}, { signal }),
      () => apiKey.create({ name: 'never', expiryDate: null }, { signal }),
      () => creditBundle.getAllByOrg(org.id, {}, { signal }),
      () => billing.getPlan(org.id, { signal }),
    ];
    for (const call of calls) await expect(call()).rejects.toThrow();
    expect((await team.get(teamId)).name).toBe('signals');
    expect(await organization.invite.getAllByOrganization(org.id)).toEqual([]);
    expect(await key.getAll()).toEqual([]);
    expect(await apiKey.getAll()).toEqual([]);
    const names = (await organization.getAll({ $select: 'name' })).map((row) => row.name);
    expect(names).not.toContain('never');
  });
});

describe('per-call headers', () => {
  it('are sent with the request', async () => {
    const seen: Array<string | null> = [];
    owner.sdk.interceptors.push({
      request: (request) => {
        seen.push(new Headers(request.headers).get('x-request-tag'));
        return request;
      },
    });
    await owner.sdk.models.team.get(teamId, {}, { headers: { 'X-Request-Tag': 'team-get' } });
    await owner.sdk.models.billing.getAccount(org.id, { headers: { 'X-Request-Tag': 'billing' } });
    expect(seen).toEqual(['team-get', 'billing', 'billing']);
    owner.sdk.interceptors.pop();
  });
});
