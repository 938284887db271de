/**
 * Release identifiers: a numeric id, a full commit string, or a `{ application, rawVersion }` pair.
 * One reader resolves all three, for `release.get` and every method that takes a release.
 */
import {
  BalenaAmbiguousRelease,
  BalenaInvalidParameterError,
  BalenaReleaseNotFound,
} from '../../errors/index.js';
import {
  getCollection,
  getSingle,
  type BalenaPine,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { APPLICATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';

/** A release named by its fleet and its `raw_version` (e.g. `1.2.3+rev1`). */
export interface ReleaseRawVersionApplicationPair {
  /** The fleet id, slug or uuid. */
  application: string | number;
  /** The release's `raw_version`. */
  rawVersion: string;
}

/** Any accepted release identifier. */
export type CommitOrIdOrRawVersion = string | number | ReleaseRawVersionApplicationPair;

/** Pine options of release reads. */
export type ReleaseOptions = ResourceOptions<'release'>;
/** A release row as narrowed by the options. */
export type ReleaseRow<O> = ResultRow<'release', O>;

function isPair(value: unknown): value is ReleaseRawVersionApplicationPair {
  if (typeof value !== 'object' || value === null) return false;
  const { application, rawVersion } = value as Partial<ReleaseRawVersionApplicationPair>;
  return (
    (typeof application === 'string' || typeof application === 'number') &&
    typeof rawVersion === 'string'
  );
}

function describe(identifier: ReleaseRawVersionApplicationPair): string {
  return `unique pair application & rawVersion: ${identifier.application} & ${identifier.rawVersion}`;
}

/**
 * Reads the release an identifier names.
 *
 * @param pine - the pine client.
 * @param commitOrIdOrRawVersion - id, full commit, or `{ application, rawVersion }`.
 * @param options - pine options shaping the result.
 * @param callOptions - `signal`, `headers`, `timeout`.
 * @returns the release.
 * @throws {BalenaReleaseNotFound} for null/undefined or when no release matches.
 * @throws {BalenaAmbiguousRelease} when several releases share the commit.
 * @throws {BalenaInvalidParameterError} for `''` and other unusable values (before any request).
 * @throws {BalenaApplicationNotFound} when the pair's fleet does not exist.
 * @example
 * const release = await findRelease(pine, { application: 'myorg/fleet', rawVersion: '1.0.0' }, { $select: 'id' });
 */
export async function findRelease<const O extends ReleaseOptions>(
  pine: BalenaPine,
  commitOrIdOrRawVersion: unknown,
  options?: O,
  callOptions?: PineRequestOptions,
): Promise<ReleaseRow<O>> {
  if (commitOrIdOrRawVersion == null) {
    throw new BalenaReleaseNotFound(String(commitOrIdOrRawVersion));
  }
  if (isId(commitOrIdOrRawVersion)) {
    const row = await getSingle(pine, 'release', commitOrIdOrRawVersion, {}, options, callOptions);
    if (row === undefined) throw new BalenaReleaseNotFound(commitOrIdOrRawVersion);
    return row;
  }
  let rows: Array<ReleaseRow<O>>;
  let name: string;
  if (typeof commitOrIdOrRawVersion === 'string' && commitOrIdOrRawVersion !== '') {
    name = commitOrIdOrRawVersion;
    rows = await getCollection(
      pine,
      'release',
      { $filter: { commit: commitOrIdOrRawVersion } },
      options,
      callOptions,
    );
  } else if (isPair(commitOrIdOrRawVersion)) {
    name = describe(commitOrIdOrRawVersion);
    const { application, rawVersion } = commitOrIdOrRawVersion;
    const applicationId = await resolveId(pine, APPLICATION_LOOKUP, application, callOptions);
    rows = await getCollection(
      pine,
      'release',
      { $filter: { raw_version: rawVersion, belongs_to__application: applicationId } },
      options,
      callOptions,
    );
  } else {
    throw new BalenaInvalidParameterError('commitOrIdOrRawVersion', commitOrIdOrRawVersion);
  }
  if (rows.length === 0) throw new BalenaReleaseNotFound(name);
  if (rows.length > 1) throw new BalenaAmbiguousRelease(name);
  return rows[0];
}

/**
 * Resolves a release identifier to the release id (ids are checked to exist, too).
 *
 * @param pine - the pine client.
 * @param commitOrIdOrRawVersion - id, full commit, or `{ application, rawVersion }`.
 * @param callOptions - `signal`, `headers`, `timeout`.
 * @returns the id.
 * @throws the errors of {@link findRelease}.
 * @example
 * const id = await resolveReleaseId(pine, 'f4b1…');
 */
export async function resolveReleaseId(
  pine: BalenaPine,
  commitOrIdOrRawVersion: unknown,
  callOptions?: PineRequestOptions,
): Promise<number> {
  const { id } = await findRelease(pine, commitOrIdOrRawVersion, { $select: 'id' }, callOptions);
  return id;
}
