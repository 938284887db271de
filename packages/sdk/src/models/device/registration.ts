/**
 * Creating device identities: unique uuids, registration with a short-lived provisioning key
 * (one per fleet every few minutes, see `internal/provisioning-key.ts`), and device API keys.
 */
import { BalenaInvalidDeviceType, isBalenaError } from '../../errors/index.js';
import { isArchitectureCompatibleWith } from '../../internal/cpu-architecture.js';
import type { IdCache } from '../../internal/id-cache.js';
import { DEVICE_LOOKUP, resolveId } from '../../internal/ids.js';
import { createRegistrationKeys } from '../../internal/provisioning-key.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { UuidOrId } from './core.js';

/** What `register` answers: the new device's id, uuid and its device API key. */
export interface DeviceRegistrationInfo {
  id: number;
  uuid: string;
  api_key: string;
}

const REGISTER_TIMEOUT_MS = 30_000;
const ARCHITECTURE_EXPAND = { is_of__cpu_architecture: { $select: 'slug' } } as const;

/**
 * Builds the registration methods of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @param deviceIds - where a registered device's id is remembered by its uuid.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const registration = createDeviceRegistration(ctx, createIdCache(ctx.pubsub));
 */
export function createDeviceRegistration(ctx: SdkModelContext, deviceIds: IdCache) {
  const registrationKeys = createRegistrationKeys(ctx.request, ctx.pubsub);

  /**
   * Registers a new device in a fleet, as a device would at first boot.
   *
   * @param applicationSlugOrUuidOrId - the fleet id, slug or uuid.
   * @param uuid - the device uuid (see `generateUniqueKey`).
   * @param deviceTypeSlug - the device type; the fleet's when omitted; must be architecture-compatible.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device id, uuid and API key.
   * @throws {BalenaInvalidDeviceType} when the device type cannot run the fleet's architecture.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @throws {BalenaRequestError} when the API refuses the registration (e.g. a taken uuid).
   * @example
   * const info = await sdk.models.device.register('myorg/myfleet', sdk.models.device.generateUniqueKey());
   */
  async function register(
    applicationSlugOrUuidOrId: string | number,
    uuid: string,
    deviceTypeSlug?: string,
    callOptions?: PineRequestOptions,
  ): Promise<DeviceRegistrationInfo> {
    const [userInfo, fleet, deviceType] = await Promise.all([
      ctx.auth.getUserInfo(callOptions),
      ctx.models.application.get(
        applicationSlugOrUuidOrId,
        {
          $select: 'id',
          $expand: { is_for__device_type: { $select: 'slug', $expand: ARCHITECTURE_EXPAND } },
        },
        undefined,
        callOptions,
      ),
      deviceTypeSlug === undefined
        ? undefined
        : ctx.models.deviceType.get(
            deviceTypeSlug,
            { $select: 'slug', $expand: ARCHITECTURE_EXPAND },
            callOptions,
          ),
    ]);
    const fleetDeviceType = fleet.is_for__device_type[0];
    if (deviceType !== undefined) {
      const deviceArchitecture = deviceType.is_of__cpu_architecture[0]?.slug;
      const fleetArchitecture = fleetDeviceType?.is_of__cpu_architecture[0]?.slug;
      if (
        deviceArchitecture === undefined ||
        fleetArchitecture === undefined ||
        !isArchitectureCompatibleWith(deviceArchitecture, fleetArchitecture)
      ) {
        throw new BalenaInvalidDeviceType(
          `Incompatible device type: ${deviceTypeSlug} for ${applicationSlugOrUuidOrId}`,
        );
      }
    }
    // The key is made (or reused) once the fleet is found and the device type fits, so a refused
    // registration leaves no key behind.
    const send = async (provisioningKey: string) => {
      const { body } = await ctx.request.send<DeviceRegistrationInfo>({
        method: 'POST',
        url: '/device/register',
        headers: { ...callOptions?.headers, Authorization: `Bearer ${provisioningKey}` },
        sendToken: false,
        refreshToken: false,
        timeout: callOptions?.timeout ?? REGISTER_TIMEOUT_MS,
        signal: callOptions?.signal,
        body: {
          user: userInfo.id,
          application: fleet.id,
          uuid,
          device_type: deviceType?.slug ?? fleetDeviceType?.slug,
        },
      });
      return body;
    };
    const key = await registrationKeys.get(fleet.id, callOptions);
    let body: DeviceRegistrationInfo;
    try {
      body = await send(key);
    } catch (error) {
      if (!isBalenaError(error, 'BalenaRequestError') || error.statusCode !== 401) throw error;
      // The reused key was revoked meanwhile: register with a new one.
      registrationKeys.discard(fleet.id, key);
      body = await send(await registrationKeys.get(fleet.id, callOptions));
    }
    deviceIds.set(body.uuid, body.id);
    return body;
  }

  /**
   * Creates an API key for a device (what the device uses to talk to the API).
   *
   * @param uuidOrId - the device id or full uuid.
   * @param keyName - an optional key name.
   * @param keyDescription - an optional description.
   * @param keyExpiryDate - an optional ISO expiry date.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the key.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const key = await sdk.models.device.generateDeviceKey(123, 'ci');
   */
  async function generateDeviceKey(
    uuidOrId: UuidOrId,
    keyName?: string,
    keyDescription?: string,
    keyExpiryDate?: string,
    callOptions?: PineRequestOptions,
  ): Promise<string> {
    const id = await resolveId(ctx.pine, DEVICE_LOOKUP, uuidOrId, callOptions);
    const { body } = await ctx.request.send<string>(
      {
        method: 'POST',
        url: `/api-key/device/${id}/device-key`,
        body: { name: keyName, description: keyDescription, expiryDate: keyExpiryDate },
      },
      callOptions,
    );
    return body;
  }

  return { register, generateDeviceKey };
}
