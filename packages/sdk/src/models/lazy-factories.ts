/**
 * The model factories `getSdk()` uses on Node: each model's code is imported on the first call of
 * one of its asynchronous methods (see `lazy-model.ts`). Browsers use the factories of
 * `models/index.ts` directly (`factories.browser.ts`): one bundle, nothing to load later.
 */
import type { ModelFactoryMap, SdkModelContext } from './index.js';
import { createLazyModel } from './lazy-model.js';
import { MODEL_SHAPES } from './shapes.generated.js';
import { MODEL_SYNC_MEMBERS } from './sync-members.js';

type ModelName = keyof ModelFactoryMap;
type Model<Name extends ModelName> = ReturnType<ModelFactoryMap[Name]>;

function lazy<Name extends ModelName>(
  name: Name,
  importFactory: () => Promise<ModelFactoryMap[Name]>,
): ModelFactoryMap[Name] {
  const factory = (ctx: SdkModelContext): Model<Name> =>
    createLazyModel<Model<Name>>(
      async () => (await importFactory())(ctx) as Model<Name>,
      MODEL_SHAPES[name],
      (current) => {
        const build = (
          MODEL_SYNC_MEMBERS as Partial<
            Record<ModelName, (ctx: SdkModelContext, current: () => unknown) => object>
          >
        )[name];
        return build?.(ctx, current) ?? {};
      },
    );
  return factory as ModelFactoryMap[Name];
}

/** Model factories by name, each loading its model's code on first use. */
export const LAZY_MODEL_FACTORIES: ModelFactoryMap = {
  application: lazy(
    'application',
    async () => (await import('./application/index.js')).createApplicationModel,
  ),
  organization: lazy(
    'organization',
    async () => (await import('./organization/index.js')).createOrganizationModel,
  ),
  team: lazy('team', async () => (await import('./team/index.js')).createTeamModel),
  key: lazy('key', async () => (await import('./key/index.js')).createKeyModel),
  apiKey: lazy('apiKey', async () => (await import('./api-key/index.js')).createApiKeyModel),
  creditBundle: lazy(
    'creditBundle',
    async () => (await import('./credit-bundle/index.js')).createCreditBundleModel,
  ),
  billing: lazy('billing', async () => (await import('./billing/index.js')).createBillingModel),
  release: lazy('release', async () => (await import('./release/index.js')).createReleaseModel),
  service: lazy('service', async () => (await import('./service/index.js')).createServiceModel),
  image: lazy('image', async () => (await import('./image/index.js')).createImageModel),
  config: lazy('config', async () => (await import('./config/index.js')).createConfigModel),
  deviceType: lazy(
    'deviceType',
    async () => (await import('./device-type/index.js')).createDeviceTypeModel,
  ),
  device: lazy('device', async () => (await import('./device/index.js')).createDeviceModel),
  os: lazy('os', async () => (await import('./os/index.js')).createOsModel),
};
