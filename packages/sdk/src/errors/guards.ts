import type { BalenaError, BalenaErrorCode } from './base.js';
import type * as AuthErrors from './auth-errors.js';
import type * as OtherErrors from './other-errors.js';
import type * as OsErrors from './os-errors.js';
import type * as RequestErrors from './request-errors.js';
import type * as ResourceErrors from './resource-errors.js';

type ErrorClasses = typeof AuthErrors &
  typeof OtherErrors &
  typeof OsErrors &
  typeof ResourceErrors &
  Pick<
    typeof RequestErrors,
    'BalenaRequestError' | 'BalenaNetworkError' | 'BalenaRequestTimeoutError'
  >;

/** Maps each error code to the type of the error that carries it. */
export type BalenaErrorByCode = {
  [C in BalenaErrorCode]: C extends keyof ErrorClasses
    ? ErrorClasses[C] extends abstract new (...args: never[]) => infer E
      ? E
      : never
    : BalenaError;
};

// Split from one string: smaller in the browser bundle than a list of strings.
const KNOWN_CODES = /* @__PURE__ */ (
  'BalenaError BalenaAmbiguousApplication BalenaAmbiguousDevice BalenaAmbiguousRelease ' +
  'BalenaApplicationMembershipRoleNotFound BalenaApplicationNotFound BalenaDeviceNotFound ' +
  'BalenaDiscontinuedDeviceType BalenaExpiredToken BalenaImageNotFound BalenaInvalidDeviceType ' +
  'BalenaInvalidLoginCredentials BalenaInvalidParameterError BalenaKeyNotFound ' +
  'BalenaMalformedToken BalenaNetworkError BalenaNotLoggedIn ' +
  'BalenaOrganizationMembershipRoleNotFound BalenaOrganizationNotFound BalenaReleaseNotFound ' +
  'BalenaRequestError BalenaRequestTimeoutError BalenaServiceNotFound ' +
  'BalenaSettingsPermissionError BalenaSupervisorLockedError BalenaTooManyRequests ' +
  'OSImageNotFound OsImageChecksumError ReleaseAssetAlreadyExists'
).split(' ');

/**
 * Tells whether a value is an SDK error, optionally of one kind, by its `code`.
 *
 * Unlike `instanceof`, this works when the value comes from another copy of the package
 * (a second install, another bundle or realm).
 *
 * @param error - any caught value.
 * @param code - when given, the value must carry exactly this code.
 * @returns true when the value is an `Error` whose `code` is a known SDK error code (and matches).
 * @throws {Error} never; any value is accepted.
 * @example
 * try { await sdk.auth.getToken(); } catch (err) {
 *   if (isBalenaError(err, 'BalenaNotLoggedIn')) console.log('please log in');
 * }
 */
export function isBalenaError<C extends BalenaErrorCode = BalenaErrorCode>(
  error: unknown,
  code?: C,
): error is BalenaErrorByCode[C] {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) {
    return false;
  }
  const actual = (error as { code?: unknown }).code;
  if (typeof actual !== 'string' || !KNOWN_CODES.includes(actual)) {
    return false;
  }
  return code === undefined || actual === code;
}
