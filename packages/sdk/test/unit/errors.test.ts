/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import * as errors from '../../src/errors/index.js';
import { createRequestError, extractErrorMessage } from '../../src/errors/request-errors.js';
import { redactUrl, toErrorExcerpt, MAX_ERROR_TEXT_LENGTH } from '../../src/errors/redact.js';

// Every name under `errors.` in the official SDK 23.2.15.
const officialErrorNames = [
  'BalenaAmbiguousApplication',
  'BalenaAmbiguousDevice',
  'BalenaAmbiguousRelease',
  'BalenaApplicationMembershipRoleNotFound',
  'BalenaApplicationNotFound',
  'BalenaDeviceNotFound',
  'BalenaDiscontinuedDeviceType',
  'BalenaError',
  'BalenaExpiredToken',
  'BalenaImageNotFound',
  'BalenaInvalidDeviceType',
  'BalenaInvalidLoginCredentials',
  'BalenaInvalidParameterError',
  'BalenaKeyNotFound',
  'BalenaMalformedToken',
  'BalenaNotLoggedIn',
  'BalenaOrganizationMembershipRoleNotFound',
  'BalenaOrganizationNotFound',
  'BalenaReleaseNotFound',
  'BalenaRequestError',
  'BalenaServiceNotFound',
  'BalenaSettingsPermissionError',
  'BalenaSupervisorLockedError',
  'BalenaTooManyRequests',
  'OSImageNotFound',
  'ReleaseAssetAlreadyExists',
];

describe('error classes', () => {
  it('exports every error class of the official SDK, each with its class name as code', () => {
    expect(officialErrorNames.length).toBeGreaterThanOrEqual(26);
    const constructors = errors as unknown as Record<string, new (...args: unknown[]) => Error>;
    for (const name of officialErrorNames) {
      expect(typeof constructors[name], name).toBe('function');
      const instance = new constructors[name]('a', 'b', 'c');
      expect(instance).toBeInstanceOf(errors.BalenaError);
      expect(instance).toBeInstanceOf(Error);
      expect((instance as errors.BalenaError).code).toBe(name);
      expect(instance.name).toBe(name);
      expect((instance as errors.BalenaError).exitCode).toBe(1);
    }
  });

  it('uses the official messages', () => {
    expect(new errors.BalenaNotLoggedIn().message).toBe('You have to log in');
    expect(new errors.BalenaDeviceNotFound(12).message).toBe('Device not found: 12');
    expect(new errors.BalenaInvalidParameterError('uuidOrId', 'x').message).toBe(
      "Invalid parameter: x is not a valid value for parameter 'uuidOrId'",
    );
    expect(new errors.BalenaTooManyRequests().message).toBe('Too Many Requests. Try again later');
    expect(new errors.BalenaExpiredToken('eyJ.x.y').message).toBe('The token expired');
    expect(new errors.BalenaRequestError('Nope', 400).message).toBe('Request error: Nope');
  });

  it('keeps the subclass chain of discontinued device types', () => {
    const error = new errors.BalenaDiscontinuedDeviceType('edge');
    expect(error).toBeInstanceOf(errors.BalenaInvalidDeviceType);
    expect(error.code).toBe('BalenaDiscontinuedDeviceType');
    expect(error.message).toBe('Discontinued device type: edge');
  });

  it('never puts a token into the message or enumerable fields', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2ln';
    const expired = new errors.BalenaExpiredToken(token);
    expect(expired.message).not.toContain(token);
    expect(JSON.stringify(expired)).not.toContain(token);
    expect(expired.token).toBe(token);
  });
});

describe('isBalenaError', () => {
  it('recognises errors by code, also from another copy of the package', () => {
    class ForeignNotLoggedIn extends Error {
      code = 'BalenaNotLoggedIn';
    }
    const foreign = new ForeignNotLoggedIn('You have to log in');
    expect(foreign instanceof errors.BalenaNotLoggedIn).toBe(false);
    expect(errors.isBalenaError(foreign)).toBe(true);
    expect(errors.isBalenaError(foreign, 'BalenaNotLoggedIn')).toBe(true);
    expect(errors.isBalenaError(foreign, 'BalenaRequestError')).toBe(false);
  });

  it('rejects values that are not SDK errors', () => {
    expect(errors.isBalenaError(new Error('x'))).toBe(false);
    expect(errors.isBalenaError({ code: 'ENOENT' })).toBe(false);
    expect(errors.isBalenaError(null)).toBe(false);
    expect(errors.isBalenaError('BalenaNotLoggedIn')).toBe(false);
  });
});

describe('error mapping', () => {
  it('picks error.text, then message, then error, then the text', () => {
    expect(extractErrorMessage({ error: { text: 'A' }, message: 'B' })).toBe('A');
    expect(extractErrorMessage({ message: 'B', error: 'C' })).toBe('B');
    expect(extractErrorMessage({ error: 'C' })).toBe('C');
    expect(extractErrorMessage('Tag keys cannot contain whitespace.')).toBe(
      'Tag keys cannot contain whitespace.',
    );
    expect(extractErrorMessage('')).toBe('The request was unsuccessful');
    expect(extractErrorMessage(null)).toBe('The request was unsuccessful');
    expect(extractErrorMessage({ weird: 1 })).toBe('{"weird":1}');
  });

  it('reduces an HTML page to a short plain-text excerpt', () => {
    const page = `<!DOCTYPE html><html><head><title>Error</title><style>body{}</style></head><body><pre>Cannot POST /x</pre>${'<p>filler</p>'.repeat(200)}</body></html>`;
    const excerpt = toErrorExcerpt(page);
    expect(excerpt.startsWith('Cannot POST /x')).toBe(true);
    expect(excerpt).not.toContain('<');
    expect(excerpt.length).toBeLessThanOrEqual(MAX_ERROR_TEXT_LENGTH);
    const error = createRequestError(
      502,
      page,
      { method: 'post', url: 'https://api.x/x' },
      new Headers(),
    );
    expect(error.message).not.toContain('<html');
    expect(error.message.length).toBeLessThan(MAX_ERROR_TEXT_LENGTH + 20);
  });

  it('keeps status, method, redacted URL and request, and the response headers', () => {
    const error = createRequestError(
      403,
      { message: 'Forbidden' },
      {
        method: 'get',
        url: 'https://api.x/v7/device?apikey=SECRET123&$select=id',
        headers: { Authorization: 'Bearer SECRET123', Accept: 'application/json' },
      },
      new Headers({ 'X-Request-Id': 'r1' }),
    );
    expect(error.statusCode).toBe(403);
    expect(error.method).toBe('GET');
    expect(error.url).toBe('https://api.x/v7/device?apikey=<redacted>&$select=id');
    expect(error.requestOptions.headers.Authorization).toBe('<redacted>');
    expect(error.requestOptions.headers.Accept).toBe('application/json');
    expect(error.responseHeaders.get('X-Request-Id')).toBe('r1');
    expect(JSON.stringify(error)).not.toContain('SECRET123');
    expect(error.message).toBe('Request error: Forbidden');
    expect(error.body).toBe('Forbidden');
  });

  it('redacts credentials in URLs', () => {
    expect(redactUrl('https://u:pw@api.x/a?ApiKey=1&b=2&_token=3')).toBe(
      'https://u:<redacted>@api.x/a?ApiKey=<redacted>&b=2&_token=<redacted>',
    );
  });
});
