/**
 * `sdk.models.device`: devices, their tags and variables, release pinning, local mode, device
 * URLs, registration, supervisor actions and OS updates.
 */
import { createIdCache } from '../../internal/id-cache.js';
import type { SdkModelContext } from '../index.js';
import { createDeviceBatchUpdates } from './batch-updates.js';
import { createDeviceCore } from './core.js';
import { createDeviceHistory } from './history.js';
import { createDeviceLocalMode } from './local-mode.js';
import { createDeviceMove } from './move.js';
import { createDevicesByOrganization } from './organization.js';
import { createDeviceProperties } from './properties.js';
import { createDeviceRegistration } from './registration.js';
import { createDeviceReleasePinning } from './release-pinning.js';
import { createDeviceServiceVariables } from './service-var.js';
import { createDeviceSupervisorActions } from './supervisor.js';
import { createDeviceOsUpdate } from './os-update.js';
import { createDeviceSyncMethods } from './sync-methods.js';
import { createDeviceTargetState } from './target-state.js';
import { createDeviceVariables } from './variables.js';
import type { DeviceVariableNamespaces } from './variable-types.js';

export type { DeviceOptions, DeviceRow, UuidOrId } from './core.js';
export type { DeviceLocation, UuidOrIdOrArray } from './batch-updates.js';
export { OverallStatus } from './sync-methods.js';
export type { DeviceRegistrationInfo } from './registration.js';
export type { HistoryTimeRange } from './history.js';
export type { LocalModeSupport, LocalModeSupportFields } from './sync-methods.js';
export type { SupervisorTargetState } from './target-state.js';
export type { DeviceWithServiceDetails } from './core.js';
export type {
  DeviceConfigVariables,
  DeviceEnvironmentVariables,
  DeviceTags,
  DeviceVariables,
} from './variable-types.js';
export type { SupervisorForceOptions, SupervisorStatus } from './supervisor.js';
export type { OsUpdateActionResult, StartOsUpdateOptions } from './os-update.js';

/**
 * The type of `sdk.models.device`, spelled out from its parts: inferred as one object it is too
 * large for declaration files.
 */
export type DeviceModel = ReturnType<typeof createDeviceSyncMethods> &
  ReturnType<typeof createDeviceCore> &
  ReturnType<typeof createDevicesByOrganization> &
  ReturnType<typeof createDeviceProperties> &
  ReturnType<typeof createDeviceBatchUpdates> &
  ReturnType<typeof createDeviceMove> &
  ReturnType<typeof createDeviceReleasePinning> &
  ReturnType<typeof createDeviceTargetState> &
  ReturnType<typeof createDeviceRegistration> &
  ReturnType<typeof createDeviceLocalMode> &
  ReturnType<typeof createDeviceSupervisorActions> &
  ReturnType<typeof createDeviceOsUpdate> &
  DeviceVariableNamespaces & {
    serviceVar: ReturnType<typeof createDeviceServiceVariables>;
    history: ReturnType<typeof createDeviceHistory>;
  };

/**
 * Builds `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the device model: plain functions, safe to destructure.
 * @throws {Error} never at build time.
 * @example
 * const { get, getAllByApplication } = sdk.models.device;
 */
export function createDeviceModel(ctx: SdkModelContext): DeviceModel {
  // Device ids by uuid, learnt from registrations and lookups: writes of tags and variables by
  // uuid skip the lookup request for devices already seen.
  const deviceIds = createIdCache(ctx.pubsub);
  const variables = createDeviceVariables(ctx, deviceIds);
  return {
    ...createDeviceSyncMethods(ctx),
    ...createDeviceCore(ctx),
    ...createDevicesByOrganization(ctx),
    ...createDeviceProperties(ctx),
    ...createDeviceBatchUpdates(ctx),
    ...createDeviceMove(ctx),
    ...createDeviceReleasePinning(ctx),
    ...createDeviceTargetState(ctx),
    ...createDeviceRegistration(ctx, deviceIds),
    ...createDeviceLocalMode(ctx, variables.configVar),
    ...createDeviceSupervisorActions(ctx),
    ...createDeviceOsUpdate(ctx),
    ...variables,
    serviceVar: createDeviceServiceVariables(ctx),
    history: createDeviceHistory(ctx),
  };
}
