/**
 * Identifier classification and resolution, in one place: a number is a primary key, a 32/62
 * character hex string a uuid, other strings a slug, handle or name, depending on the resource.
 * Invalid input throws `BalenaInvalidParameterError` before any request; no row throws the
 * resource's NotFound error; more than one row its Ambiguous error.
 */
import {
  BalenaAmbiguousApplication,
  BalenaAmbiguousDevice,
  BalenaApplicationNotFound,
  BalenaDeviceNotFound,
  BalenaInvalidParameterError,
  BalenaOrganizationNotFound,
} from '../errors/index.js';
import type { Filter, PineRequestOptions, ResourceId } from '../pine/index.js';
import {
  getCollection,
  getSingle,
  type BalenaPine,
  type ResourceName,
  type ResourceOptions,
  type ResultRow,
} from './collection.js';

const UUID_PATTERN = /^[0-9a-f]{32}$|^[0-9a-f]{62}$/i;

/**
 * Tells whether a value is a primary key (a positive safe integer).
 *
 * @param value - the value to test.
 * @returns true for ids.
 * @example
 * isId(5); // true
 */
export function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * Returns a value that must be a primary key, before any request is sent.
 *
 * @param value - the caller's value.
 * @param paramName - the parameter's name, for the error.
 * @returns the id.
 * @throws {BalenaInvalidParameterError} when the value is not an id.
 * @example
 * const id = checkId(teamId, 'teamId');
 */
export function checkId(value: unknown, paramName: string): number {
  if (!isId(value)) throw new BalenaInvalidParameterError(paramName, value);
  return value;
}

/**
 * Tells whether a value is a full uuid: 32 or 62 hexadecimal characters.
 *
 * @param value - the value to test.
 * @returns true for full uuids.
 * @example
 * isFullUuid('a'.repeat(32)); // true
 */
export function isFullUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** How a lookup treats its input and what it throws. */
export interface LookupSpec<T extends ResourceName> {
  /** The resource to read. */
  resource: T;
  /** The parameter name reported by `BalenaInvalidParameterError`. */
  paramName: string;
  /** Which strings are accepted: any non-empty string, full uuids only, or none. */
  strings: 'any' | 'uuid' | 'none';
  /** Lower-cases string input first (slugs and uuids are stored lower-case). */
  lowerCase?: boolean;
  /** How a string is looked up: a natural key (at most one row) or a filter (maybe several). */
  byString: (text: string) => { key: ResourceId } | { filter: Filter };
  /** The error for no matching row. */
  notFound: (input: string | number) => Error;
  /** The error for several matching rows. */
  ambiguous?: (input: string | number) => Error;
}

/**
 * Validates an identifier against a lookup's rules, before any request.
 *
 * @param spec - the lookup's rules.
 * @param input - the caller's identifier.
 * @returns the id, or the (possibly lower-cased) string.
 * @throws {BalenaInvalidParameterError} when the input is not an accepted identifier.
 * @example
 * parseIdentifier(APPLICATION_LOOKUP, 'MyOrg/MyApp'); // 'myorg/myapp'
 */
export function parseIdentifier<T extends ResourceName>(
  spec: LookupSpec<T>,
  input: unknown,
): number | string {
  if (isId(input)) {
    return input;
  }
  const validString =
    typeof input === 'string' &&
    input.length > 0 &&
    (spec.strings === 'any' || (spec.strings === 'uuid' && isFullUuid(input)));
  if (!validString) {
    throw new BalenaInvalidParameterError(spec.paramName, input);
  }
  return spec.lowerCase === true ? input.toLowerCase() : input;
}

/**
 * Reads the one row an identifier names.
 *
 * @param pine - the pine client.
 * @param spec - the lookup's rules.
 * @param input - an id or accepted string.
 * @param options - pine options for the read (they shape the result); a `$filter` narrows it.
 * @param callOptions - `signal`, `headers`, `timeout` for this call.
 * @param scope - a `$filter` the row must also match (e.g. "directly accessible"); a row outside
 * it counts as not found.
 * @returns the row.
 * @throws {BalenaInvalidParameterError} for invalid input; the spec's NotFound and Ambiguous errors.
 * @example
 * const app = await findOne(pine, APPLICATION_LOOKUP, 'myorg/myapp', { $select: 'id' });
 */
export async function findOne<T extends ResourceName, const O extends ResourceOptions<T>>(
  pine: BalenaPine,
  spec: LookupSpec<T>,
  input: unknown,
  options?: O,
  callOptions?: PineRequestOptions,
  scope?: Filter,
): Promise<ResultRow<T, O>> {
  const identifier = parseIdentifier(spec, input);
  const lookup = typeof identifier === 'number' ? { key: identifier } : spec.byString(identifier);
  if ('key' in lookup) {
    const defaults = scope === undefined ? {} : { $filter: scope };
    const row = await getSingle(pine, spec.resource, lookup.key, defaults, options, callOptions);
    if (row === undefined) {
      throw spec.notFound(identifier);
    }
    return row;
  }
  const rows = await getCollection(
    pine,
    spec.resource,
    { $filter: scope === undefined ? lookup.filter : { $and: [lookup.filter, scope] } },
    options,
    callOptions,
  );
  if (rows.length === 0) {
    throw spec.notFound(identifier);
  }
  if (rows.length > 1) {
    throw (spec.ambiguous ?? spec.notFound)(identifier);
  }
  return rows[0];
}

/**
 * Resolves an identifier to the row's id (an id is still checked to exist).
 *
 * @param pine - the pine client.
 * @param spec - the lookup's rules.
 * @param input - an id or accepted string.
 * @param callOptions - `signal`, `headers`, `timeout` for this call.
 * @returns the id.
 * @throws {BalenaInvalidParameterError} for invalid input; the spec's NotFound and Ambiguous errors.
 * @example
 * const appId = await resolveId(pine, APPLICATION_LOOKUP, 'myorg/myapp');
 */
export async function resolveId<T extends ResourceName>(
  pine: BalenaPine,
  spec: LookupSpec<T>,
  input: unknown,
  callOptions?: PineRequestOptions,
): Promise<number> {
  const row = await findOne(pine, spec, input, { $select: 'id' }, callOptions);
  return readId(row);
}

function readId(row: object): number {
  const id: unknown = 'id' in row ? row.id : undefined;
  if (typeof id !== 'number') {
    throw new Error('The API answered a row without an id');
  }
  return id;
}

/** Applications: id, or slug/uuid (lower-cased) matched by `slug eq s or uuid eq s`. */
export const APPLICATION_LOOKUP: LookupSpec<'application'> = {
  resource: 'application',
  paramName: 'slugOrUuidOrId',
  strings: 'any',
  lowerCase: true,
  byString: (text) => ({ filter: { $or: { slug: text, uuid: text } } }),
  notFound: (input) => new BalenaApplicationNotFound(input),
  ambiguous: (input) => new BalenaAmbiguousApplication(input),
};

/** Organizations: id, or handle (natural key). */
export const ORGANIZATION_LOOKUP: LookupSpec<'organization'> = {
  resource: 'organization',
  paramName: 'handleOrId',
  strings: 'any',
  byString: (handle) => ({ key: { handle } }),
  notFound: (input) => new BalenaOrganizationNotFound(input),
};

/** Devices: id, or a full 32/62-character uuid (natural key). */
export const DEVICE_LOOKUP: LookupSpec<'device'> = {
  resource: 'device',
  paramName: 'uuidOrId',
  strings: 'uuid',
  byString: (uuid) => ({ key: { uuid } }),
  notFound: (input) => new BalenaDeviceNotFound(input),
  ambiguous: (input) => new BalenaAmbiguousDevice(input),
};
