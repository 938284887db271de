// The SDK's committed resource types must match what the current model generates.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSdkTypes, SDK_TYPES_PATH } from '../src/model/sdk-types.js';

const repositoryRoot = new URL('../../../', import.meta.url);

describe('generated SDK types', () => {
  it('are up to date with balena.sbvr (run `npm run generate:types -w balena-local-api` if this fails)', () => {
    const committed = fs.readFileSync(new URL(SDK_TYPES_PATH, repositoryRoot), 'utf8');
    expect(committed === generateSdkTypes()).toBe(true);
  });

  it('are self-contained: the SDK types import nothing', () => {
    const generated = generateSdkTypes();
    expect(generated).not.toMatch(/^import /m);
    expect(generated).toMatch(/export interface Device \{/);
    expect(generated).toMatch(/device_tag\?: Array<DeviceHasTagKey\['Read'\]>/);
  });
});
