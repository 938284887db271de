import { BalenaError } from './base.js';

/** An operation needs credentials and none (or none valid) are stored. */
export class BalenaNotLoggedIn extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaNotLoggedIn' {
    return 'BalenaNotLoggedIn';
  }
  /**
   * Creates the error with the official message "You have to log in".
   *
   * @example
   * throw new BalenaNotLoggedIn();
   */
  constructor() {
    super('You have to log in');
  }
}

/** `POST /login_` rejected the e-mail/password pair. */
export class BalenaInvalidLoginCredentials extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaInvalidLoginCredentials' {
    return 'BalenaInvalidLoginCredentials';
  }
  /**
   * Creates the error with the official message "Invalid login credentials".
   *
   * @example
   * throw new BalenaInvalidLoginCredentials();
   */
  constructor() {
    super('Invalid login credentials');
  }
}

/** The API refused a login attempt because of rate limiting. */
export class BalenaTooManyRequests extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaTooManyRequests' {
    return 'BalenaTooManyRequests';
  }
  /** When the next attempt may be made, if the API said so. */
  readonly nextValidRequestDate: string | undefined;
  /**
   * Creates the error; the message names the next valid request date when known.
   *
   * @param nextValidRequestDate - when to try again, as text.
   * @example
   * throw new BalenaTooManyRequests('in 60 seconds');
   */
  constructor(nextValidRequestDate?: string) {
    super(`Too Many Requests. Try again ${nextValidRequestDate || 'later'}`);
    this.nextValidRequestDate = nextValidRequestDate;
  }
}

/** A stored or supplied key is neither a decodable JWT nor an API key string. */
export class BalenaMalformedToken extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaMalformedToken' {
    return 'BalenaMalformedToken';
  }
  /** The offending token; not part of the message. */
  declare readonly token: string;
  /**
   * Creates the error; the token is kept as a non-enumerable property, never in the message.
   *
   * @param token - the malformed value.
   * @example
   * throw new BalenaMalformedToken('x.y');
   */
  constructor(token: unknown) {
    super('Malformed token');
    Object.defineProperty(this, 'token', { value: String(token), enumerable: false });
  }
}

/** A JWT's `exp` lies in the past. */
export class BalenaExpiredToken extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaExpiredToken' {
    return 'BalenaExpiredToken';
  }
  /** The expired token; not part of the message. */
  declare readonly token: string;
  /**
   * Creates the error; the token is kept as a non-enumerable property, never in the message.
   *
   * @param token - the expired JWT.
   * @example
   * throw new BalenaExpiredToken(jwt);
   */
  constructor(token: string) {
    super('The token expired');
    Object.defineProperty(this, 'token', { value: token, enumerable: false });
  }
}

/** The token or settings storage is not readable/writable (usually EACCES). */
export class BalenaSettingsPermissionError extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'BalenaSettingsPermissionError' {
    return 'BalenaSettingsPermissionError';
  }
  /**
   * Creates the error from the underlying file-system failure.
   *
   * @param cause - the original error.
   * @example
   * throw new BalenaSettingsPermissionError(eaccesError);
   */
  constructor(cause?: unknown) {
    super(cause instanceof Error ? cause.message : 'Permission denied', { cause });
  }
}
