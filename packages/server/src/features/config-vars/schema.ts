// The configuration-variable rules and schema answered by GET /config/vars.

const SUPERVISOR_SETTINGS = [
  'APP_RESTART_POLICY',
  'APP_RESTART_RETRIES',
  'DEPENDENT_DEVICES_HOOK_ADDRESS',
  'OVERRIDE_LOCK',
  'SUPERVISOR_CONNECTIVITY_CHECK',
  'SUPERVISOR_HANDOVER_TIMEOUT',
  'SUPERVISOR_LOCAL_MODE',
  'SUPERVISOR_LOG_CONTROL',
  'SUPERVISOR_POLL_INTERVAL',
  'SUPERVISOR_UPDATE_STRATEGY',
  'SUPERVISOR_VPN_CONTROL',
  'SUPERVISOR_PERSISTENT_LOGGING',
  'SUPERVISOR_INSTANT_UPDATE_TRIGGER',
  'SUPERVISOR_HARDWARE_METRICS',
];
const FORBIDDEN_SETTINGS = [
  'RESTART',
  'DEVICE_RESTART',
  'SUPERVISOR_OVERRIDE_LOCK',
  'SUPERVISOR_NATIVE_LOGGER',
  'HOST_LOG_TO_DISPLAY',
];
const bothNamespaces = (names: string[]) => names.flatMap((n) => [`RESIN_${n}`, `BALENA_${n}`]);

/** Supervisor poll interval default (ms), which is also the lowest value accepted. */
const DEFAULT_POLL_INTERVAL_MS = 900_000;

/** One JSON-schema property of the configuration-variable schema. */
export interface ConfigVarProperty {
  type?: string;
  enum?: string[];
  description: string;
  default?: string | number;
  minimum?: number;
  maximum?: number;
  will_reboot?: boolean;
  warning?: string;
}

const enabledFlag = (description: string, defaultValue: 'true' | 'false'): ConfigVarProperty => ({
  enum: ['false', 'true'],
  description,
  default: defaultValue,
});

const COMMON_PROPERTIES: Record<string, ConfigVarProperty> = {
  RESIN_SUPERVISOR_CONNECTIVITY_CHECK: enabledFlag(
    'Enable / Disable VPN connectivity check',
    'true',
  ),
  RESIN_SUPERVISOR_LOG_CONTROL: enabledFlag(
    'Enable / Disable logs from being sent to balena',
    'true',
  ),
  RESIN_SUPERVISOR_POLL_INTERVAL: {
    type: 'integer',
    description: 'Define the balena API poll interval in milliseconds',
    default: DEFAULT_POLL_INTERVAL_MS,
    minimum: DEFAULT_POLL_INTERVAL_MS,
    maximum: 86_400_000,
  },
  RESIN_SUPERVISOR_VPN_CONTROL: enabledFlag('Enable / Disable VPN', 'true'),
  RESIN_SUPERVISOR_PERSISTENT_LOGGING: {
    ...enabledFlag(
      'Enable persistent logging. Only supported by supervisor versions >= v7.15.0.',
      'false',
    ),
    will_reboot: true,
  },
  RESIN_SUPERVISOR_INSTANT_UPDATE_TRIGGER: enabledFlag(
    'Enable / Disable instant triggering of updates when a new release is deployed.',
    'true',
  ),
  RESIN_OVERRIDE_LOCK: enabledFlag('Override the update lock of the application', 'false'),
  BALENA_HOST_SPLASH_IMAGE: {
    type: 'string',
    description: 'Define the PNG image to be used for the boot splash screen (base64 data URL).',
    will_reboot: true,
  },
  BALENA_SUPERVISOR_HARDWARE_METRICS: enabledFlag(
    'Enable / Disable reporting device metrics such as CPU usage for bandwidth conservation.',
    'true',
  ),
};

const RASPBERRY_PI_PROPERTIES: Record<string, ConfigVarProperty> = Object.fromEntries(
  ['gpu_mem', 'hdmi_mode', 'hdmi_group', 'disable_splash', 'dtoverlay', 'dtparam'].flatMap(
    (setting) => {
      const property: ConfigVarProperty = {
        type: 'string',
        description: `Sets the ${setting} value in config.txt`,
        will_reboot: true,
      };
      return [
        [`RESIN_HOST_CONFIG_${setting}`, property],
        [`BALENA_HOST_CONFIG_${setting}`, property],
      ];
    },
  ),
);

/** The body of GET /config/vars. */
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
    $schema: string;
    properties: Record<string, ConfigVarProperty>;
  };
}

/**
 * Builds the configuration-variable definition, with the board-specific keys of a device family.
 * @param deviceFamily the family slug of the requested device type (e.g. `raspberrypi`), if any.
 * @throws never
 * @example
 * buildConfigVarDefinition('raspberrypi').configVarSchema.properties.BALENA_HOST_CONFIG_hdmi_mode;
 */
export function buildConfigVarDefinition(deviceFamily?: string): ConfigVarDefinition {
  return {
    reservedNames: ['RESIN', 'BALENA', 'USER'],
    reservedNamespaces: ['RESIN_', 'BALENA_'],
    invalidRegex: '/^\\d|\\W/',
    configVarInvalidRegex: '/^[\\d:]|[^A-Za-z0-9_:]/',
    whiteListedNames: bothNamespaces(SUPERVISOR_SETTINGS),
    whiteListedNamespaces: ['RESIN_HOST_', 'RESIN_UI_', 'BALENA_HOST_', 'BALENA_UI_'],
    blackListedNames: bothNamespaces(FORBIDDEN_SETTINGS),
    configVarSchema: {
      type: 'object',
      $schema: 'http://json-schema.org/draft-06/schema#',
      properties: {
        ...COMMON_PROPERTIES,
        ...(deviceFamily === 'raspberrypi' ? RASPBERRY_PI_PROPERTIES : {}),
      },
    },
  };
}
