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
  | 'ReleaseAssetAlreadyExists';

/**
 * The base class of every error the SDK throws.
 *
 * `code` is a string literal equal to the class name; compare it (or use {@link isBalenaError})
 * instead of `instanceof` when two copies of the package may be loaded.
 */
export class BalenaError extends Error {
  /** Stable identifier of the error kind, equal to the class name. */
  readonly code: BalenaErrorCode;
  /** Process exit code a command-line tool should use for this error. */
  readonly exitCode: number = 1;

  /**
   * Creates an error with a message and an optional underlying cause.
   *
   * @param message - the human-readable description (never a token), or an error to wrap.
   * @param options - `cause`: the lower-level error that led to this one.
   * @example
   * throw new BalenaError('Something went wrong');
   */
  constructor(message?: string | Error, options?: { cause?: unknown }) {
    super(message instanceof Error ? message.message : message);
    // Set explicitly so targets without native `cause` support still expose it.
    const cause =
      typeof options === 'object' && options !== null && 'cause' in options
        ? options.cause
        : message instanceof Error
          ? message
          : undefined;
    if (cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: cause, writable: true, configurable: true });
    }
    this.code = 'BalenaError';
    this.name = 'BalenaError';
  }
}

/**
 * Sets the code and name of a freshly constructed error; used by every subclass constructor.
 * Class names are not used for this because minifiers rename classes.
 */
export function brand<E extends BalenaError>(error: E, code: BalenaErrorCode): E {
  (error as { code: BalenaErrorCode }).code = code;
  error.name = code;
  return error;
}
