// Pure validation and generation helpers for the business rules; each check returns the real API's error text
// (or undefined when the value is fine) so hooks decide the status code and tests need no server.
import { randomBytes, randomInt } from 'node:crypto';

const RESERVED_VARIABLE_NAMES = ['RESIN', 'BALENA', 'USER'];
const RESERVED_VARIABLE_PREFIXES = ['RESIN_', 'BALENA_'];

/**
 * Checks an environment variable name (application, device, service and device-service env vars).
 * @param name the proposed name
 * @throws never
 * @example
 * checkEnvVarName('BALENA_FOO'); // 'Environment variables beginning with RESIN_, BALENA_ are reserved.'
 */
export function checkEnvVarName(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '' || /^\d|\W/.test(name)) {
    return 'Environment variable names can only contain alphanumeric characters and underscores.';
  }
  if (RESERVED_VARIABLE_NAMES.includes(name))
    return 'Environment variables RESIN, BALENA, USER are reserved';
  if (RESERVED_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    return 'Environment variables beginning with RESIN_, BALENA_ are reserved.';
  }
  return undefined;
}

/**
 * Checks a configuration variable name (application and device config vars): it must be in the RESIN_/BALENA_ namespace.
 * @param name the proposed name
 * @throws never
 * @example
 * checkConfigVarName('FOO'); // 'Configuration variables must be part of one of the following namespaces: RESIN_, BALENA_'
 */
export function checkConfigVarName(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '' || /^[\d:]|[^A-Za-z0-9_:]/.test(name)) {
    return 'Configuration variable names can only contain alphanumeric characters, underscores or a colon';
  }
  if (RESERVED_VARIABLE_NAMES.includes(name))
    return 'Configuration variables RESIN, BALENA, USER are reserved';
  if (!RESERVED_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    return 'Configuration variables must be part of one of the following namespaces: RESIN_, BALENA_';
  }
  return undefined;
}

/** Longest variable value accepted on writes. */
export const MAX_VARIABLE_VALUE_LENGTH = 100_000;

/**
 * Checks a variable value: no line breaks, at most 100000 characters.
 * @param value the proposed value
 * @throws never
 * @example
 * checkVariableValue('a\nb'); // 'Variable values cannot contain line break characters'
 */
export function checkVariableValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/[\r\n]/.test(value)) return 'Variable values cannot contain line break characters';
  if (value.length > MAX_VARIABLE_VALUE_LENGTH) {
    return `"value" longer than ${MAX_VARIABLE_VALUE_LENGTH} characters (${value.length})`;
  }
  return undefined;
}

/**
 * Checks a tag key (application, device, release and membership tags).
 * @param key the proposed tag key
 * @throws never
 * @example
 * checkTagKey('io.balena.x'); // 'Tag keys beginning with io.balena. are reserved.'
 */
export function checkTagKey(key: unknown): string | undefined {
  if (typeof key !== 'string' || key === '') return '"tag_key" cannot be null';
  if (/\s/.test(key)) return 'Tag keys cannot contain whitespace.';
  for (const prefix of ['io.resin.', 'io.balena.']) {
    if (key.startsWith(prefix)) return `Tag keys beginning with ${prefix} are reserved.`;
  }
  return undefined;
}

/**
 * Checks a device uuid: 32 or 62 lower-case hex characters.
 * @param uuid the proposed uuid
 * @throws never
 * @example
 * checkDeviceUuid('ABC'); // 'Device UUID must be a 32 or 62 character long lower case hex string.'
 */
export function checkDeviceUuid(uuid: unknown): string | undefined {
  if (typeof uuid === 'string' && /^[a-f0-9]{32}([a-f0-9]{30})?$/.test(uuid)) return undefined;
  return 'Device UUID must be a 32 or 62 character long lower case hex string.';
}

/**
 * Checks an application uuid: a lower-case UUID v4 without dashes.
 * @param uuid the proposed uuid
 * @throws never
 * @example
 * checkApplicationUuid('x'); // 'Application UUID must be a 32 character long lower case UUID version 4.'
 */
export function checkApplicationUuid(uuid: unknown): string | undefined {
  if (typeof uuid === 'string' && /^[a-f0-9]{12}4[a-f0-9]{3}[89ab][a-f0-9]{15}$/.test(uuid))
    return undefined;
  return 'Application UUID must be a 32 character long lower case UUID version 4.';
}

/**
 * Generates a device uuid: 32 lower-case hex characters from a CSPRNG.
 * @throws never
 * @example
 * generateDeviceUuid(); // '5c1d...'
 */
export function generateDeviceUuid(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Generates an application uuid: a random UUID v4 without dashes.
 * @throws never
 * @example
 * generateApplicationUuid(); // 'f3a1...4...'
 */
export function generateApplicationUuid(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * Checks a device name: a string without line breaks.
 * @param name the proposed device name
 * @throws never
 * @example
 * checkDeviceName('a\nb'); // 'Device name cannot contain any newline characters.'
 */
export function checkDeviceName(name: unknown): string | undefined {
  if (typeof name !== 'string') return '"device_name" must be a string';
  if (/[\r\n]/.test(name)) return 'Device name cannot contain any newline characters.';
  return undefined;
}

const NAME_ADJECTIVES = [
  'quiet',
  'brave',
  'shiny',
  'rapid',
  'gentle',
  'lively',
  'misty',
  'proud',
  'sunny',
  'wild',
];
const NAME_NOUNS = [
  'river',
  'falcon',
  'meadow',
  'comet',
  'harbor',
  'pine',
  'canyon',
  'ember',
  'glacier',
  'otter',
];

/**
 * Generates a random lower-case `<adjective>-<noun>` device name.
 * @throws never
 * @example
 * generateDeviceName(); // 'misty-harbor'
 */
export function generateDeviceName(): string {
  return `${NAME_ADJECTIVES[randomInt(NAME_ADJECTIVES.length)]}-${NAME_NOUNS[randomInt(NAME_NOUNS.length)]}`;
}

/**
 * Checks an organization handle: word characters only, lower case, 1..100 characters.
 * @param handle the proposed handle
 * @throws never
 * @example
 * checkOrganizationHandle('Foo'); // 'Handles must be lowercase'
 */
export function checkOrganizationHandle(handle: unknown): string | undefined {
  if (typeof handle !== 'string' || !/^\w+$/.test(handle)) {
    return 'Handles can only contain alphanumeric characters and underscores';
  }
  if (handle !== handle.toLowerCase()) return 'Handles must be lowercase';
  if (handle.length > 100) return 'Handles must be at most 100 characters long';
  return undefined;
}

/**
 * Checks an application name against the open-balena character rule (length is a model rule).
 * @param name the proposed app name
 * @throws never
 * @example
 * checkAppNameCharacters('my app'); // 'App name may only contain [a-zA-Z0-9_-].'
 */
export function checkAppNameCharacters(name: unknown): string | undefined {
  if (typeof name === 'string' && /^[a-zA-Z0-9_-]*$/.test(name)) return undefined;
  return 'App name may only contain [a-zA-Z0-9_-].';
}

/**
 * Normalises a username or derived handle: every run of non-word characters becomes `_`, then lower-case.
 * @param name the raw name
 * @throws never
 * @example
 * normalizeHandle('Jane Doe!'); // 'jane_doe_'
 */
export function normalizeHandle(name: string): string {
  return name.replace(/\W+/g, '_').toLowerCase();
}

/**
 * Builds an application slug: lower-case `<org handle>/<app name>`.
 * @param handle the owning organization's handle
 * @param appName the application name
 * @throws never
 * @example
 * buildApplicationSlug('gh_jane', 'MyFleet'); // 'gh_jane/myfleet'
 */
export function buildApplicationSlug(handle: string, appName: string): string {
  return `${handle}/${appName}`.toLowerCase();
}
