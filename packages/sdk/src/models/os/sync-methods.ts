/**
 * The synchronous members of `sdk.models.os`: built at once on Node, while the rest of the model
 * loads on its first call (see `models/lazy-model.ts`).
 */
import { isArchitectureCompatibleWith } from '../../internal/cpu-architecture.js';
import { pickMaxSatisfyingVersion } from './max-satisfying-version.js';
import { OsTypes } from './types.js';

/**
 * Builds the synchronous members of `sdk.models.os`.
 *
 * @returns the members.
 * @throws {Error} never.
 * @example
 * const { isArchitectureCompatibleWith } = createOsSyncMethods();
 */
export function createOsSyncMethods() {
  return {
    OsTypes,
    _getMaxSatisfyingVersion: pickMaxSatisfyingVersion,
    isArchitectureCompatibleWith,
  };
}
