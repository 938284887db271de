/**
 * The error `os.download` streams fail with when the image's bytes do not match its checksum. It is
 * defined with the other SDK errors (it is also `sdk.errors.OsImageChecksumError`) and stays importable
 * from here.
 */
export { OsImageChecksumError } from '../../errors/os-errors.js';
