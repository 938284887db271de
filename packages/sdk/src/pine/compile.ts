/**
 * The URL compiler: `{ resource, id, action, options }` → the OData path and query string,
 * byte-identical to what pinejs-client-core 8.5 produces for the same input.
 */
import { compileOption, isKnownOption } from './options.js';
import {
  escapeLiteral,
  escapeParameterAlias,
  escapeResourcePath,
  hasOwn,
  isDate,
  isObjectLike,
  ownEntries,
} from './values.js';

/** The parts of a pine request that determine its URL. */
export interface CompilableParams {
  /** The resource (table) name. */
  resource?: string;
  /** A primary key, a natural key object (`{ uuid: 'x' }`), or a parameter alias (`{ '@': 'a' }`). */
  id?: unknown;
  /** A bound action appended to the entity path, e.g. `'canAccess'`. */
  action?: string;
  /** Query options. */
  options?: object | null;
  /** A ready-made URL (only `request`/`prepare` accept it; `compile` rejects it). */
  url?: string;
}

/**
 * Compiles request parameters to the URL path (relative to the API prefix) with its query string.
 *
 * @param params - the resource, optional id/action, and query options.
 * @returns the compiled URL, e.g. `device(uuid='abc')?$select=id`.
 * @throws {Error} when params are not an object, `url` is passed, the resource is missing, or
 *   any option cannot be compiled.
 * @example
 * compileUrl({ resource: 'device', id: { uuid: 'abc' }, options: { $select: 'id' } });
 * // "device(uuid='abc')?$select=id"
 */
export function compileUrl(params: CompilableParams): string {
  if (!isObjectLike(params)) {
    throw new Error('Params must be an object.');
  }
  if (params.url != null) {
    throw new Error(
      'Passing `url` to `compile` has been removed, please use a query object or the url directly instead.',
    );
  }
  if (params.resource == null) {
    throw new Error('The resource must be specified.');
  }
  if (params.resource.endsWith('/$count')) {
    throw new Error(
      "`resource: 'a/$count'` has been removed, please use `options: { $count: { ... } }` instead.",
    );
  }
  let url = escapeResourcePath(params.resource);
  let options: unknown = params.options;
  if (options != null && hasOwn(options, '$count')) {
    const keys = Object.keys(options);
    if (keys.length > 1) {
      throw new Error(
        `When using '$expand: a: $count: ...' you can only specify $count, got: '${JSON.stringify(keys)}'`,
      );
    }
    url += '/$count';
    options = (options as { $count: unknown }).$count;
  }
  if (hasOwn(params, 'id')) {
    url += `(${compileKey(params.id)})`;
  }
  if (hasOwn(params, 'action')) {
    url += `/${params.action}`;
  }
  const query =
    options == null
      ? []
      : ownEntries(options).map(([key, value]) => {
          if (key.startsWith('$') && !isKnownOption(key)) {
            throw new Error(`Unknown odata option '${key}'`);
          }
          return compileOption(key, value);
        });
  if ((params as { customOptions?: unknown }).customOptions != null) {
    throw new Error('`customOptions` has been removed, use `options` instead.');
  }
  return query.length > 0 ? `${url}?${query.join('&')}` : url;
}

/** Compiles the text between the parentheses of an entity key. */
function compileKey(id: unknown): string {
  if (id == null) {
    throw new Error('If the id property is set it must be non-null');
  }
  if (isObjectLike(id) && !isDate(id)) {
    if ('@' in id) {
      return escapeParameterAlias((id as { '@': unknown })['@']);
    }
    return ownEntries(id)
      .map(([field, value]) => {
        const literal =
          isObjectLike(value) && '@' in value
            ? escapeParameterAlias((value as { '@': unknown })['@'])
            : escapeLiteral(value);
        return `${field}=${literal}`;
      })
      .join(',');
  }
  return `${escapeLiteral(id)}`;
}
