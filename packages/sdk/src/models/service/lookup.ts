/**
 * Service identifiers: a numeric id, or `{ application, service_name }`.
 */
import { BalenaInvalidParameterError, BalenaServiceNotFound } from '../../errors/index.js';
import { getCollection, getSingle, type BalenaPine } from '../../internal/collection.js';
import { APPLICATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';

/** A service named by its fleet and its name. */
export interface ServiceNaturalKey {
  /** The fleet id, slug or uuid. */
  application: string | number;
  /** The service name from the composition. */
  service_name: string;
}

/** Any accepted service identifier. */
export type ServiceIdOrNaturalKey = number | ServiceNaturalKey;

function isNaturalKey(value: unknown): value is ServiceNaturalKey {
  if (typeof value !== 'object' || value === null) return false;
  const { application, service_name } = value as Partial<ServiceNaturalKey>;
  return (
    (typeof application === 'string' || typeof application === 'number') &&
    typeof service_name === 'string' &&
    service_name !== ''
  );
}

/**
 * Resolves a service identifier to the service id (ids are checked to exist, too).
 *
 * @param pine - the pine client.
 * @param idOrNaturalKey - the service id, or its fleet and name.
 * @param callOptions - `signal`, `headers`, `timeout`.
 * @returns the id.
 * @throws {BalenaServiceNotFound} when no service matches.
 * @throws {BalenaInvalidParameterError} for any other value (before any request).
 * @throws {BalenaApplicationNotFound} when the named fleet does not exist.
 * @example
 * const id = await resolveServiceId(pine, { application: 'myorg/fleet', service_name: 'main' });
 */
export async function resolveServiceId(
  pine: BalenaPine,
  idOrNaturalKey: unknown,
  callOptions?: PineRequestOptions,
): Promise<number> {
  if (isId(idOrNaturalKey)) {
    const row = await getSingle(
      pine,
      'service',
      idOrNaturalKey,
      {},
      { $select: 'id' },
      callOptions,
    );
    if (row === undefined) throw new BalenaServiceNotFound(idOrNaturalKey);
    return row.id;
  }
  if (!isNaturalKey(idOrNaturalKey)) {
    throw new BalenaInvalidParameterError('idOrNaturalKey', idOrNaturalKey);
  }
  const { application, service_name } = idOrNaturalKey;
  const applicationId = await resolveId(pine, APPLICATION_LOOKUP, application, callOptions);
  const [row] = await getCollection(
    pine,
    'service',
    { $filter: { application: applicationId, service_name } },
    { $select: 'id' },
    callOptions,
  );
  if (row === undefined) throw new BalenaServiceNotFound(service_name);
  return row.id;
}
