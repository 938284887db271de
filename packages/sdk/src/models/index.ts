/**
 * The model registry: every `sdk.models.<name>` is built on first access by its factory here.
 *
 * A model adds ONE line to {@link MODEL_FACTORIES} (`name: createXModel`), with the factory
 * exported from `models/<name>/index.ts` and taking the {@link SdkModelContext}.
 *
 * Cross-model calls (`ctx.models.deviceType.get(...)` from the application model) are fine, but a
 * model's public return types must not depend on another model's inferred types in a cycle;
 * identifier lookups go through `internal/ids.ts` instead of another model.
 */
import type { ModelContext } from '../internal/model-context.js';
import type { PineClient } from '../pine/index.js';
import type BalenaModel from '../types/v7.generated.js';
import { createApplicationModel } from './application/index.js';
import { createOrganizationModel } from './organization/index.js';
import { createTeamModel } from './team/index.js';
import { createKeyModel } from './key/index.js';
import { createApiKeyModel } from './api-key/index.js';
import { createCreditBundleModel } from './credit-bundle/index.js';
import { createBillingModel } from './billing/index.js';
import { createReleaseModel } from './release/index.js';
import { createServiceModel } from './service/index.js';
import { createImageModel } from './image/index.js';
import { createConfigModel } from './config/index.js';
import { createDeviceTypeModel } from './device-type/index.js';
import { createDeviceModel } from './device/index.js';
import { createOsModel } from './os/index.js';

/** Model factories by name (spelled out: declaration bundling loses the inferred object type). */
export type ModelFactoryMap = {
  application: typeof createApplicationModel;
  organization: typeof createOrganizationModel;
  team: typeof createTeamModel;
  key: typeof createKeyModel;
  apiKey: typeof createApiKeyModel;
  creditBundle: typeof createCreditBundleModel;
  billing: typeof createBillingModel;
  release: typeof createReleaseModel;
  service: typeof createServiceModel;
  image: typeof createImageModel;
  config: typeof createConfigModel;
  deviceType: typeof createDeviceTypeModel;
  device: typeof createDeviceModel;
  os: typeof createOsModel;
};

/** Model factories by name. */
export const MODEL_FACTORIES: ModelFactoryMap = {
  application: createApplicationModel,
  organization: createOrganizationModel,
  team: createTeamModel,
  key: createKeyModel,
  apiKey: createApiKeyModel,
  creditBundle: createCreditBundleModel,
  billing: createBillingModel,
  release: createReleaseModel,
  service: createServiceModel,
  image: createImageModel,
  config: createConfigModel,
  deviceType: createDeviceTypeModel,
  device: createDeviceModel,
  os: createOsModel,
};

/** The resource models (`sdk.models`). */
export type BalenaModels = {
  readonly [Name in keyof ModelFactoryMap]: ReturnType<ModelFactoryMap[Name]>;
};

/** Context every model factory receives. */
export type SdkModelContext = ModelContext<PineClient<BalenaModel>, BalenaModels>;
