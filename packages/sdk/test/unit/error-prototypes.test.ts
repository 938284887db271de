// `code` and `exitCode` of the error classes (OsImageChecksumError included) live on the prototypes, as in the official SDK, so the documented
// `err.code === sdk.errors.X.prototype.code` check works; instances and copies of the package still agree.
import { describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';
import * as errors from '../../src/errors/index.js';
import { OsImageChecksumError } from '../../src/models/os/index.js';

interface ErrorClass {
  prototype: errors.BalenaError;
}

const sdk = getSdk({ apiUrl: 'http://127.0.0.1:9/', dataDirectory: false });

/** Every exported class deriving from BalenaError, by export name. */
function errorClasses(): Array<[string, ErrorClass]> {
  return Object.entries(errors as Record<string, unknown>).filter(
    (entry): entry is [string, ErrorClass] =>
      typeof entry[1] === 'function' &&
      (entry[1] === errors.BalenaError ||
        (entry[1] as ErrorClass).prototype instanceof errors.BalenaError),
  );
}

describe('error class prototypes', () => {
  it('carry the class name as code and exit code 1 before any error is created', () => {
    const classes = errorClasses();
    expect(classes.length).toBeGreaterThanOrEqual(29);
    for (const [name, ErrorClass] of classes) {
      expect(ErrorClass.prototype.code, name).toBe(name);
      expect(ErrorClass.prototype.exitCode, name).toBe(1);
    }
  });

  it('let the official pattern err.code === sdk.errors.X.prototype.code recognise an error', () => {
    const error: unknown = new sdk.errors.BalenaDeviceNotFound('abc');
    const { BalenaDeviceNotFound, BalenaApplicationNotFound } = sdk.errors;
    expect((error as { code: string }).code === BalenaDeviceNotFound.prototype.code).toBe(true);
    expect((error as { code: string }).code === BalenaApplicationNotFound.prototype.code).toBe(
      false,
    );
  });

  it('give subclasses their own code and name, and keep name an own property', () => {
    const timeout = new errors.BalenaRequestTimeoutError({ method: 'GET', url: 'http://x/' }, 5);
    expect(timeout).toBeInstanceOf(errors.BalenaNetworkError);
    expect(timeout.code).toBe('BalenaRequestTimeoutError');
    expect(errors.BalenaNetworkError.prototype.code).toBe('BalenaNetworkError');
    expect(timeout.name).toBe('BalenaRequestTimeoutError');
    expect(Object.prototype.hasOwnProperty.call(timeout, 'name')).toBe(true);
    expect(String(new errors.BalenaNotLoggedIn())).toBe('BalenaNotLoggedIn: You have to log in');
  });

  it('make isBalenaError accept exactly the codes of the exported error classes', () => {
    for (const [name] of errorClasses())
      expect(errors.isBalenaError({ code: name }), name).toBe(true);
    for (const code of ['BalenaUnknown', 'isBalenaError', 'constructor', '__proto__', 'toString']) {
      expect(errors.isBalenaError({ code }), code).toBe(false);
    }
    expect(errors.isBalenaError({})).toBe(false);
    expect(errors.isBalenaError(new Error('x'))).toBe(false);
  });

  it('still recognise errors by code across copies of the package', () => {
    const foreign = Object.assign(new Error('Device not found: 1'), {
      code: errors.BalenaDeviceNotFound.prototype.code,
    });
    expect(errors.isBalenaError(foreign, 'BalenaDeviceNotFound')).toBe(true);
    expect(errors.isBalenaError(new errors.BalenaDeviceNotFound(1), 'BalenaDeviceNotFound')).toBe(
      true,
    );
  });
});

describe('OsImageChecksumError', () => {
  it('is an SDK error recognised by isBalenaError and reachable from sdk.errors', () => {
    const error: unknown = new OsImageChecksumError('ab', 'cd');
    expect(error).toBeInstanceOf(errors.BalenaError);
    expect(errors.isBalenaError(error, 'OsImageChecksumError')).toBe(true);
    expect(errors.isBalenaError(error)).toBe(true);
    expect(sdk.errors.OsImageChecksumError).toBe(OsImageChecksumError);
    expect(error).toMatchObject({
      code: 'OsImageChecksumError',
      name: 'OsImageChecksumError',
      expected: 'ab',
      actual: 'cd',
      exitCode: 1,
      message: 'OS image checksum mismatch: expected sha256 ab, received cd',
    });
  });
});
