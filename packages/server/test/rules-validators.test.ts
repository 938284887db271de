import { describe, expect, it } from 'vitest';
import {
  buildApplicationSlug,
  checkAppNameCharacters,
  checkApplicationUuid,
  checkConfigVarName,
  checkDeviceName,
  checkDeviceUuid,
  checkEnvVarName,
  checkOrganizationHandle,
  checkTagKey,
  checkVariableValue,
  generateApplicationUuid,
  generateDeviceName,
  generateDeviceUuid,
  normalizeHandle,
} from '../src/rules/validators.js';
import { parseSemver, revisionInBuild } from '../src/rules/semver.js';
import { scrubSecrets } from '../src/rules/secret-fields.js';
import { satisfiesRange } from '../src/rules/os-version-range.js';

describe('variable names', () => {
  it('accepts plain env var names and rejects invalid or reserved ones with the real texts', () => {
    expect(checkEnvVarName('MY_VAR_1')).toBeUndefined();
    expect(checkEnvVarName('_x')).toBeUndefined();
    const invalid =
      'Environment variable names can only contain alphanumeric characters and underscores.';
    for (const name of ['1ABC', 'A-B', 'A B', '', 'A:B', 42])
      expect(checkEnvVarName(name)).toBe(invalid);
    for (const name of ['RESIN', 'BALENA', 'USER']) {
      expect(checkEnvVarName(name)).toBe('Environment variables RESIN, BALENA, USER are reserved');
    }
    for (const name of ['RESIN_X', 'BALENA_SUPERVISOR_DELTA']) {
      expect(checkEnvVarName(name)).toBe(
        'Environment variables beginning with RESIN_, BALENA_ are reserved.',
      );
    }
  });

  it('requires config var names in the RESIN_/BALENA_ namespaces', () => {
    expect(checkConfigVarName('BALENA_HOST_CONFIG_gpu_mem')).toBeUndefined();
    expect(checkConfigVarName('RESIN_SUPERVISOR_VPN_CONTROL')).toBeUndefined();
    expect(checkConfigVarName('BALENA_HOST_CONFIG_dtoverlay:1')).toBeUndefined();
    expect(checkConfigVarName('MY_VAR')).toBe(
      'Configuration variables must be part of one of the following namespaces: RESIN_, BALENA_',
    );
    expect(checkConfigVarName('BALENA')).toBe(
      'Configuration variables RESIN, BALENA, USER are reserved',
    );
    for (const name of [':A', '1A', 'BALENA_A-B', '']) {
      expect(checkConfigVarName(name)).toBe(
        'Configuration variable names can only contain alphanumeric characters, underscores or a colon',
      );
    }
  });

  it('rejects line breaks and oversized values', () => {
    expect(checkVariableValue('one line')).toBeUndefined();
    expect(checkVariableValue('a\nb')).toBe('Variable values cannot contain line break characters');
    expect(checkVariableValue('a\rb')).toBe('Variable values cannot contain line break characters');
    expect(checkVariableValue('x'.repeat(100_001))).toMatch(/longer than 100000/);
  });
});

describe('tag keys', () => {
  it('rejects whitespace, reserved namespaces and missing keys', () => {
    expect(checkTagKey('location')).toBeUndefined();
    expect(checkTagKey('io.balenaX')).toBeUndefined();
    expect(checkTagKey('a b')).toBe('Tag keys cannot contain whitespace.');
    expect(checkTagKey('a\tb')).toBe('Tag keys cannot contain whitespace.');
    expect(checkTagKey('io.resin.x')).toBe('Tag keys beginning with io.resin. are reserved.');
    expect(checkTagKey('io.balena.x')).toBe('Tag keys beginning with io.balena. are reserved.');
    expect(checkTagKey(null)).toBeDefined();
    expect(checkTagKey(undefined)).toBeDefined();
  });
});

describe('uuids and names', () => {
  it('validates and generates device uuids', () => {
    expect(checkDeviceUuid('a'.repeat(32))).toBeUndefined();
    expect(checkDeviceUuid('b'.repeat(62))).toBeUndefined();
    const text = 'Device UUID must be a 32 or 62 character long lower case hex string.';
    for (const uuid of ['A'.repeat(32), 'a'.repeat(33), 'g'.repeat(32), '', 5])
      expect(checkDeviceUuid(uuid)).toBe(text);
    for (let i = 0; i < 20; i++) expect(checkDeviceUuid(generateDeviceUuid())).toBeUndefined();
  });

  it('validates and generates application uuids (v4, no dashes)', () => {
    for (let i = 0; i < 20; i++)
      expect(checkApplicationUuid(generateApplicationUuid())).toBeUndefined();
    expect(checkApplicationUuid('a'.repeat(32))).toBe(
      'Application UUID must be a 32 character long lower case UUID version 4.',
    );
  });

  it('validates and generates device names', () => {
    expect(checkDeviceName('kitchen-pi')).toBeUndefined();
    expect(checkDeviceName('a\nb')).toBe('Device name cannot contain any newline characters.');
    expect(checkDeviceName(3)).toBeDefined();
    expect(generateDeviceName()).toMatch(/^[a-z]+-[a-z]+$/);
  });

  it('validates organization handles and builds slugs', () => {
    expect(checkOrganizationHandle('gh_jane1')).toBeUndefined();
    expect(checkOrganizationHandle('Jane')).toBe('Handles must be lowercase');
    expect(checkOrganizationHandle('jane-doe')).toBe(
      'Handles can only contain alphanumeric characters and underscores',
    );
    expect(normalizeHandle('Jane.Doe+test@Example.com')).toBe('jane_doe_test_example_com');
    expect(buildApplicationSlug('gh_jane', 'MyFleet')).toBe('gh_jane/myfleet');
    expect(checkAppNameCharacters('My_Fleet-1')).toBeUndefined();
    expect(checkAppNameCharacters('my fleet')).toBe('App name may only contain [a-zA-Z0-9_-].');
  });
});

describe('semver', () => {
  it('parses valid versions into stored parts', () => {
    expect(parseSemver('1.2.3')).toEqual({
      semver_major: 1,
      semver_minor: 2,
      semver_patch: 3,
      semver_prerelease: '',
      semver_build: '',
    });
    expect(parseSemver('2.48.0-beta.1+rev1.prod')).toMatchObject({
      semver_prerelease: 'beta.1',
      semver_build: 'rev1.prod',
    });
  });

  it('rejects invalid versions', () => {
    for (const text of ['1.2', '01.2.3', '1.2.3-', 'v1.2.3', '1.2.3+', '', 12, '99999999999.0.0']) {
      expect(parseSemver(text)).toBeUndefined();
    }
  });

  it('finds a rev<N> build segment', () => {
    expect(revisionInBuild('rev3')).toBe(3);
    expect(revisionInBuild('foo.rev12.bar')).toBe(12);
    expect(revisionInBuild('revision')).toBeUndefined();
  });
});

describe('secret field scrubbing', () => {
  it('removes password hashes, jwt secrets and api key digests at any depth', () => {
    const body = {
      d: [
        {
          id: 1,
          password: 'x',
          jwt_secret: 'y',
          api_key: [{ id: 2, key: 'sha256:z', is_of__actor: { __id: 3 }, name: 'n' }],
          device_tag: [{ tag_key: 'key', value: 'v' }],
        },
      ],
    };
    expect(scrubSecrets(body)).toEqual({
      d: [
        {
          id: 1,
          api_key: [{ id: 2, is_of__actor: { __id: 3 }, name: 'n' }],
          device_tag: [{ tag_key: 'key', value: 'v' }],
        },
      ],
    });
    expect(scrubSecrets({ key: 'not an api key row' })).toEqual({ key: 'not an api key row' });
  });
});

describe('OS version ranges', () => {
  const v = (text: string) => parseSemver(text)!;
  it('evaluates space-separated comparators', () => {
    expect(satisfiesRange(v('2.48.0'), '>=2.11.0')).toBe(true);
    expect(satisfiesRange(v('2.10.9'), '>=2.11.0')).toBe(false);
    expect(satisfiesRange(v('2.11.0'), '>2.11.0')).toBe(false);
    expect(satisfiesRange(v('3.0.0'), '>=2.11.0 <3.0.0')).toBe(false);
    expect(satisfiesRange(v('2.99.1'), '>=2.11.0 <3.0.0')).toBe(true);
    expect(satisfiesRange(v('1.0.0'), 'not-a-range')).toBe(false);
  });
});
