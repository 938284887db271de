// device-type.json manifests (the legacy device-type format) derived from the stored hw.device-type contracts.

/** A device type row as read for manifests. */
export interface DeviceTypeRow {
  slug: string;
  name: string;
  logo: string | null;
  is_private: boolean;
  contract: DeviceTypeContract | null;
  is_of__cpu_architecture: Array<{ slug: string }>;
  device_type_alias: Array<{ is_referenced_by__alias: string }>;
}

interface DeviceTypeContract {
  state?: string;
  data?: { media?: { defaultBoot?: string }; flashProtocol?: string };
}

/** One configurable option of an OS image (a question asked before download). */
export interface ManifestOption {
  name: string;
  message: string;
  type?: string;
  isGroup?: boolean;
  choices?: string[];
  default?: string | number;
  min?: number;
  when?: Record<string, string>;
  options?: ManifestOption[];
}

/** A device-type.json manifest. */
export interface DeviceTypeManifest {
  slug: string;
  name: string;
  aliases: string[];
  arch: string;
  state: string;
  private: boolean;
  isDependent: boolean;
  logoUrl?: string;
  supportsBlink: boolean;
  options: ManifestOption[];
  initialization?: { options: ManifestOption[]; operations: Array<{ command: string }> };
  yocto: {
    machine: string;
    image: string;
    fstype: string;
    version: string;
    deployArtifact: string;
    compressed: boolean;
  };
}

const NETWORK_OPTIONS: ManifestOption = {
  isGroup: true,
  name: 'network',
  message: 'Network',
  options: [
    { message: 'Network Connection', name: 'network', type: 'list', choices: ['ethernet', 'wifi'] },
    { message: 'Wifi SSID', name: 'wifiSsid', type: 'text', when: { network: 'wifi' } },
    { message: 'Wifi Passphrase', name: 'wifiKey', type: 'password', when: { network: 'wifi' } },
  ],
};
const ADVANCED_OPTIONS: ManifestOption = {
  isGroup: true,
  name: 'advanced',
  message: 'Advanced',
  options: [
    {
      message: 'Check for updates every X minutes',
      name: 'appUpdatePollInterval',
      type: 'number',
      min: 10,
      default: 10,
    },
  ],
};
const DRIVE_OPTION: ManifestOption = { message: 'Select a drive', type: 'drive', name: 'drive' };

/**
 * Builds the manifest of one device type.
 * @param row the device type with its architecture and aliases.
 * @throws never
 * @example
 * toManifest(row).aliases; // ['raspberry-pi', 'raspberrypi']
 */
export function toManifest(row: DeviceTypeRow): DeviceTypeManifest {
  const bootsFromMedia = row.contract?.data?.media?.defaultBoot !== 'internal';
  const aliases = row.device_type_alias.map((a) => a.is_referenced_by__alias).sort();
  return {
    slug: row.slug,
    name: row.name,
    aliases: [row.slug, ...aliases.filter((a) => a !== row.slug)],
    arch: row.is_of__cpu_architecture[0]?.slug ?? 'unknown',
    state: row.contract?.state === 'DISCONTINUED' ? 'DISCONTINUED' : 'RELEASED',
    private: row.is_private,
    isDependent: false,
    ...(row.logo ? { logoUrl: row.logo } : {}),
    supportsBlink: true,
    options: [NETWORK_OPTIONS, ADVANCED_OPTIONS],
    ...(bootsFromMedia
      ? {
          initialization: {
            options: [DRIVE_OPTION],
            operations: [{ command: 'burn' }],
          },
        }
      : {}),
    yocto: {
      machine: row.slug,
      image: 'balena-image',
      fstype: 'balenaos-img',
      version: 'yocto-kirkstone',
      deployArtifact: `balena-image-${row.slug}.balenaos-img`,
      compressed: true,
    },
  };
}
