import { BalenaError } from './base.js';

/**
 * The bytes of an `os.download` stream do not hash to the checksum the server announced.
 *
 * An addition of this SDK (the official one does not verify downloads).
 */
export class OsImageChecksumError extends BalenaError {
  /** The kind of error (on the prototype too, as in the official SDK). */
  override get code(): 'OsImageChecksumError' {
    return 'OsImageChecksumError';
  }
  /** The checksum the server announced. */
  readonly expected: string;
  /** The checksum of the received bytes. */
  readonly actual: string;
  /**
   * Creates the error.
   *
   * @param expected - the checksum the server announced.
   * @param actual - the checksum of the received bytes.
   * @example
   * throw new OsImageChecksumError('ab12…', 'cd34…');
   */
  constructor(expected: string, actual: string) {
    super(`OS image checksum mismatch: expected sha256 ${expected}, received ${actual}`);
    this.expected = expected;
    this.actual = actual;
  }
}
