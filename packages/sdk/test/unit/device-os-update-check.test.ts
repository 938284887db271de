/**
 * `device._checkOsUpdateTarget`: the official matrices (v1 → v1, v1 → v2, v2 → v2, downgrades,
 * variant switches, pinning back, takeover boards, rolling → ESR) and a differential run against
 * the official SDK's own check over a device × release matrix.
 */
import { getSdk as getOfficialSdk } from 'official-balena-sdk';
import { describe, expect, it } from 'vitest';
import {
  checkOsUpdateTarget as check,
  type OsUpdateCheckDevice,
} from '../../src/models/device/os-update-check.js';

const UUID = 'a'.repeat(32);
// `sdk.models.device._checkOsUpdateTarget` is this function (see the method-parity test).
const official = getOfficialSdk({ apiUrl: 'http://127.0.0.1:9/', dataDirectory: false });

function device(os_version: string | null, os_variant: string | null, slug = 'raspberrypi3') {
  return { uuid: UUID, is_of__device_type: [{ slug }], os_version, os_variant };
}

function outcome(run: () => void): string {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe('device._checkOsUpdateTarget', () => {
  it('needs the uuid, OS version, device type and OS variant of the device', () => {
    const target = { raw_version: '2.48.0+rev1.prod' };
    expect(() => check({ ...device('2.29.0+rev1', 'prod'), uuid: '' }, target, 'start')).toThrow(
      'The uuid of the device is not available',
    );
    expect(() => check(device(null, 'prod'), target, 'start')).toThrow(
      `The current os version of the device is not available: ${UUID}`,
    );
    expect(() => check(device('not a version', 'prod'), target, 'start')).toThrow(
      'Invalid current balenaOS version',
    );
    expect(() =>
      check({ ...device('2.29.0+rev1', 'prod'), is_of__device_type: [] }, target, 'start'),
    ).toThrow(`The device type of the device is not available: ${UUID}`);
    const { os_variant: _omitted, ...withoutVariant } = device('2.29.0+rev1', 'prod');
    expect(() => check(withoutVariant, target, 'start')).toThrow(
      `The os variant of the device is not available: ${UUID}`,
    );
    // A null or empty variant is known (older devices report none).
    expect(() => check(device('2.29.0+rev1', null), target, 'start')).not.toThrow();
    expect(() => check(device('2.29.0+rev1', ''), target, 'start')).not.toThrow();
  });

  it('v1 → v1 and v1 → v2: refused, the source is too old', () => {
    for (const target of ['1.26.0', '2.48.0+rev1.prod']) {
      expect(() =>
        check(device('Resin OS 1.21.0', 'prod'), { raw_version: target }, 'start'),
      ).toThrow('Current OS version must be >= 2.14.0+rev1');
    }
  });

  it('v2 → v2: allowed upwards in the same variant, refused otherwise', () => {
    const current = device('balenaOS 2.29.0+rev1', 'prod');
    expect(() => check(current, { raw_version: '2.48.0+rev1.prod' }, 'start')).not.toThrow();
    expect(() => check(current, { raw_version: '2.48.0+rev1' }, 'start')).not.toThrow();
    expect(() => check(current, { raw_version: '2.48.0+rev1.dev' }, 'start')).toThrow(
      'Updates cannot be performed between development and production balenaOS variants',
    );
    expect(() => check(current, { raw_version: '2.20.0+rev1.prod' }, 'start')).toThrow(
      'OS downgrades are not allowed',
    );
    expect(() =>
      check(device('2.48.0+rev1', 'dev'), { raw_version: '2.88.4+rev3.dev' }, 'start'),
    ).not.toThrow();
  });

  it('pinning back to the running version is allowed, starting an update to it is not', () => {
    const current = device('balenaOS 2.48.0+rev1', 'prod');
    expect(() => check(current, { raw_version: '2.48.0+rev1.prod' }, 'pin')).not.toThrow();
    expect(() => check(current, { raw_version: '2.48.0+rev1' }, 'pin')).not.toThrow();
    expect(() => check(current, { raw_version: '2.48.0+rev1.dev' }, 'pin')).toThrow(
      'Updates cannot be performed between development and production balenaOS variants',
    );
    expect(() => check(current, { raw_version: '2.48.0+rev1.prod' }, 'start')).toThrow(
      'Current OS version matches Target OS version',
    );
  });

  it('rolling → ESR also checks the base version of the ESR release', () => {
    const current = device('2.88.4+rev3', 'prod');
    expect(() =>
      check(current, { raw_version: '2023.1.0.prod', basedOnVersion: '2.95.8' }, 'start'),
    ).not.toThrow();
    expect(() =>
      check(current, { raw_version: '2023.1.0.prod', basedOnVersion: '2.50.0' }, 'start'),
    ).toThrow('OS downgrades are not allowed');
    // On ESR already, the base version is not compared.
    expect(() =>
      check(
        device('2022.10.1', 'prod'),
        { raw_version: '2023.1.0.prod', basedOnVersion: '2.50.0' },
        'start',
      ),
    ).not.toThrow();
  });

  it('decides like the official SDK on a device × release matrix', () => {
    const currents: Array<[string | null, string | null]> = [
      ['Resin OS 1.21.0', 'prod'],
      ['balenaOS 2.14.0+rev1', 'prod'],
      ['balenaOS 2.29.0+rev1', 'prod'],
      ['balenaOS 2.29.0+rev1', 'dev'],
      ['balenaOS 2.48.0+rev1', null],
      ['2.48.0+rev1.dev', 'dev'],
      ['2.88.4+rev3', ''],
      ['5.0.0+rev1', 'prod'],
      ['6.0.49+rev3', 'dev'],
      ['6.0.50', 'prod'],
      ['2022.10.1', 'prod'],
      ['garbage', 'prod'],
      [null, 'prod'],
    ];
    const targets = [
      { raw_version: '2.16.0+rev1.prod' },
      { raw_version: '2.29.0+rev1.prod' },
      { raw_version: '2.29.0+rev1' },
      { raw_version: '2.48.0+rev1.dev' },
      { raw_version: '2.88.4+rev3.prod' },
      { raw_version: '6.0.50' },
      { raw_version: '6.0.50+rev1.dev' },
      { raw_version: '2023.1.0.prod', basedOnVersion: '2.95.8' },
      { raw_version: '2023.1.0', basedOnVersion: '2.40.0' },
      { raw_version: '2.48.0+rev1', basedOnVersion: '2.48.0+rev1' },
    ];
    const slugs = ['raspberrypi3', 'jetson-xavier', 'jetson-xavier-nx-devkit'];
    let allowed = 0;
    for (const slug of slugs) {
      for (const [version, variant] of currents) {
        for (const target of targets) {
          for (const mode of ['start', 'pin'] as const) {
            const facts: OsUpdateCheckDevice = device(version, variant, slug);
            const expected = outcome(() =>
              official.models.device._checkOsUpdateTarget(
                {
                  uuid: UUID,
                  os_version: version,
                  os_variant: variant,
                  is_of__device_type: [{ slug }],
                },
                target,
                mode,
              ),
            );
            const actual = outcome(() => check(facts, target, mode));
            expect({ slug, version, variant, target, mode, actual }).toEqual({
              slug,
              version,
              variant,
              target,
              mode,
              actual: expected,
            });
            if (expected === 'allowed') allowed += 1;
          }
        }
      }
    }
    expect(allowed).toBeGreaterThan(20);
  });
});
