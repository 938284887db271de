/** Every error code the SDK can produce; each equals the name of its class. */
export type BalenaErrorCode =
  | 'BalenaError'
  | 'BalenaAmbiguousApplication'
  | 'BalenaAmbiguousDevice'
  | 'BalenaAmbiguousRelease'
  | 'BalenaApplicationMembershipRoleNotFound'
  | 'BalenaApplicationNotFound'
  | 'BalenaDeviceNotFound'
  | 'BalenaDiscontinuedDeviceType'
  | 'BalenaExpiredToken'
  | 'BalenaImageNotFound'
  | 'BalenaInvalidDeviceType'
  | 'BalenaInvalidLoginCredentials'
  | 'BalenaInvalidParameterError'
  | 'BalenaKeyNotFound'
  | 'BalenaMalformedToken'
  | 'BalenaNetworkError'
  | 'BalenaNotLoggedIn'
  | 'BalenaOrganizationMembershipRoleNotFound'
  | 'BalenaOrganizationNotFound'
  | 'BalenaReleaseNotFound'
  | 'BalenaRequestError'
  | 'BalenaRequestTimeoutError'
  | 'BalenaServiceNotFound'
  | 'BalenaSettingsPermissionError'
  | 'BalenaSupervisorLockedError'
  | 'BalenaTooManyRequests'
  | 'OSImageNotFound'
  | 'OsImageChecksumError'
  | 'ReleaseAssetAlreadyExists';

/**
 * The base class of every error the SDK throws.
 *
 * `code` is a string literal equal to the class name, defined on the class prototype as in the official
 * SDK (`err.code === errors.BalenaDeviceNotFound.prototype.code`); compare it (or use {@link isBalenaError})
 * instead of `instanceof` when two copies of the package may be loaded.
 */
export class BalenaError extends Error {
  /**
   * Creates an error with a message and an optional underlying cause.
   *
   * @param message - the human-readable description (never a token), or an error to wrap.
   * @param options - `cause`: the lower-level error that led to this one.
   * @example
   * throw new BalenaError('Something went wrong');
   */
  constructor(message?: string | Error, options?: { cause?: unknown }) {
    // Error options carry `cause` natively on every supported target (Node 18, ES2022 browsers).
    super(
      message instanceof Error ? message.message : message,
      options ?? (message instanceof Error ? { cause: message } : undefined),
    );
    // The subclass getter answers here already; class names are not used because minifiers rename them.
    this.name = this.code;
  }

  /** Stable identifier of the error kind, equal to the class name (a prototype getter). */
  get code(): BalenaErrorCode {
    return 'BalenaError';
  }

  /** Process exit code a command-line tool should use for this error (a prototype getter). */
  get exitCode(): number {
    return 1;
  }
}
