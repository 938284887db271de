/**
 * Shapes answered by `/config`, `/config/vars` and `/device-types/v1`.
 */

/** The public configuration of a balena API (`GET /config`). */
export interface Config {
  deployment: string | null;
  deviceUrlsBase: string;
  adminUrl: string;
  gitServerUrl: string;
  ga?: { site: string; id: string };
  mixpanelToken?: string;
  intercomAppId?: string;
  recurlyPublicKey?: string;
  stripePublicKey?: string;
  freezeBillingVersions?: string[];
  DEVICE_ONLINE_ICON: string;
  DEVICE_OFFLINE_ICON: string;
  signupCodeRequired: boolean;
  supportedSocialProviders: string[];
}

/** One JSON-schema property of the configuration-variable schema, with balena's extras. */
export interface ConfigVarSchemaProperty {
  type?: string;
  enum?: string[];
  description?: string;
  default?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  /** Changing the variable reboots the device. */
  will_reboot?: boolean;
  /** A warning to show before changing the variable. */
  warning?: string;
  [extra: string]: unknown;
}

/** The configuration-variable rules (`GET /config/vars`). */
export interface ConfigVarDefinition {
  reservedNames: string[];
  reservedNamespaces: string[];
  invalidRegex: string;
  configVarInvalidRegex: string;
  whiteListedNames: string[];
  whiteListedNamespaces: string[];
  blackListedNames: string[];
  configVarSchema: {
    type: 'object';
    $schema?: string;
    properties: Record<string, ConfigVarSchemaProperty>;
    [extra: string]: unknown;
  };
}

/** One option of an OS image or its installation (a question with an answer type). */
export interface DeviceTypeOption {
  name: string;
  message: string;
  type?: string;
  isGroup?: boolean;
  options?: DeviceTypeOption[];
  [extra: string]: unknown;
}

/** A device-type.json manifest (`GET /device-types/v1`). */
export interface DeviceTypeJson {
  slug: string;
  name: string;
  aliases?: string[];
  arch: string;
  state?: string;
  private?: boolean;
  isDependent?: boolean;
  logoUrl?: string;
  options?: DeviceTypeOption[];
  initialization?: { options?: DeviceTypeOption[]; operations?: unknown[] };
  yocto?: Record<string, unknown>;
  buildId?: string;
  [extra: string]: unknown;
}
