// The CPU architecture compatibility rule, proved equal to the official SDK's
// `os.isArchitectureCompatibleWith` on every pair of known architectures (plus unknown ones).
import { getSdk as getOfficialSdk } from 'official-balena-sdk';
import { describe, expect, it } from 'vitest';
import { isArchitectureCompatibleWith } from '../../src/internal/cpu-architecture.js';

const ARCHITECTURES = ['rpi', 'armv7hf', 'aarch64', 'i386', 'i386-nlp', 'amd64', 'unknown', ''];

describe('isArchitectureCompatibleWith', () => {
  it('equals the official rule on every pair', () => {
    const official = getOfficialSdk({
      apiUrl: 'http://127.0.0.1:9',
      dataDirectory: false,
      isBrowser: false,
    } as Parameters<typeof getOfficialSdk>[0]);
    for (const device of ARCHITECTURES) {
      for (const fleet of ARCHITECTURES) {
        expect([device, fleet, isArchitectureCompatibleWith(device, fleet)]).toEqual([
          device,
          fleet,
          official.models.os.isArchitectureCompatibleWith(device, fleet),
        ]);
      }
    }
  });

  it('lets aarch64 run armv7hf and rpi, armv7hf run rpi, and nothing the other way', () => {
    expect(isArchitectureCompatibleWith('aarch64', 'armv7hf')).toBe(true);
    expect(isArchitectureCompatibleWith('aarch64', 'rpi')).toBe(true);
    expect(isArchitectureCompatibleWith('armv7hf', 'rpi')).toBe(true);
    expect(isArchitectureCompatibleWith('armv7hf', 'aarch64')).toBe(false);
    expect(isArchitectureCompatibleWith('rpi', 'armv7hf')).toBe(false);
    expect(isArchitectureCompatibleWith('amd64', 'i386')).toBe(false);
    expect(isArchitectureCompatibleWith('toString', 'toString')).toBe(true);
    expect(isArchitectureCompatibleWith('constructor', 'rpi')).toBe(false);
  });
});
