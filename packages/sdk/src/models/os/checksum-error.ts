/**
 * The error `os.download` streams fail with when the image's bytes do not match its checksum.
 */

/** The downloaded bytes do not hash to the checksum the server announced. */
export class OsImageChecksumError extends Error {
  /**
   * Creates the error.
   *
   * @param expected - the checksum the server announced.
   * @param actual - the checksum of the received bytes.
   * @example
   * throw new OsImageChecksumError('ab12…', 'cd34…');
   */
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`OS image checksum mismatch: expected sha256 ${expected}, received ${actual}`);
    this.name = 'OsImageChecksumError';
  }
}
