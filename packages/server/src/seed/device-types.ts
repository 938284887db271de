// A small fixture of real balena device types: slug, name, CPU architecture, aliases, family.

/** One device type of the catalogue. */
export interface DeviceTypeFixture {
  slug: string;
  name: string;
  arch: 'rpi' | 'armv7hf' | 'aarch64' | 'i386' | 'i386-nlp' | 'amd64';
  aliases: string[];
  family?: string;
  /** How an image gets onto the board: flashed to boot media, or a USB/network flashing protocol. */
  defaultBoot: 'sdcard' | 'internal' | 'image';
  /** Discontinued boards still exist in the catalogue but have no OS releases. */
  discontinued?: boolean;
}

export const CPU_ARCHITECTURES = [
  'rpi',
  'armv7hf',
  'aarch64',
  'i386',
  'i386-nlp',
  'amd64',
] as const;

export const DEVICE_MANUFACTURERS = [
  { slug: 'raspberry-pi-foundation', name: 'Raspberry Pi Foundation' },
  { slug: 'balena', name: 'balena' },
  { slug: 'nvidia', name: 'NVIDIA' },
  { slug: 'intel', name: 'Intel' },
  { slug: 'beagleboard', name: 'BeagleBoard.org' },
] as const;

export const DEVICE_FAMILIES = [
  { slug: 'raspberrypi', name: 'Raspberry Pi', manufacturer: 'raspberry-pi-foundation' },
  { slug: 'jetson', name: 'Jetson', manufacturer: 'nvidia' },
  { slug: 'nuc', name: 'NUC', manufacturer: 'intel' },
  { slug: 'fin', name: 'balenaFin', manufacturer: 'balena' },
  { slug: 'beaglebone', name: 'BeagleBone', manufacturer: 'beagleboard' },
] as const;

export const DEVICE_TYPES: readonly DeviceTypeFixture[] = [
  {
    slug: 'raspberry-pi',
    name: 'Raspberry Pi (v1 / Zero / Zero W)',
    arch: 'rpi',
    aliases: ['raspberrypi'],
    family: 'raspberrypi',
    defaultBoot: 'sdcard',
  },
  {
    slug: 'raspberry-pi2',
    name: 'Raspberry Pi 2',
    arch: 'armv7hf',
    aliases: ['raspberrypi2'],
    family: 'raspberrypi',
    defaultBoot: 'sdcard',
  },
  {
    slug: 'raspberrypi3',
    name: 'Raspberry Pi 3',
    arch: 'armv7hf',
    aliases: [],
    family: 'raspberrypi',
    defaultBoot: 'sdcard',
  },
  {
    slug: 'fincm3',
    name: 'Balena Fin (CM3)',
    arch: 'armv7hf',
    aliases: [],
    family: 'fin',
    defaultBoot: 'internal',
  },
  {
    slug: 'beaglebone-black',
    name: 'BeagleBone Black',
    arch: 'armv7hf',
    aliases: [],
    family: 'beaglebone',
    defaultBoot: 'internal',
  },
  {
    slug: 'raspberrypi3-64',
    name: 'Raspberry Pi 3 (using 64bit OS)',
    arch: 'aarch64',
    aliases: [],
    family: 'raspberrypi',
    defaultBoot: 'sdcard',
  },
  {
    slug: 'raspberrypi4-64',
    name: 'Raspberry Pi 4 (using 64bit OS)',
    arch: 'aarch64',
    aliases: [],
    family: 'raspberrypi',
    defaultBoot: 'sdcard',
  },
  {
    slug: 'jetson-tx2',
    name: 'Nvidia Jetson TX2',
    arch: 'aarch64',
    aliases: [],
    family: 'jetson',
    defaultBoot: 'internal',
  },
  {
    slug: 'jetson-nano',
    name: 'Nvidia Jetson Nano SD-CARD',
    arch: 'aarch64',
    aliases: [],
    family: 'jetson',
    defaultBoot: 'sdcard',
  },
  {
    slug: 'intel-nuc',
    name: 'Intel NUC',
    arch: 'amd64',
    aliases: ['nuc'],
    family: 'nuc',
    defaultBoot: 'image',
  },
  {
    slug: 'genericx86-64-ext',
    name: 'Generic x86_64 (GPT)',
    arch: 'amd64',
    aliases: [],
    defaultBoot: 'image',
  },
  { slug: 'qemux86', name: 'QEMU X86 32bit', arch: 'i386', aliases: [], defaultBoot: 'image' },
  {
    slug: 'intel-edison',
    name: 'Intel Edison',
    arch: 'i386-nlp',
    aliases: [],
    defaultBoot: 'internal',
    discontinued: true,
  },
  {
    slug: 'edge',
    name: 'Intel Edge',
    arch: 'amd64',
    aliases: [],
    defaultBoot: 'image',
    discontinued: true,
  },
];

/**
 * Builds the `hw.device-type` contract stored in `device_type.contract`, with install instructions.
 * @param deviceType the catalogue entry.
 * @example
 * buildContract(DEVICE_TYPES[0]).data.arch; // 'rpi'
 */
export function buildContract(deviceType: DeviceTypeFixture) {
  const flashToMedia = deviceType.defaultBoot !== 'internal';
  return {
    slug: deviceType.slug,
    name: deviceType.name,
    type: 'hw.device-type',
    aliases: [deviceType.slug, ...deviceType.aliases],
    version: '1',
    data: {
      arch: deviceType.arch,
      hdmi: true,
      led: deviceType.family === 'raspberrypi',
      connectivity: { bluetooth: true, wifi: true },
      media: {
        defaultBoot: deviceType.defaultBoot === 'internal' ? 'internal' : deviceType.defaultBoot,
        altBoot: ['usb_mass_storage', 'network'],
      },
      storage: { internal: deviceType.defaultBoot === 'internal' },
      ...(flashToMedia ? {} : { flashProtocol: 'RPIBOOT' }),
      is_private: false,
    },
    partials: {
      instructions: flashToMedia
        ? [
            'Insert the SD card to the host machine.',
            'Write the {{name}} OS file you downloaded to the SD card.',
            'Insert the freshly flashed SD card into the {{name}}.',
            'Connect power to the {{name}} to boot the device.',
          ]
        : [
            'Connect the {{name}} to the host machine.',
            'Write the OS file you downloaded to the internal storage of the {{name}}.',
            'Power cycle the {{name}} to boot the device.',
          ],
      connectDevice: ['Connect power to the {{name}}.'],
    },
    ...(deviceType.discontinued ? { state: 'DISCONTINUED' } : {}),
  };
}
