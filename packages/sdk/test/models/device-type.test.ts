// models.deviceType against the real local API (seeded catalogue and contracts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { BalenaSDK } from '../../src/index.js';
import { loginNewUser } from './helpers.js';

let sdk: BalenaSDK;

beforeAll(async () => {
  ({ sdk } = await loginNewUser());
});

describe('deviceType.get', () => {
  it('finds a device type by id, slug and alias', async () => {
    const { deviceType } = sdk.models;
    const bySlug = await deviceType.get('raspberry-pi', { $select: ['id', 'slug'] });
    expect(bySlug.slug).toBe('raspberry-pi');
    expect((await deviceType.get('raspberrypi', { $select: 'id' })).id).toBe(bySlug.id);
    expect((await deviceType.get(bySlug.id, { $select: 'slug' })).slug).toBe('raspberry-pi');
  });

  it('throws BalenaInvalidDeviceType for unknown and empty ones, InvalidParameter for other values', async () => {
    const { deviceType } = sdk.models;
    await expect(deviceType.get('no-such-board')).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
    await expect(deviceType.get(999_999_999)).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
    await expect(deviceType.get('')).rejects.toMatchObject({ code: 'BalenaInvalidDeviceType' });
    await expect(deviceType.get({} as unknown as string)).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('deviceType.getAll and getAllSupported', () => {
  it('lists every device type ordered by name', async () => {
    const all = await sdk.models.deviceType.getAll({ $select: 'name' });
    const names = all.map((d) => d.name);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('lists only device types with a usable OS release', async () => {
    const all = await sdk.models.deviceType.getAll({ $select: 'slug' });
    const supported = await sdk.models.deviceType.getAllSupported({ $select: 'slug' });
    expect(supported.length).toBeGreaterThan(0);
    expect(supported.length).toBeLessThan(all.length);
    expect(supported.map((d) => d.slug)).not.toContain('intel-edison');
  });
});

describe('deviceType.getBySlugOrName, getName, getSlugByName', () => {
  it('maps between slugs and names', async () => {
    const { deviceType } = sdk.models;
    expect((await deviceType.getBySlugOrName('Raspberry Pi 3', { $select: 'slug' })).slug).toBe(
      'raspberrypi3',
    );
    expect((await deviceType.getBySlugOrName('raspberrypi3', { $select: 'name' })).name).toBe(
      'Raspberry Pi 3',
    );
    expect(await deviceType.getName('raspberrypi3')).toBe('Raspberry Pi 3');
    expect(await deviceType.getSlugByName('Raspberry Pi 3')).toBe('raspberrypi3');
  });

  it('throws BalenaInvalidDeviceType for unknown ones and InvalidParameter for empty input', async () => {
    const { deviceType } = sdk.models;
    await expect(deviceType.getBySlugOrName('nope')).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
    await expect(deviceType.getName('nope')).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
    await expect(deviceType.getSlugByName('Nope')).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
    await expect(deviceType.getName('')).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
  });
});

describe('deviceType contracts', () => {
  it('renders the partials of a contract against the contract', async () => {
    const contract = await sdk.models.deviceType.getInterpolatedPartials('raspberrypi3');
    expect(contract.slug).toBe('raspberrypi3');
    expect(contract.partials?.instructions).toContain(
      'Insert the freshly flashed SD card into the Raspberry Pi 3.',
    );
    await expect(sdk.models.deviceType.getInterpolatedPartials('nope')).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
  });

  it('computes the install method from the contract', async () => {
    const { deviceType } = sdk.models;
    expect(await deviceType.getInstallMethod('raspberrypi3')).toBe('externalBoot');
    expect(await deviceType.getInstallMethod('fincm3')).toBe('internalFlash');
    expect(await deviceType.getInstallMethod('intel-nuc')).toBe('image');
    await expect(deviceType.getInstallMethod('nope')).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
  });

  it('gives install instructions for a slug or a contract', async () => {
    const { deviceType } = sdk.models;
    const sdCard = await deviceType.getInstructions('raspberrypi3');
    expect(sdCard?.[0]).toBe('Connect the SD card to the host machine.');
    expect(sdCard?.some((line) => line.includes('into the Raspberry Pi 3'))).toBe(true);
    const image = await deviceType.getInstructions('intel-nuc');
    expect(image?.join(' ')).toContain('Intel NUC');
    const contract = {
      slug: 'custom-board',
      type: 'hw.device-type',
      name: 'Custom Board',
      data: { media: { defaultBoot: 'internal', altBoot: ['usb_mass_storage'] } },
      partials: { bootDevice: ['Press the power button'] },
    };
    const flash = await deviceType.getInstructions(contract);
    expect(flash?.[0]).toBe('Connect the USB key to the host machine.');
    expect(flash?.at(-1)).toBe('Press the power button to boot the device.');
  });

  it('rejects arrays and unknown slugs, and contracts without an install method', async () => {
    const { deviceType } = sdk.models;
    await expect(deviceType.getInstructions([] as unknown as string)).rejects.toMatchObject({
      code: 'BalenaInvalidParameterError',
    });
    await expect(deviceType.getInstructions('nope')).rejects.toMatchObject({
      code: 'BalenaInvalidDeviceType',
    });
    await expect(
      deviceType.getInstructions({ slug: 'x', type: 'hw.device-type' }),
    ).rejects.toMatchObject({
      code: 'BalenaError',
    });
  });
});
