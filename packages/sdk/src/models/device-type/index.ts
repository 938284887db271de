/**
 * `sdk.models.deviceType`: the device types (boards) of the catalogue, their contracts and
 * install instructions.
 */
import { BalenaInvalidDeviceType, BalenaInvalidParameterError } from '../../errors/index.js';
import {
  getCollection,
  getSingle,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { isId } from '../../internal/ids.js';
import type { Filter, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { isContract } from './contract.js';
import { createDeviceTypeInstructions } from './instructions.js';

export type { Contract, InstallMethod } from './contract.js';

/** Pine options of device type reads. */
export type DeviceTypeOptions = ResourceOptions<'device_type'>;
/** A device type as narrowed by the options. */
export type DeviceTypeRow<O> = ResultRow<'device_type', O>;

const BY_NAME = { $orderby: 'name asc' } as const;

/** Device types with a usable (successful, final, valid) OS release of a live host app. */
const SUPPORTED: Filter = {
  is_default_for__application: {
    $any: {
      $alias: 'idfa',
      $expr: {
        idfa: {
          is_host: true,
          is_archived: false,
          owns__release: {
            $any: {
              $alias: 'r',
              $expr: { r: { status: 'success', is_final: true, is_invalidated: false } },
            },
          },
        },
      },
    },
  },
};

/**
 * Builds `sdk.models.deviceType`.
 *
 * @param ctx - the model context.
 * @returns the device type model.
 * @throws {Error} never at build time.
 * @example
 * const deviceType = createDeviceTypeModel(ctx);
 */
export function createDeviceTypeModel(ctx: SdkModelContext) {
  const { pine } = ctx;

  async function findFirst<const O extends DeviceTypeOptions>(
    defaults: FilterOrderDefaults,
    input: unknown,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<DeviceTypeRow<O>> {
    const [row] = await getCollection(
      pine,
      'device_type',
      { ...defaults, $top: 1 },
      options,
      callOptions,
    );
    if (row === undefined) throw new BalenaInvalidDeviceType(String(input));
    return row;
  }

  /**
   * One device type, by id, slug or alias.
   *
   * @param idOrSlug - the id, the slug, or an alias (e.g. a legacy slug).
   * @param options - pine options shaping the result.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device type.
   * @throws {BalenaInvalidDeviceType} when there is none (or the argument is null/empty).
   * @throws {BalenaInvalidParameterError} for a value that is neither an id nor a string.
   * @example
   * const dt = await sdk.models.deviceType.get('raspberrypi', { $select: ['slug', 'name'] });
   */
  async function get<const O extends DeviceTypeOptions = Record<never, never>>(
    idOrSlug: number | string,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<DeviceTypeRow<O>> {
    if (idOrSlug == null || idOrSlug === '') throw new BalenaInvalidDeviceType(String(idOrSlug));
    if (isId(idOrSlug)) {
      const row = await getSingle(pine, 'device_type', idOrSlug, {}, options, callOptions);
      if (row === undefined) throw new BalenaInvalidDeviceType(String(idOrSlug));
      return row;
    }
    if (typeof idOrSlug !== 'string') throw new BalenaInvalidParameterError('idOrSlug', idOrSlug);
    const byAlias: FilterOrderDefaults = {
      ...BY_NAME,
      $filter: {
        device_type_alias: {
          $any: { $alias: 'dta', $expr: { dta: { is_referenced_by__alias: idOrSlug } } },
        },
      },
    };
    return await findFirst(byAlias, idOrSlug, options, callOptions);
  }

  /**
   * Every device type the caller can see, ordered by name.
   *
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device types.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const all = await sdk.models.deviceType.getAll({ $select: 'slug' });
   */
  function getAll<const O extends DeviceTypeOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceTypeRow<O>>> {
    return getCollection(pine, 'device_type', BY_NAME, options, callOptions);
  }

  /**
   * The device types that have a usable balenaOS release, ordered by name.
   *
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device types.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const supported = await sdk.models.deviceType.getAllSupported({ $select: 'slug' });
   */
  function getAllSupported<const O extends DeviceTypeOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceTypeRow<O>>> {
    return getCollection(
      pine,
      'device_type',
      { ...BY_NAME, $filter: SUPPORTED },
      options,
      callOptions,
    );
  }

  /**
   * One device type by its slug or its display name.
   *
   * @param slugOrName - the slug (`raspberrypi3`) or the name (`Raspberry Pi 3`).
   * @param options - pine options shaping the result.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the device type.
   * @throws {BalenaInvalidDeviceType} when there is none.
   * @example
   * const dt = await sdk.models.deviceType.getBySlugOrName('Raspberry Pi 3');
   */
  function getBySlugOrName<const O extends DeviceTypeOptions = Record<never, never>>(
    slugOrName: string,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<DeviceTypeRow<O>> {
    if (typeof slugOrName !== 'string' || slugOrName === '') {
      throw new BalenaInvalidParameterError('slugOrName', slugOrName);
    }
    const byNameOrSlug: FilterOrderDefaults = {
      $filter: { $or: { name: slugOrName, slug: slugOrName } },
    };
    return findFirst(byNameOrSlug, slugOrName, options, callOptions);
  }

  /**
   * The display name of a device type.
   *
   * @param deviceTypeSlug - the slug (or the name).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the name, e.g. `Raspberry Pi 3`.
   * @throws {BalenaInvalidDeviceType} when there is none.
   * @example
   * const name = await sdk.models.deviceType.getName('raspberrypi3');
   */
  async function getName(
    deviceTypeSlug: string,
    callOptions?: PineRequestOptions,
  ): Promise<string> {
    const { name } = await getBySlugOrName(deviceTypeSlug, { $select: 'name' }, callOptions);
    return name;
  }

  /**
   * The slug of a device type.
   *
   * @param deviceTypeName - the name (or the slug).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the slug, e.g. `raspberrypi3`.
   * @throws {BalenaInvalidDeviceType} when there is none.
   * @example
   * const slug = await sdk.models.deviceType.getSlugByName('Raspberry Pi 3');
   */
  async function getSlugByName(
    deviceTypeName: string,
    callOptions?: PineRequestOptions,
  ): Promise<string> {
    const { slug } = await getBySlugOrName(deviceTypeName, { $select: 'slug' }, callOptions);
    return slug;
  }

  const instructions = createDeviceTypeInstructions(async (slug, callOptions) => {
    const { contract } = await getBySlugOrName(slug, { $select: 'contract' }, callOptions);
    return isContract(contract) ? contract : undefined;
  });

  return {
    get,
    getAll,
    getAllSupported,
    getBySlugOrName,
    getName,
    getSlugByName,
    ...instructions,
  };
}
