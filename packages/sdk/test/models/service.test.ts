// models.service and models.service.var against the real local API.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFleet, loginNewUser, type LoggedInUser, type TestFleet } from './helpers.js';
import { createTestService } from './release-fixtures.js';
import {
  describeDependentResource,
  type DependentResourceUnderTest,
} from './shared/dependent-resource.js';

describeDependentResource({
  title: 'service.var',
  keyField: 'name',
  keyPrefix: 'SERVICE_VAR',
  hasGet: true,
  notFoundCode: 'BalenaServiceNotFound',
  invalidParent: '',
  async setup() {
    const owner = await loginNewUser();
    const fleet = await createTestFleet(owner);
    const serviceId = await createTestService(owner.sdk, fleet.id, 'main');
    return { sdk: owner.sdk, parentId: serviceId };
  },
  pick(sdk) {
    const vars = sdk.models.service.var;
    // The suite passes untyped pine options and string parents; the typed signatures are covered by tsc.
    return {
      getAllByParent: vars.getAllByService as DependentResourceUnderTest['getAllByParent'],
      get: vars.get as DependentResourceUnderTest['get'],
      set: vars.set as DependentResourceUnderTest['set'],
      remove: vars.remove as DependentResourceUnderTest['remove'],
    };
  },
});

describe('service.getAllByApplication and service.var by fleet', () => {
  let owner: LoggedInUser;
  let fleet: TestFleet;
  let main: number;

  beforeAll(async () => {
    owner = await loginNewUser();
    fleet = await createTestFleet(owner);
    main = await createTestService(owner.sdk, fleet.id, 'main');
    await createTestService(owner.sdk, fleet.id, 'worker');
  });

  it('lists the services of a fleet, with merged options', async () => {
    const services = await owner.sdk.models.service.getAllByApplication(fleet.slug, {
      $select: 'service_name',
      $orderby: 'service_name asc',
    });
    expect(services).toEqual([{ service_name: 'main' }, { service_name: 'worker' }]);
    const filtered = await owner.sdk.models.service.getAllByApplication(fleet.id, {
      $select: 'id',
      $filter: { service_name: 'main' },
    });
    expect(filtered).toEqual([{ id: main }]);
  });

  it('names a service by fleet and service name for every var method', async () => {
    const vars = owner.sdk.models.service.var;
    const byName = { application: fleet.slug, service_name: 'worker' };
    await vars.set(byName, 'QUEUE', 'jobs');
    expect(await vars.get(byName, 'QUEUE')).toBe('jobs');
    expect((await vars.getAllByService(byName, { $select: 'name' })).map((v) => v.name)).toEqual([
      'QUEUE',
    ]);
    await vars.remove(byName, 'QUEUE');
    expect(await vars.get(byName, 'QUEUE')).toBeUndefined();
    await expect(
      vars.get({ application: fleet.id, service_name: 'nope' }, 'X'),
    ).rejects.toMatchObject({
      code: 'BalenaServiceNotFound',
    });
    await expect(
      vars.get({ application: 999_999_999, service_name: 'main' }, 'X'),
    ).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
  });

  it('lists, pages and counts the service variables of a fleet ordered by name', async () => {
    const vars = owner.sdk.models.service.var;
    await vars.set(main, 'B_VAR', '2');
    await vars.set({ application: fleet.id, service_name: 'worker' }, 'A_VAR', '1');
    const rows = await vars.getAllByApplication(fleet.id, { $select: ['name', 'value'] });
    expect(rows).toEqual([
      { name: 'A_VAR', value: '1' },
      { name: 'B_VAR', value: '2' },
    ]);
    expect(await vars.countAllByApplication(fleet.slug)).toBe(2);
    const names = [];
    for await (const row of vars.iterateAllByApplication(
      fleet.id,
      { $select: 'name' },
      { pageSize: 1 },
    )) {
      names.push(row.name);
    }
    expect(names).toEqual(['A_VAR', 'B_VAR']);
  });

  it('throws for unknown fleets and invalid identifiers', async () => {
    const { service } = owner.sdk.models;
    await expect(service.getAllByApplication(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(service.getAllByApplication('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(service.var.getAllByApplication(999_999_999)).rejects.toMatchObject({
      code: 'BalenaApplicationNotFound',
    });
    await expect(
      service.var.getAllByService({ application: fleet.id } as unknown as number),
    ).rejects.toMatchObject({ code: 'BalenaInvalidParameterError' });
  });

  it('rejects reserved variable names with the API text', async () => {
    await expect(owner.sdk.models.service.var.set(main, 'BALENA_X', '1')).rejects.toMatchObject({
      message: 'Request error: Environment variables beginning with RESIN_, BALENA_ are reserved.',
    });
  });
});
