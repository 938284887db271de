/**
 * `os.getSupervisorReleasesForCpuArchitecture`: supervisor releases of the public
 * `balena_os/<arch>-supervisor` fleets.
 */
import { mergeDefaults, untypedPine, type ResultRow } from '../../internal/collection.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

/** A supervisor release as `getSupervisorReleasesForCpuArchitecture` returns it by default. */
export type SupervisorRelease = ResultRow<
  'release',
  { $select: ['id', 'raw_version', 'known_issue_list'] }
>;

/**
 * Builds `os.getSupervisorReleasesForCpuArchitecture`.
 *
 * @param ctx - the model context.
 * @returns the method.
 * @throws {Error} never at build time.
 * @example
 * const read = createSupervisorReleaseReader(ctx);
 */
export function createSupervisorReleaseReader(ctx: SdkModelContext) {
  /**
   * The successful, final supervisor releases for a CPU architecture, newest first.
   *
   * @param cpuArchitectureSlugOrId - the architecture slug (`aarch64`) or id.
   * @param options - extra pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the releases.
   * @throws {BalenaRequestError} when the API fails.
   * @example
   * const [latest] = await sdk.models.os.getSupervisorReleasesForCpuArchitecture('aarch64');
   */
  async function getSupervisorReleasesForCpuArchitecture(
    cpuArchitectureSlugOrId: string | number,
    options?: object,
    callOptions?: PineRequestOptions,
  ): Promise<SupervisorRelease[]> {
    const architecture =
      typeof cpuArchitectureSlugOrId === 'number'
        ? cpuArchitectureSlugOrId
        : { $any: { $alias: 'c', $expr: { c: { slug: cpuArchitectureSlugOrId } } } };
    const defaults = {
      $select: ['id', 'raw_version', 'known_issue_list'],
      $filter: {
        status: 'success',
        is_final: true,
        is_invalidated: false,
        semver_major: { $gt: 0 },
        belongs_to__application: {
          $any: {
            $alias: 'a',
            $expr: {
              $and: [
                { a: { slug: { $startswith: 'balena_os/' } } },
                { a: { slug: { $endswith: '-supervisor' } } },
              ],
              a: {
                is_public: true,
                is_host: false,
                is_for__device_type: {
                  $any: { $alias: 'dt', $expr: { dt: { is_of__cpu_architecture: architecture } } },
                },
              },
            },
          },
        },
      },
      $orderby: [
        { semver_major: 'desc' },
        { semver_minor: 'desc' },
        { semver_patch: 'desc' },
        { revision: 'desc' },
      ],
    };
    const rows = await untypedPine(ctx.pine).get(
      { resource: 'release', options: mergeDefaults(defaults, options) },
      callOptions,
    );
    return rows as SupervisorRelease[];
  }

  return getSupervisorReleasesForCpuArchitecture;
}
