/**
 * The balenaOS installation instructions, one list per install method, written as templates over
 * `{ name, deviceType }` where `deviceType` is the device type's contract with rendered partials.
 */

import type { Contract } from './contract.js';

/** Readable names of boot media as contracts name them. */
export const BOOT_MEDIA_NAMES: Record<string, string> = {
  sdcard: 'SD card',
  usb_mass_storage: 'USB key',
};

/**
 * The readable name of a boot medium (`sdcard` → `SD card`), or the name itself.
 *
 * @param alias - the contract's medium name.
 * @returns the readable name.
 * @throws never
 * @example
 * resolveContractAlias('usb_mass_storage'); // 'USB key'
 */
export function resolveContractAlias(alias: unknown): string {
  const name = typeof alias === 'string' ? alias : '';
  return BOOT_MEDIA_NAMES[name] ?? name;
}

const EACH = (partial: string) => `{{#each deviceType.partials.${partial}}}{{{this}}} {{/each}}`;
const ALT_MEDIUM = '{{resolveContractAlias deviceType.data.media.altBoot.[0]}}';
const DEFAULT_MEDIUM = '{{resolveContractAlias deviceType.data.media.defaultBoot}}';

/** The host OS contract whose partials become the install instructions. */
export const BALENA_OS_CONTRACT: Contract = {
  name: 'balenaOS',
  slug: 'balenaos',
  type: 'sw.os',
  description: 'balenaOS',
  partials: {
    image: [EACH('instructions')],
    internalFlash: [
      EACH('connectDevice'),
      'Flash the {{name}} image you downloaded onto the {{deviceType.name}}, for example with balenaEtcher.',
      'Wait until flashing of {{name}} has finished.',
      EACH('disconnectDevice'),
      '{{{deviceType.partials.bootDevice}}} to boot the device.',
    ],
    externalFlash: [
      EACH('instructions'),
      `Connect the ${ALT_MEDIUM} to the host machine.`,
      `Flash the {{name}} image you downloaded onto the ${ALT_MEDIUM}, for example with balenaEtcher.`,
      'Wait until flashing of {{name}} has finished.',
      `Take the ${ALT_MEDIUM} out of the host machine and put it into the {{deviceType.name}}.`,
      'Note: the internal storage of the device will be erased; back it up first.',
      EACH('bootDeviceExternal'),
      'Wait until the {{deviceType.name}} has flashed its internal storage and shut down.',
      `Take the ${ALT_MEDIUM} out of the {{deviceType.name}}.`,
      EACH('bootDeviceInternal'),
      '{{{deviceType.partials.bootDevice}}} to boot the device.',
    ],
    externalBoot: [
      `Connect the ${DEFAULT_MEDIUM} to the host machine.`,
      `Flash the {{name}} image you downloaded onto the ${DEFAULT_MEDIUM}, for example with balenaEtcher.`,
      'Wait until flashing of {{name}} has finished.',
      `Take the ${DEFAULT_MEDIUM} out of the host machine and put it into the {{deviceType.name}}.`,
      '{{{deviceType.partials.bootDevice}}} to boot the device.',
    ],
  },
};
