// models.config against the real local API.
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { getSdk, type BalenaSDK } from '../../src/index.js';
import { loginNewUser } from './helpers.js';

let sdk: BalenaSDK;
let anonymous: BalenaSDK;

beforeAll(async () => {
  ({ sdk } = await loginNewUser());
  anonymous = getSdk({ apiUrl: inject('apiUrl'), dataDirectory: false });
});

describe('config.getAll', () => {
  it('answers the public configuration without credentials', async () => {
    const config = await anonymous.models.config.getAll();
    expect(config.mixpanelToken).toBe('balena-main');
    expect(typeof config.deviceUrlsBase).toBe('string');
    expect(config).not.toHaveProperty('deviceTypes');
  });
});

describe('config.getDeviceTypes and getDeviceTypeManifestBySlug', () => {
  it('lists manifests with slug, name and arch, without instructions', async () => {
    const manifests = await sdk.models.config.getDeviceTypes();
    expect(manifests.length).toBeGreaterThan(0);
    for (const manifest of manifests) {
      expect(manifest).toMatchObject({
        slug: expect.any(String),
        name: expect.any(String),
        arch: expect.any(String),
      });
      expect(manifest).not.toHaveProperty('instructions');
    }
  });

  it('finds a manifest by slug, name or legacy alias', async () => {
    const { config } = sdk.models;
    expect((await config.getDeviceTypeManifestBySlug('raspberry-pi')).slug).toBe('raspberry-pi');
    expect((await config.getDeviceTypeManifestBySlug('raspberrypi')).slug).toBe('raspberry-pi');
    expect((await config.getDeviceTypeManifestBySlug('Raspberry Pi 3')).slug).toBe('raspberrypi3');
  });

  it('throws BalenaInvalidDeviceType for unknown device types', async () => {
    await expect(
      sdk.models.config.getDeviceTypeManifestBySlug('no-such-board'),
    ).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
  });
});

describe('config.getDeviceOptions', () => {
  it('returns the image options then the installation options', async () => {
    const options = await sdk.models.config.getDeviceOptions('raspberry-pi');
    expect(options.map((o) => o.name)).toEqual(['network', 'advanced', 'drive']);
  });

  it('throws BalenaInvalidDeviceType for unknown device types', async () => {
    await expect(sdk.models.config.getDeviceOptions('no-such-board')).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
  });
});

describe('config.getConfigVarSchema', () => {
  it('answers the common schema, and the board keys for a Raspberry Pi', async () => {
    const { config } = anonymous.models;
    const common = await config.getConfigVarSchema();
    expect(common.reservedNames).toEqual(['RESIN', 'BALENA', 'USER']);
    expect(common.configVarSchema.properties).toHaveProperty('BALENA_SUPERVISOR_HARDWARE_METRICS');
    expect(common.configVarSchema.properties).not.toHaveProperty('BALENA_HOST_CONFIG_hdmi_mode');
    const pi = await sdk.models.config.getConfigVarSchema('raspberry-pi');
    expect(pi.configVarSchema.properties).toHaveProperty('BALENA_HOST_CONFIG_hdmi_mode');
  });

  it('ignores unknown device types like the API does', async () => {
    const unknown = await sdk.models.config.getConfigVarSchema('no-such-board');
    expect(unknown.configVarSchema.properties).not.toHaveProperty('BALENA_HOST_CONFIG_hdmi_mode');
  });
});
