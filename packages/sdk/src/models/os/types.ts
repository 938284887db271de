/** Types of `sdk.models.os`. */

/** Release policies of host OS fleets (the `release-policy` host fleet tag). */
export const OsTypes = Object.freeze({ DEFAULT: 'default', ESR: 'esr' } as const);
/** A release policy value: `'default'` or `'esr'`. */
export type OsType = (typeof OsTypes)[keyof typeof OsTypes];

/** Full variant names of legacy release tags and the short names releases use. */
export const OsVariant = Object.freeze({ production: 'prod', development: 'dev' } as const);

/** The support line of an OS release. */
export type OsLines = 'next' | 'current' | 'sunset' | 'outdated' | undefined;

/** A host OS release, as the OS version methods return it. */
export interface OsVersion {
  id: number;
  known_issue_list: string | null;
  /** The full version, variant included (`2.48.0+rev1.prod`); legacy releases get `<version>.<variant>`. */
  raw_version: string;
  /** `prod`, `dev`, or `''` for unified releases. */
  variant: string | null;
  phase: string | null;
  release_tag: Array<{ tag_key: string; value: string }>;
  /** The release policy of the host fleet (`default` when untagged). */
  osType: string;
  line: OsLines;
  /** The version without its variant build part. */
  strippedVersion: string;
  /** The meta-balena version an ESR release is based on (`meta-balena-base` tag), else `strippedVersion`. */
  basedOnVersion: string;
}

/** Options of `getAvailableOsVersions` beyond pine options. */
export interface AvailableOsVersionsOptions {
  /** Include draft (not yet final) releases; default false. */
  includeDraft?: boolean;
}

/** Options of `getSupportedOsUpdateVersions`. */
export interface SupportedOsUpdateVersionsOptions extends AvailableOsVersionsOptions {
  /** Only releases of this policy; `null`/absent for all. */
  osType?: string | null;
}

/** What `getSupportedOsUpdateVersions` resolves with. */
export interface SupportedOsUpdateVersions {
  /** Every version the device type can update to from the current one, newest first. */
  versions: string[];
  /** The newest version that is not a prerelease. */
  recommended: string | undefined;
  /** The available release equal to the current version, when there is one. */
  current: string | undefined;
}

/**
 * Progress of an OS image download: the official `'progress'` event fields (`total`, `received`, `eta`,
 * `percentage`) plus `percent`, an alias of `percentage`.
 */
export interface DownloadProgress {
  /** Percentage received, 0-100 (undefined when the size is unknown); the official field name. */
  percentage: number | undefined;
  /** The same value as `percentage`, kept as an alias. */
  percent: number | undefined;
  /** Image size in bytes, when known. */
  total: number | undefined;
  /** Bytes received so far (across resumed connections). */
  received: number;
  /** Estimated seconds left at the average rate so far (undefined when unknown). */
  eta: number | undefined;
}

/** Options of `os.download` (sent as query parameters, except the SDK-side ones at the end). */
export interface ImgConfigOptions {
  /** The device type slug (or an alias). */
  deviceType: string;
  /** An exact OS version (a leading `v` is accepted) or `'latest'` (default). */
  version?: string;
  developmentMode?: boolean;
  appId?: number;
  fileType?: '.img' | '.zip' | '.gz';
  imageType?: 'raw' | 'flasher';
  appUpdatePollInterval?: number;
  network?: 'ethernet' | 'wifi';
  wifiKey?: string;
  wifiSsid?: string;
}

/** SDK-side download settings (not sent to the API). */
export interface DownloadBehaviour {
  /** Called on every received chunk, like the `'progress'` event. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Reconnections (with `Range`) after a dropped connection; default 5. */
  maxResumeAttempts?: number;
  /** Verify the `X-Checksum-Sha256` header when the server sends one; default true. */
  verifyChecksum?: boolean;
}

/** Options of `os.getConfig`. */
export interface ImageConfigOptions {
  /** Required: the OS version of the image (`2.48.0+rev1.prod`). */
  version: string;
  network?: 'ethernet' | 'wifi';
  /** Minutes between update checks. */
  appUpdatePollInterval?: number;
  provisioningKeyName?: string;
  provisioningKeyDescription?: string;
  provisioningKeyExpiryDate?: string;
  developmentMode?: boolean;
  wifiKey?: string;
  wifiSsid?: string;
  ip?: string;
  gateway?: string;
  netmask?: string;
  deviceType?: string;
}
