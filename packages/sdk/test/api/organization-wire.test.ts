// Differential wire test: organization, team, key, apiKey, creditBundle and billing calls through this SDK and the
// official balena-sdk against the same local API. Each call must send the same requests and give the same answer.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createWirePair, type WirePair } from './wire-helpers.js';

type Sdk = WirePair['ours'];

let pair: WirePair;
let orgId: number;
let membershipId: number;
let teamId: number;
let keyId: number;
let apiKeyId: number;
let fleetId: number;

beforeAll(async () => {
  pair = await createWirePair(inject('apiUrl'));
  const { ours, user } = pair;
  const org = await ours.models.organization.get(user.username, { $select: 'id' });
  orgId = org.id;
  const [membership] = await ours.models.organization.membership.getAllByOrganization(orgId, {
    $select: 'id',
  });
  membershipId = membership.id;
  await ours.models.organization.membership.tags.set(membershipId, 'desk', '12');
  teamId = (await ours.models.team.create(orgId, 'wire team')).id;
  await ours.models.team.membership.create({ team: teamId, username: user.username });
  keyId = (await ours.models.key.create('wire', 'ssh-ed25519 AAAAwire wire@test')).id;
  await ours.models.apiKey.create({ name: 'wire key', expiryDate: null });
  apiKeyId = (await ours.models.apiKey.getAll({ $select: 'id' }))[0].id;
  const [deviceType] = await ours.pine.get({
    resource: 'device_type',
    options: { $select: 'id', $filter: { slug: 'raspberrypi3' } },
  });
  fleetId = (
    await ours.pine.post({
      resource: 'application',
      body: { app_name: 'wirefleet', organization: orgId, is_for__device_type: deviceType.id },
    })
  ).id;
  await ours.models.team.applicationAccess.add(teamId, fleetId, 'developer');
  await ours.models.organization.invite.create(orgId, { invitee: 'wire@example.com' });
  await ours.models.billing.getAccount(orgId);
  // Both SDKs cache who is logged in; warm the official one as this one was warmed above.
  await pair.official.auth.getUserInfo();
});

describe('organization and friends on the wire, this SDK vs the official one', () => {
  const reads: Array<[string, (sdk: Sdk) => Promise<unknown>]> = [
    ['organization.getAll', (sdk) => sdk.models.organization.getAll({ $select: 'handle' })],
    ['organization.get by handle', (sdk) => sdk.models.organization.get(pair.user.username)],
    ['organization.get by id', (sdk) => sdk.models.organization.get(orgId, { $select: 'name' })],
    ['organization.get missing', (sdk) => sdk.models.organization.get('nobody_here')],
    [
      'membership.getAllByOrganization',
      (sdk) => sdk.models.organization.membership.getAllByOrganization(pair.user.username),
    ],
    [
      'membership.getAllByUser',
      (sdk) => sdk.models.organization.membership.getAllByUser(pair.user.username),
    ],
    ['membership.get', (sdk) => sdk.models.organization.membership.get(membershipId)],
    [
      'membership.tags.getAllByOrganization',
      (sdk) => sdk.models.organization.membership.tags.getAllByOrganization(orgId),
    ],
    [
      'membership.tags.getAllByOrganizationMembership',
      (sdk) => sdk.models.organization.membership.tags.getAllByOrganizationMembership(membershipId),
    ],
    ['invite.getAll', (sdk) => sdk.models.organization.invite.getAll({ $select: 'message' })],
    [
      'invite.getAllByOrganization',
      (sdk) => sdk.models.organization.invite.getAllByOrganization(orgId, { $select: 'message' }),
    ],
    ['team.getAllByOrganization', (sdk) => sdk.models.team.getAllByOrganization(orgId)],
    ['team.get', (sdk) => sdk.models.team.get(teamId)],
    [
      'team.applicationAccess.getAllByTeam',
      (sdk) => sdk.models.team.applicationAccess.getAllByTeam(teamId),
    ],
    ['team.membership.getAllByTeam', (sdk) => sdk.models.team.membership.getAllByTeam(teamId)],
    [
      'team.membership.getAllByUser',
      (sdk) => sdk.models.team.membership.getAllByUser(pair.user.id),
    ],
    ['key.getAll', (sdk) => sdk.models.key.getAll()],
    ['key.get', (sdk) => sdk.models.key.get(keyId)],
    ['key.get missing', (sdk) => sdk.models.key.get(999_999_999)],
    ['apiKey.getAll', (sdk) => sdk.models.apiKey.getAll()],
    ['apiKey.getAllNamedUserApiKeys', (sdk) => sdk.models.apiKey.getAllNamedUserApiKeys()],
    [
      'apiKey.getProvisioningApiKeysByApplication',
      (sdk) => sdk.models.apiKey.getProvisioningApiKeysByApplication(fleetId),
    ],
    ['creditBundle.getAllByOrg', (sdk) => sdk.models.creditBundle.getAllByOrg(pair.user.username)],
    ['billing.getAccount', (sdk) => sdk.models.billing.getAccount(orgId)],
    ['billing.getPlan', (sdk) => sdk.models.billing.getPlan(pair.user.username)],
    ['billing.getBillingInfo', (sdk) => sdk.models.billing.getBillingInfo(orgId)],
    ['billing.getInvoices', (sdk) => sdk.models.billing.getInvoices(orgId)],
  ];

  for (const [name, call] of reads) {
    it(`${name} sends the same requests and gets the same answer`, async () => {
      const run = await pair.both(call);
      expect(run.ourCalls).toEqual(run.officialCalls);
      expect(run.ourResult).toEqual(run.officialResult);
    });
  }

  const writes: Array<[string, (sdk: Sdk) => Promise<unknown>]> = [
    ['team.rename', (sdk) => sdk.models.team.rename(teamId, 'wire team')],
    [
      'membership.changeRole',
      (sdk) => sdk.models.organization.membership.changeRole(membershipId, 'administrator'),
    ],
    [
      'membership.tags.set',
      (sdk) => sdk.models.organization.membership.tags.set(membershipId, 'desk', '14'),
    ],
    ['apiKey.update', (sdk) => sdk.models.apiKey.update(apiKeyId, { description: 'wired' })],
    [
      'billing.updateAccountInfo',
      (sdk) => sdk.models.billing.updateAccountInfo(orgId, { company_name: 'Wire' }),
    ],
    [
      'billing.changePlan',
      (sdk) => sdk.models.billing.changePlan(orgId, { tier: 'free', cycle: 'monthly' }),
    ],
  ];

  for (const [name, call] of writes) {
    it(`${name} sends the same requests`, async () => {
      const run = await pair.both(call);
      expect(run.ourCalls).toEqual(run.officialCalls);
      expect(run.ourResult).toEqual(run.officialResult);
    });
  }

  // Creations answer different ids and tokens: the requests must match, and both must succeed.
  const creations: Array<[string, (sdk: Sdk) => Promise<unknown>, () => Promise<unknown>]> = [
    [
      'organization.create',
      (sdk) => sdk.models.organization.create({ name: 'Wire Created', handle: 'wire_created_org' }),
      () => pair.ours.models.organization.remove('wire_created_org'),
    ],
    [
      'invite.create',
      (sdk) =>
        sdk.models.organization.invite.create(orgId, {
          invitee: 'second@example.com',
          roleName: 'member',
          message: 'hello',
        }),
      () =>
        pair.ours.pine.delete({
          resource: 'organization_invite',
          options: { $filter: { message: 'hello' } },
        }),
    ],
    [
      'team.create',
      (sdk) => sdk.models.team.create(orgId, 'created team'),
      () =>
        pair.ours.pine.delete({ resource: 'team', options: { $filter: { name: 'created team' } } }),
    ],
    [
      'key.create',
      (sdk) => sdk.models.key.create('second', ' ssh-ed25519 AAAAsecond second@test '),
      () =>
        pair.ours.pine.delete({
          resource: 'user__has__public_key',
          options: { $filter: { title: 'second' } },
        }),
    ],
    [
      'apiKey.create',
      (sdk) =>
        sdk.models.apiKey.create({
          name: 'second',
          expiryDate: '2090-01-01T00:00:00.000Z',
          description: 'wire',
        }),
      async () => undefined,
    ],
    [
      'creditBundle.create',
      (sdk) => sdk.models.creditBundle.create(orgId, 1, 3),
      async () => undefined,
    ],
    [
      'billing.updateBillingInfo',
      (sdk) => sdk.models.billing.updateBillingInfo(orgId, { token_id: 'pm_wire' }),
      async () => undefined,
    ],
    [
      'billing.createSetupIntent',
      (sdk) => sdk.models.billing.createSetupIntent({ organization: orgId }),
      async () => undefined,
    ],
    [
      'billing.removeBillingInfo',
      (sdk) => sdk.models.billing.removeBillingInfo(orgId),
      async () => undefined,
    ],
  ];

  for (const [name, call, reset] of creations) {
    it(`${name} sends the same requests`, async () => {
      const run = await pair.both(call, reset);
      expect(run.ourCalls).toEqual(run.officialCalls);
      expect([run.ourResult.error, run.officialResult.error]).toEqual([undefined, undefined]);
    });
  }

  // Invalid input and missing rows: both SDKs fail the same way, after the same requests (none for invalid input).
  const failures: Array<[string, (sdk: Sdk) => Promise<unknown>]> = [
    ['organization.get null', (sdk) => sdk.models.organization.get(null as unknown as string)],
    ['organization.remove missing', (sdk) => sdk.models.organization.remove(999_999_999)],
    ['membership.get missing', (sdk) => sdk.models.organization.membership.get(999_999_999)],
    [
      'membership.changeRole unknown role',
      (sdk) => sdk.models.organization.membership.changeRole(membershipId, 'overlord'),
    ],
    [
      'invite.create unknown role',
      (sdk) =>
        sdk.models.organization.invite.create(orgId, { invitee: 'a@b.c', roleName: 'overlord' }),
    ],
    ['team.get missing', (sdk) => sdk.models.team.get(999_999_999)],
    [
      'team.applicationAccess.add unknown role',
      (sdk) => sdk.models.team.applicationAccess.add(teamId, fleetId, 'overlord'),
    ],
    ['apiKey.update without a name', (sdk) => sdk.models.apiKey.update(apiKeyId, { name: '' })],
    [
      'apiKey.create without expiry',
      (sdk) =>
        sdk.models.apiKey.create({ name: 'x' } as Parameters<Sdk['models']['apiKey']['create']>[0]),
    ],
    ['creditBundle.getAllByOrg missing', (sdk) => sdk.models.creditBundle.getAllByOrg(999_999_999)],
    ['billing.getAccount missing', (sdk) => sdk.models.billing.getAccount('no_such_org_here')],
  ];

  for (const [name, call] of failures) {
    it(`${name} fails the same way`, async () => {
      const run = await pair.both(call);
      expect(run.ourCalls).toEqual(run.officialCalls);
      expect(run.ourResult.error).toBeDefined();
      expect(run.ourResult).toEqual(run.officialResult);
    });
  }
});
