// models.application tags, configVar, envVar and buildVar: the shared dependent-resource suite.
import { createTestFleet, loginNewUser } from '../helpers.js';
import {
  describeDependentResource,
  type DependentResourceUnderTest,
} from '../shared/dependent-resource.js';

/** The fleet-specific operations of one tag or variable kind. */
interface ByApplicationNamespace {
  getAllByApplication: unknown;
  get?: DependentResourceUnderTest['get'];
  set: DependentResourceUnderTest['set'];
  remove: DependentResourceUnderTest['remove'];
}

/** The suite's operation names mapped onto the fleet-specific ones. */
function byApplication(ns: ByApplicationNamespace): DependentResourceUnderTest {
  // The suite passes untyped pine options; the typed overloads are covered by the type tests.
  const getAllByParent = ns.getAllByApplication as DependentResourceUnderTest['getAllByParent'];
  return { getAllByParent, get: ns.get, set: ns.set, remove: ns.remove };
}

async function fleetFixture() {
  const owner = await loginNewUser();
  const fleet = await createTestFleet(owner);
  return { sdk: owner.sdk, parentId: fleet.id, parentName: fleet.slug };
}

const common = {
  setup: fleetFixture,
  notFoundCode: 'BalenaApplicationNotFound',
  invalidParent: '',
};

describeDependentResource({
  ...common,
  title: 'application.tags',
  keyField: 'tag_key',
  keyPrefix: 'tag',
  hasGet: false,
  pick: (sdk) => byApplication(sdk.models.application.tags),
});

describeDependentResource({
  ...common,
  title: 'application.configVar',
  keyField: 'name',
  keyPrefix: 'BALENA_TEST',
  hasGet: true,
  pick: (sdk) => byApplication(sdk.models.application.configVar),
});

describeDependentResource({
  ...common,
  title: 'application.envVar',
  keyField: 'name',
  keyPrefix: 'ENV_TEST',
  hasGet: true,
  pick: (sdk) => byApplication(sdk.models.application.envVar),
});

describeDependentResource({
  ...common,
  title: 'application.buildVar',
  keyField: 'name',
  keyPrefix: 'BUILD_TEST',
  hasGet: true,
  pick: (sdk) => byApplication(sdk.models.application.buildVar),
});
