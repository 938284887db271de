/**
 * Host OS update rules (src/internal/hup-rules.ts): the named matrices (v1→v1, v1→v2, v2→v2,
 * downgrades, variant switches, takeover boards) and a differential run against
 * balena-hup-action-utils, the library the official SDK uses.
 */
import { HUPActionHelper } from 'balena-hup-action-utils';
import { describe, expect, it } from 'vitest';
import {
  getHUPActionType,
  HUPActionError,
  isSupportedOsUpdate,
} from '../../src/internal/hup-rules.js';

const oracle = new HUPActionHelper();

function outcome(run: () => string): string {
  try {
    return run();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

const V1 = ['Resin OS 1.8.0', '1.26.0', '1.30.1 (prod)'];
const V2_OLD = ['2.0.0+rev1', '2.12.7+rev1.prod', '2.13.6+rev1', '2.14.0', '2.15.1+rev2'];
const V2_HUP = ['2.14.0+rev1', '2.16.0+rev1', '2.29.2+rev1.prod', '2.48.0+rev1', '2.88.4+rev3'];

describe('host OS update rules', () => {
  it('refuses v1 → v1 and v1 → v2 updates (source too old)', () => {
    for (const current of V1) {
      for (const target of [...V1, ...V2_HUP]) {
        if (current === target) continue;
        const result = outcome(() => getHUPActionType('raspberrypi3', current, target));
        expect([current, target, result]).toEqual([
          current,
          target,
          expect.stringMatching(
            /^error: (Current OS version must be >= 2\.14\.0\+rev1|OS downgrades are not allowed)$/,
          ),
        ]);
      }
    }
  });

  it('allows v2 → newer v2 from 2.14.0+rev1 to 2.16.0+rev1 or later, and refuses the rest', () => {
    expect(getHUPActionType('raspberrypi3', '2.14.0+rev1', '2.16.0+rev1')).toBe('balenahup');
    expect(getHUPActionType('raspberrypi3', '2.29.2+rev1.prod', '2.88.4+rev3.prod')).toBe(
      'balenahup',
    );
    expect(getHUPActionType('raspberrypi3', '2.48.0+rev1', '2023.1.0')).toBe('balenahup');
    expect(() => getHUPActionType('raspberrypi3', '2.13.6+rev1', '2.16.0+rev1')).toThrow(
      'Current OS version must be >= 2.14.0+rev1',
    );
    expect(() => getHUPActionType('raspberrypi3', '2.14.0+rev1', '2.15.1+rev2')).toThrow(
      'Target OS version must be >= 2.16.0+rev1',
    );
    expect(() => getHUPActionType('raspberrypi3', '2.14.0', '2.16.0+rev1')).toThrow(
      'Current OS version must be >= 2.14.0+rev1',
    );
  });

  it('refuses downgrades, the same version and dev ↔ prod switches', () => {
    expect(() => getHUPActionType('raspberrypi3', '2.48.0+rev1', '2.29.2+rev1')).toThrow(
      'OS downgrades are not allowed',
    );
    expect(() => getHUPActionType('raspberrypi3', '2.48.0+rev1', '2.48.0+rev1')).toThrow(
      'Current OS version matches Target OS version',
    );
    expect(() => getHUPActionType('raspberrypi3', '2.48.0+rev1.dev', '2.88.4+rev3.prod')).toThrow(
      'Updates cannot be performed between development and production balenaOS variants',
    );
    expect(() => getHUPActionType('raspberrypi3', '2.48.0+rev1', '2.88.4+rev3.dev')).toThrow(
      HUPActionError,
    );
    expect(getHUPActionType('raspberrypi3', '2.48.0+rev1.dev', '2.88.4+rev3.dev')).toBe(
      'balenahup',
    );
    expect(() => getHUPActionType('raspberrypi3', 'foo', '2.88.4')).toThrow(
      'Invalid current balenaOS version',
    );
    expect(() => getHUPActionType('raspberrypi3', '2.88.4', 'bar')).toThrow(
      'Invalid target balenaOS version',
    );
  });

  it('turns an update of a Jetson Xavier board into a takeover when it crosses its version', () => {
    expect(getHUPActionType('jetson-xavier', '5.0.0+rev1', '6.0.50')).toBe('takeover');
    expect(getHUPActionType('jetson-xavier', '5.0.0+rev1', '6.0.49')).toBe('balenahup');
    expect(getHUPActionType('jetson-xavier', '6.0.50', '6.1.0')).toBe('balenahup');
    expect(getHUPActionType('jetson-xavier-nx-devkit', '6.0.50', '6.0.50+rev1')).toBe('takeover');
    expect(getHUPActionType('jetson-xavier-nx-devkit-emmc', '2.16.0', '6.0.39')).toBe('takeover');
    expect(getHUPActionType('raspberrypi3', '5.0.0+rev1', '6.0.50')).toBe('balenahup');
    expect(isSupportedOsUpdate('jetson-xavier', '5.0.0', '6.0.50')).toBe(true);
    expect(isSupportedOsUpdate('jetson-xavier', '6.0.50', '5.0.0')).toBe(false);
  });

  it('gives the same action or message as balena-hup-action-utils on a version matrix', () => {
    const versions = [
      ...V1,
      ...V2_OLD,
      ...V2_HUP,
      '2.48.0+rev1.dev',
      '2.88.4+rev3.prod',
      '2.88.4 (dev)',
      'balenaOS 2.48.0+rev1',
      '2.16.0-rc1',
      '5.0.0+rev1',
      '6.0.39',
      '6.0.49+rev3.dev',
      '6.0.50',
      '6.0.50.dev',
      '6.0.50+rev1',
      '6.1.0',
      '2023.1.0',
      '2023.1.0.prod',
      'invalid',
    ];
    const deviceTypes = [
      'raspberrypi3',
      'jetson-xavier',
      'jetson-xavier-nx-devkit',
      'jetson-xavier-nx-devkit-emmc',
      '',
      'toString',
    ];
    let allowed = 0;
    for (const deviceType of deviceTypes) {
      for (const current of versions) {
        for (const target of versions) {
          const expected = outcome(() => oracle.getHUPActionType(deviceType, current, target));
          const actual = outcome(() => getHUPActionType(deviceType, current, target));
          if (actual !== expected) {
            expect({ deviceType, current, target, actual }).toEqual({
              deviceType,
              current,
              target,
              actual: expected,
            });
          }
          expect(isSupportedOsUpdate(deviceType, current, target)).toBe(
            oracle.isSupportedOsUpdate(deviceType, current, target),
          );
          if (!expected.startsWith('error')) allowed += 1;
        }
      }
    }
    expect(allowed).toBeGreaterThan(100);
  });
});
