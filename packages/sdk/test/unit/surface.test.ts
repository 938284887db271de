import { describe, expect, it } from 'vitest';
import { getSdk } from '../../src/sdk.js';

// The core methods listed under these namespaces in the official SDK 23.2.15.
const officialPaths = [
  'auth.authenticate',
  'auth.getActorId',
  'auth.getToken',
  'auth.getUserInfo',
  'auth.isLoggedIn',
  'auth.login',
  'auth.loginWithToken',
  'auth.logout',
  'auth.register',
  'auth.requestVerificationEmail',
  'auth.twoFactor.challenge',
  'auth.twoFactor.disable',
  'auth.twoFactor.enable',
  'auth.twoFactor.getSetupKey',
  'auth.twoFactor.isEnabled',
  'auth.twoFactor.isPassed',
  'auth.twoFactor.verify',
  'auth.verifyEmail',
  'auth.whoami',
  'request.refreshToken',
  'request.send',
  'request.stream',
  'settings.get',
  'settings.getAll',
  'utils.mergePineOptions',
];

function lookup(root: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
}

describe('public surface of the core namespaces', () => {
  it('has every official auth, auth.twoFactor, request, settings and utils method', () => {
    expect(officialPaths.filter((p) => p.startsWith('auth.'))).toHaveLength(19);
    const sdk = getSdk({ dataDirectory: false });
    const missing = officialPaths.filter((path) => typeof lookup(sdk, path) !== 'function');
    expect(missing).toEqual([]);
  });
});
