/**
 * `sdk.models.config`: the API's public configuration, device-type manifests and the
 * configuration-variable schema.
 */
import { BalenaInvalidDeviceType } from '../../errors/index.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { Config, ConfigVarDefinition, DeviceTypeJson, DeviceTypeOption } from './types.js';

export type {
  Config,
  ConfigVarDefinition,
  ConfigVarSchemaProperty,
  DeviceTypeJson,
  DeviceTypeOption,
} from './types.js';

/**
 * Builds `sdk.models.config`.
 *
 * @param ctx - the model context.
 * @returns the config model.
 * @throws {Error} never at build time.
 * @example
 * const config = createConfigModel(ctx);
 */
export function createConfigModel(ctx: SdkModelContext) {
  const { request } = ctx;

  /**
   * The API's public configuration (device URL base, analytics keys, ...).
   *
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the configuration.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const { deviceUrlsBase } = await sdk.models.config.getAll();
   */
  async function getAll(callOptions?: PineRequestOptions): Promise<Config> {
    const { body } = await request.send<Config & { deviceTypes?: unknown }>(
      { url: '/config', sendToken: false },
      callOptions,
    );
    const { deviceTypes: _dropped, ...config } = body;
    return config;
  }

  /**
   * The device-type.json manifests of every device type the caller can see.
   *
   * @deprecated Use `sdk.models.deviceType.getAll()`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the manifests, without their `instructions`.
   * @throws {Error} "No device types" when the API answers none.
   * @example
   * const manifests = await sdk.models.config.getDeviceTypes();
   */
  async function getDeviceTypes(callOptions?: PineRequestOptions): Promise<DeviceTypeJson[]> {
    const { body } = await request.send<DeviceTypeJson[] | null>(
      { url: '/device-types/v1' },
      callOptions,
    );
    if (body == null) throw new Error('No device types');
    return body.map(({ instructions: _dropped, ...manifest }) => manifest);
  }

  /**
   * The manifest of one device type, by slug, name or alias.
   *
   * @deprecated Use `sdk.models.deviceType.get()`.
   * @param slugOrName - the slug, name or an alias.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the manifest.
   * @throws {BalenaInvalidDeviceType} when no device type matches.
   * @example
   * const manifest = await sdk.models.config.getDeviceTypeManifestBySlug('raspberrypi');
   */
  async function getDeviceTypeManifestBySlug(
    slugOrName: string,
    callOptions?: PineRequestOptions,
  ): Promise<DeviceTypeJson> {
    const manifests = await getDeviceTypes(callOptions);
    const manifest = manifests.find(
      (m) =>
        m.name === slugOrName || m.slug === slugOrName || (m.aliases ?? []).includes(slugOrName),
    );
    if (manifest === undefined) throw new BalenaInvalidDeviceType(slugOrName);
    return manifest;
  }

  /**
   * The configuration options of a device type's OS image and its installation.
   *
   * @param deviceType - the slug, name or an alias.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the options (image options first, then installation options, each once).
   * @throws {BalenaInvalidDeviceType} when no device type matches.
   * @example
   * const options = await sdk.models.config.getDeviceOptions('raspberrypi3');
   */
  async function getDeviceOptions(
    deviceType: string,
    callOptions?: PineRequestOptions,
  ): Promise<DeviceTypeOption[]> {
    const manifest = await getDeviceTypeManifestBySlug(deviceType, callOptions);
    const all = [...(manifest.options ?? []), ...(manifest.initialization?.options ?? [])];
    return [...new Set(all)];
  }

  /**
   * The configuration-variable rules and JSON schema, with a device type's own keys when given.
   *
   * @param deviceType - an optional device type slug (unknown ones are ignored by the API).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the definition.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const { configVarSchema } = await sdk.models.config.getConfigVarSchema('raspberry-pi');
   */
  async function getConfigVarSchema(
    deviceType?: string,
    callOptions?: PineRequestOptions,
  ): Promise<ConfigVarDefinition> {
    const { body } = await request.send<ConfigVarDefinition>(
      {
        url: '/config/vars',
        // The credential only matters for private device types.
        sendToken: deviceType != null,
        ...(deviceType == null ? {} : { qs: { deviceType } }),
      },
      callOptions,
    );
    return body;
  }

  return {
    getAll,
    getDeviceTypes,
    getDeviceTypeManifestBySlug,
    getDeviceOptions,
    getConfigVarSchema,
  };
}
