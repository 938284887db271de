/// <reference types="node" />
import { join } from 'node:path';
import { parseYamlLite, type SettingsTree, type SettingsValue } from './yaml-lite.js';

/** Settings as balena-settings-client exposes them: plain values after defaults were computed. */
export type SettingsRecord = Record<string, SettingsValue>;

// node:os and node:fs/promises are imported when settings are first read, not at SDK start-up.
async function userHome(): Promise<string> {
  const { homedir, tmpdir } = await import('node:os');
  try {
    return homedir() || tmpdir();
  } catch {
    return tmpdir();
  }
}

// `.name` on Unix, `_name` on Windows, as the official settings client hides dot-folders.
function hidden(name: string): string {
  return process.platform === 'win32' ? `_${name}` : `.${name}`;
}

type Defaults = Record<string, SettingsValue | ((settings: SettingsRecord) => SettingsValue)>;

function proxyUrlFor(balenaUrl: string): string {
  if (balenaUrl === 'balena-cloud.com') return 'balena-devices.com';
  if (balenaUrl === 'balena-staging.com') return 'balena-staging-devices.com';
  if (balenaUrl === 'resin.io') return 'resindevice.io';
  return `devices.${balenaUrl}`;
}

/**
 * The defaults of balena-settings-client; functions are computed from the merged settings.
 *
 * @param home - the user's home directory (the data directory lives under it).
 * @returns the defaults by setting name.
 * @example
 * const defaults = settingsDefaults('/home/me');
 */
export function settingsDefaults(home: string): Defaults {
  return {
    balenaUrl: 'balena-cloud.com',
    apiUrl: (s) => `https://api.${String(s.balenaUrl)}`,
    vpnUrl: (s) => `vpn.${String(s.balenaUrl)}`,
    registryUrl: (s) => `registry.${String(s.balenaUrl)}`,
    registry2Url: (s) => `registry2.${String(s.balenaUrl)}`,
    deltaUrl: (s) => `https://delta.${String(s.balenaUrl)}`,
    dashboardUrl: (s) => `https://dashboard.${String(s.balenaUrl)}`,
    proxyUrl: (s) => proxyUrlFor(String(s.balenaUrl)),
    tunnelUrl: (s) => `tunnel.${String(s.balenaUrl)}`,
    dataDirectory: join(home, hidden('balena')),
    projectsDirectory: join(home, 'BalenaProjects'),
    cacheDirectory: (s) => join(String(s.dataDirectory), 'cache'),
    binDirectory: (s) => join(String(s.dataDirectory), 'bin'),
    imageCacheTime: 7 * 24 * 60 * 60 * 1000,
    tokenRefreshInterval: 60 * 60 * 1000,
    apiKeyVariable: 'BALENA_API_KEY',
  };
}

async function readSettingsFile(path: string): Promise<SettingsTree> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {};
    }
    throw error;
  }
  try {
    return parseYamlLite(text);
  } catch (error) {
    throw new Error(`Error parsing config file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function renameResinKeys(tree: SettingsTree): SettingsTree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key.replace('resin', 'balena'), value]),
  );
}

/**
 * Turns a `BALENARC_*` / `RESINRC_*` variable name into a setting name (`BALENARC_DATA_DIRECTORY`
 * → `dataDirectory`).
 *
 * @param variable - the environment variable name.
 * @returns the camel-cased setting name.
 * @example
 * settingNameFromEnv('BALENARC_BALENA_URL'); // 'balenaUrl'
 */
export function settingNameFromEnv(variable: string): string {
  const words = variable
    .trim()
    .replace(/^(BALENARC|RESINRC)_/i, '')
    .replace(/(^|_)RESIN(_|$)/, '$1BALENA$2')
    .split(/_+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
  return words
    .map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1)))
    .join('');
}

function environmentSettings(env: NodeJS.ProcessEnv): SettingsTree {
  const tree: SettingsTree = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^(BALENARC_|RESINRC_)./i.test(name) && value) {
      tree[settingNameFromEnv(name)] = value;
    }
  }
  return tree;
}

function deepMerge(target: SettingsTree, source: SettingsTree): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (
      value !== null &&
      typeof value === 'object' &&
      existing !== null &&
      typeof existing === 'object'
    ) {
      deepMerge(existing, value);
    } else {
      target[key] = value;
    }
  }
}

/**
 * Reads the settings the way balena-settings-client does, later sources winning: defaults,
 * `~/.resinrc.yml`, `~/.balenarc.yml`, `./resinrc.yml`, `./balenarc.yml`, then `BALENARC_*` /
 * `RESINRC_*` environment variables. Computed defaults see the merged values.
 *
 * @param env - the environment (defaults to `process.env`).
 * @param cwd - the project directory (defaults to `process.cwd()`).
 * @returns every setting with its final value.
 * @throws {Error} when a settings file cannot be read or parsed.
 * @example
 * const { dataDirectory } = await readNodeSettings();
 */
export async function readNodeSettings(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Promise<SettingsRecord> {
  const home = await userHome();
  const sources: SettingsTree[] = [
    renameResinKeys(await readSettingsFile(join(home, hidden('resinrc.yml')))),
    await readSettingsFile(join(home, hidden('balenarc.yml'))),
    renameResinKeys(await readSettingsFile(join(cwd, 'resinrc.yml'))),
    await readSettingsFile(join(cwd, 'balenarc.yml')),
    environmentSettings(env),
  ];
  const merged: SettingsTree = {};
  for (const source of sources) {
    deepMerge(merged, source);
  }
  const defaults = settingsDefaults(home);
  const plain: SettingsRecord = { ...merged };
  for (const [key, value] of Object.entries(defaults)) {
    if (!(key in plain) && typeof value !== 'function') {
      plain[key] = value;
    }
  }
  for (const [key, value] of Object.entries(defaults)) {
    if (!(key in merged) && typeof value === 'function') {
      plain[key] = value(plain);
    }
  }
  return plain;
}
