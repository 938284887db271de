/**
 * `sdk.models.apiKey`: named user API keys (create, list, update, revoke) and the provisioning and
 * device keys of fleets and devices the caller manages, with iterate/count extras on `getAll`.
 */
import { BalenaInvalidParameterError, BalenaNotLoggedIn } from '../../errors/index.js';
import {
  countCollection,
  getCollection,
  iterateCollection,
  type FilterOrderDefaults,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, DEVICE_LOOKUP, findOne, isId } from '../../internal/ids.js';
import type { Filter, IterateOptions, PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

const RESOURCE = 'api_key';
const BY_NAME: FilterOrderDefaults = { $orderby: 'name asc' };

/** Pine options of API key reads. */
export type ApiKeyOptions = ResourceOptions<typeof RESOURCE>;
/** An API key row as narrowed by the options. */
export type ApiKeyRow<O> = ResultRow<typeof RESOURCE, O>;

/** Options of `apiKey.create`. */
export interface ApiKeyCreateOptions {
  /** The key's name (required). */
  name: string;
  /** When the key stops working (ISO date string), or `null` for never. */
  expiryDate: string | null;
  /** An optional description. */
  description?: string | null;
}

/** The changes `apiKey.update` applies. */
export interface ApiKeyUpdateInfo {
  name?: string;
  description?: string | null;
  expiryDate?: string | null;
}

function checkExpiryDate(expiryDate: unknown): string | null {
  if (expiryDate === null) return null;
  if (typeof expiryDate !== 'string' || Number.isNaN(Date.parse(expiryDate))) {
    throw new BalenaInvalidParameterError('expiryDate', expiryDate);
  }
  return expiryDate;
}

/** Reads the id out of a `{ __id }` or expanded foreign key. */
function foreignId(value: unknown): number | undefined {
  if (Array.isArray(value)) return foreignId(value[0]);
  if (typeof value === 'object' && value !== null) {
    const id: unknown = '__id' in value ? value.__id : 'id' in value ? value.id : undefined;
    return typeof id === 'number' ? id : undefined;
  }
  return undefined;
}

/**
 * Builds `sdk.models.apiKey`.
 *
 * @param ctx - the model context.
 * @returns the API key methods.
 * @throws {Error} never at build time.
 * @example
 * const apiKey = createApiKeyModel(ctx);
 */
export function createApiKeyModel(ctx: SdkModelContext) {
  const { pine, request } = ctx;

  const ofActor = (actor: number | undefined): FilterOrderDefaults => {
    if (actor === undefined) throw new Error('The API answered without an actor');
    return { ...BY_NAME, $filter: { is_of__actor: actor } };
  };

  /**
   * Creates a named API key for the logged-in user.
   *
   * @param options - `name`, `expiryDate` (ISO string or `null`) and an optional `description`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the key (shown only once).
   * @throws {BalenaInvalidParameterError} when `name` is empty or `expiryDate` is missing or not a date.
   * @throws {BalenaNotLoggedIn} when the API refuses (not logged in, or the session is not fresh).
   * @example
   * const key = await sdk.models.apiKey.create({ name: 'ci', expiryDate: '2030-01-01T00:00:00Z' });
   */
  async function create(options: ApiKeyCreateOptions, callOptions?: PineRequestOptions) {
    const { name, description } = options ?? {};
    if (typeof name !== 'string' || name.length === 0) {
      throw new BalenaInvalidParameterError('name', name);
    }
    const expiryDate = checkExpiryDate(options.expiryDate);
    const body = {
      name,
      expiryDate,
      ...(typeof description === 'string' && description.length > 0 ? { description } : {}),
    };
    try {
      const { body: key } = await request.send<string>(
        { method: 'POST', url: '/api-key/user/full', body },
        callOptions,
      );
      return key;
    } catch {
      throw new BalenaNotLoggedIn();
    }
  }

  /**
   * Every API key the caller can see, ordered by name.
   *
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the keys (never their secret).
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const keys = await sdk.models.apiKey.getAll();
   */
  function getAll<const O extends ApiKeyOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApiKeyRow<O>>> {
    return getCollection(pine, RESOURCE, BY_NAME, options, callOptions);
  }

  /**
   * Pages through every API key the caller can see (extra of this SDK).
   *
   * @param options - pine options merged with the defaults.
   * @param iterateOptions - `pageSize` and `signal`, `headers`, `timeout`.
   * @returns an async iterator over the keys.
   * @throws {BalenaRequestError} when a page fails.
   * @example
   * for await (const key of sdk.models.apiKey.iterateAll({ $select: 'name' })) console.log(key.name);
   */
  function iterateAll<const O extends ApiKeyOptions = Record<never, never>>(
    options?: O,
    iterateOptions?: IterateOptions,
  ): AsyncIterableIterator<ApiKeyRow<O>> {
    return iterateCollection(pine, RESOURCE, BY_NAME, options, iterateOptions);
  }

  /**
   * Counts the API keys the caller can see (extra of this SDK).
   *
   * @param options - an optional `$filter`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the count.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const n = await sdk.models.apiKey.countAll();
   */
  function countAll(
    options?: { $filter?: Filter },
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    return countCollection(pine, RESOURCE, {}, options, callOptions);
  }

  /**
   * The named API keys of the logged-in user.
   *
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the keys.
   * @throws {BalenaNotLoggedIn} when not logged in.
   * @example
   * const keys = await sdk.models.apiKey.getAllNamedUserApiKeys();
   */
  async function getAllNamedUserApiKeys<const O extends ApiKeyOptions = Record<never, never>>(
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApiKeyRow<O>>> {
    const actor = await ctx.auth.getActorId(callOptions);
    const defaults = { ...BY_NAME, $filter: { is_of__actor: actor, name: { $ne: null } } };
    return getCollection(pine, RESOURCE, defaults, options, callOptions);
  }

  /**
   * The provisioning keys of a fleet.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the keys.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const keys = await sdk.models.apiKey.getProvisioningApiKeysByApplication('myorg/myfleet');
   */
  async function getProvisioningApiKeysByApplication<
    const O extends ApiKeyOptions = Record<never, never>,
  >(
    slugOrUuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApiKeyRow<O>>> {
    const app = await findOne(
      pine,
      APPLICATION_LOOKUP,
      slugOrUuidOrId,
      { $select: 'actor' },
      callOptions,
    );
    return getCollection(pine, RESOURCE, ofActor(foreignId(app.actor)), options, callOptions);
  }

  /**
   * The device keys of a device.
   *
   * @param uuidOrId - the device id or full uuid.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the keys.
   * @throws {BalenaInvalidParameterError} when `uuidOrId` is neither an id nor a full uuid.
   * @throws {BalenaDeviceNotFound} when the device does not exist.
   * @example
   * const keys = await sdk.models.apiKey.getDeviceApiKeysByDevice(uuid);
   */
  async function getDeviceApiKeysByDevice<const O extends ApiKeyOptions = Record<never, never>>(
    uuidOrId: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<ApiKeyRow<O>>> {
    const device = await findOne(pine, DEVICE_LOOKUP, uuidOrId, { $select: 'actor' }, callOptions);
    return getCollection(pine, RESOURCE, ofActor(foreignId(device.actor)), options, callOptions);
  }

  /**
   * Changes the name, description or expiry date of an API key.
   *
   * @param id - the key id.
   * @param apiKeyInfo - the fields to change (`name` may not be null or empty).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} for a bad id, no changes, an empty name or an invalid date.
   * @example
   * await sdk.models.apiKey.update(5, { name: 'ci-2', expiryDate: null });
   */
  async function update(
    id: number,
    apiKeyInfo: ApiKeyUpdateInfo,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    if (!isId(id)) throw new BalenaInvalidParameterError('id', id);
    if (apiKeyInfo == null || typeof apiKeyInfo !== 'object') {
      throw new BalenaInvalidParameterError('apiKeyInfo', apiKeyInfo);
    }
    const { name, description } = apiKeyInfo;
    if ('name' in apiKeyInfo && (typeof name !== 'string' || name.length === 0)) {
      throw new BalenaInvalidParameterError('apiKeyInfo.name', name);
    }
    const body = {
      ...(name === undefined ? {} : { name }),
      ...(description === undefined ? {} : { description }),
      ...(apiKeyInfo.expiryDate === undefined
        ? {}
        : { expiry_date: checkExpiryDate(apiKeyInfo.expiryDate) }),
    };
    if (Object.keys(body).length === 0) {
      throw new BalenaInvalidParameterError('apiKeyInfo', apiKeyInfo);
    }
    await pine.patch({ resource: RESOURCE, id, body }, callOptions);
  }

  /**
   * Revokes (deletes) an API key; it stops working at once.
   *
   * @param id - the key id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `id` is not an id.
   * @example
   * await sdk.models.apiKey.revoke(5);
   */
  async function revoke(id: number, callOptions?: PineRequestOptions): Promise<void> {
    if (!isId(id)) throw new BalenaInvalidParameterError('id', id);
    await pine.delete({ resource: RESOURCE, id }, callOptions);
  }

  return {
    create,
    getAll,
    iterateAll,
    countAll,
    getAllNamedUserApiKeys,
    getProvisioningApiKeysByApplication,
    getDeviceApiKeysByDevice,
    update,
    revoke,
  };
}
