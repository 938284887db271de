/**
 * The devices of every fleet of an organization: `getAllByOrganization` with its iterate/count
 * extras.
 */
import {
  countCollection,
  getCollection,
  iterateCollection,
  withMethodFilter,
} from '../../internal/collection.js';
import { ORGANIZATION_LOOKUP, resolveId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { ORDER_BY_NAME, type DeviceOptions, type DeviceRow, type NoOptions } from './core.js';

/**
 * Builds the organization listings of `sdk.models.device`.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const { getAllByOrganization } = createDevicesByOrganization(ctx);
 */
export function createDevicesByOrganization(ctx: SdkModelContext) {
  const { pine } = ctx;

  async function ofOrganization(
    handleOrId: string | number,
    callOptions?: PineRequestOptions,
  ): Promise<Filter> {
    const id = await resolveId(pine, ORGANIZATION_LOOKUP, handleOrId, callOptions);
    return {
      belongs_to__application: { $any: { $alias: 'bta', $expr: { bta: { organization: id } } } },
    };
  }

  /**
   * The devices of every fleet of an organization, ordered by name.
   *
   * @param handleOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the devices.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const devices = await sdk.models.device.getAllByOrganization('myorg', { $select: 'uuid' });
   */
  async function getAllByOrganization<const O extends DeviceOptions = NoOptions>(
    handleOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<DeviceRow<O>>> {
    const $filter = await ofOrganization(handleOrId, callOptions);
    return getCollection(
      pine,
      'device',
      ORDER_BY_NAME,
      withMethodFilter(options, $filter),
      callOptions,
    );
  }

  /**
   * Pages through the devices of an organization (the iterator sibling of `getAllByOrganization`).
   *
   * @param handleOrId - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize`, `signal`, `headers`, `timeout`.
   * @returns an async iterator over the devices.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * for await (const d of sdk.models.device.iterateAllByOrganization('myorg')) console.log(d.uuid);
   */
  async function* iterateAllByOrganization<const O extends DeviceOptions = NoOptions>(
    handleOrId: string | number,
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<DeviceRow<O>> {
    const $filter = await ofOrganization(handleOrId, iterateOptions);
    const inOrganization = withMethodFilter(options, $filter);
    yield* iterateCollection(pine, 'device', ORDER_BY_NAME, inOrganization, iterateOptions);
  }

  /**
   * Counts the devices of an organization (the count sibling of `getAllByOrganization`).
   *
   * @param handleOrId - the organization handle or id.
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the number of devices.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const n = await sdk.models.device.countAllByOrganization('myorg');
   */
  async function countAllByOrganization(
    handleOrId: string | number,
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const $filter = await ofOrganization(handleOrId, callOptions);
    return countCollection(pine, 'device', { $filter }, options, callOptions);
  }

  return { getAllByOrganization, iterateAllByOrganization, countAllByOrganization };
}
