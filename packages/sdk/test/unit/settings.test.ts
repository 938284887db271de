/// <reference types="node" />
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings as readBrowserSettings } from '../../src/platform/browser.js';
import { readNodeSettings, settingNameFromEnv } from '../../src/platform/node-settings.js';
import { parseYamlLite } from '../../src/platform/yaml-lite.js';
import { getSdk } from '../../src/sdk.js';

describe('parseYamlLite', () => {
  it('parses flat and nested key: value files with comments and quoting', () => {
    const text = [
      '# balenarc',
      'balenaUrl: balena-staging.com  # staging',
      "dataDirectory: '/tmp/it''s'",
      'proxy:',
      '  host: "proxy.local"',
      '  port: 8080',
      'debug: true',
      'empty:',
      'nothing: ~',
    ].join('\n');
    expect(parseYamlLite(text)).toEqual({
      balenaUrl: 'balena-staging.com',
      dataDirectory: "/tmp/it's",
      proxy: { host: 'proxy.local', port: 8080 },
      debug: true,
      empty: null,
      nothing: null,
    });
  });

  it('rejects lines it does not understand', () => {
    expect(() => parseYamlLite('- a list item')).toThrow('Unsupported YAML line');
  });
});

describe('node settings', () => {
  let home: string;
  let project: string;
  let savedHome: string | undefined;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'balena-home-'));
    project = await mkdtemp(join(tmpdir(), 'balena-project-'));
    savedHome = process.env.HOME;
    process.env.HOME = home;
  });
  afterEach(async () => {
    process.env.HOME = savedHome;
    await rm(home, { recursive: true, force: true });
    await rm(project, { recursive: true, force: true });
  });

  it('uses the defaults when there are no files or variables', async () => {
    const settings = await readNodeSettings({}, project);
    expect(settings.apiUrl).toBe('https://api.balena-cloud.com');
    expect(settings.dataDirectory).toBe(join(home, '.balena'));
    expect(settings.proxyUrl).toBe('balena-devices.com');
    expect(settings.cacheDirectory).toBe(join(home, '.balena', 'cache'));
    expect(settings.tokenRefreshInterval).toBe(3_600_000);
  });

  it('layers ~/.balenarc.yml, ./balenarc.yml and BALENARC_* variables, later winning', async () => {
    await writeFile(
      join(home, '.balenarc.yml'),
      'balenaUrl: example.com\ndataDirectory: /from/home\n',
    );
    await writeFile(join(project, 'balenarc.yml'), 'dataDirectory: /from/project\n');
    const settings = await readNodeSettings({ BALENARC_DATA_DIRECTORY: '/from/env' }, project);
    expect(settings.balenaUrl).toBe('example.com');
    expect(settings.apiUrl).toBe('https://api.example.com');
    expect(settings.proxyUrl).toBe('devices.example.com');
    expect(settings.dataDirectory).toBe('/from/env');
    expect((await readNodeSettings({}, project)).dataDirectory).toBe('/from/project');
  });

  it('renames resin keys of legacy resinrc files', async () => {
    await writeFile(join(home, '.resinrc.yml'), 'resinUrl: legacy.example\n');
    expect((await readNodeSettings({}, project)).balenaUrl).toBe('legacy.example');
  });

  it('maps environment variable names to setting names', () => {
    expect(settingNameFromEnv('BALENARC_DATA_DIRECTORY')).toBe('dataDirectory');
    expect(settingNameFromEnv('RESINRC_RESIN_URL')).toBe('balenaUrl');
    expect(settingNameFromEnv('balenarc_api_url')).toBe('apiUrl');
  });

  it('sdk.settings.get/getAll read the same settings; unknown keys reject', async () => {
    process.env.BALENARC_BALENA_URL = 'sdk.example';
    try {
      const sdk = getSdk({ dataDirectory: false });
      expect(await sdk.settings.get('apiUrl')).toBe('https://api.sdk.example');
      expect((await sdk.settings.getAll()).balenaUrl).toBe('sdk.example');
      await expect(sdk.settings.get('noSuchSetting')).rejects.toThrow(
        'Setting not found: noSuchSetting',
      );
    } finally {
      delete process.env.BALENARC_BALENA_URL;
    }
  });

  it('the default data directory comes from BALENARC_DATA_DIRECTORY, read on first token use', async () => {
    const dataDirectory = join(home, 'custom-data');
    process.env.BALENARC_DATA_DIRECTORY = dataDirectory;
    try {
      const sdk = getSdk({ apiUrl: 'https://api.test.local/' });
      await sdk.auth.loginWithToken('envDirKey');
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(join(dataDirectory, 'token'), 'utf8')).toBe('envDirKey');
    } finally {
      delete process.env.BALENARC_DATA_DIRECTORY;
    }
  });
});

describe('browser settings', () => {
  it('rejects with a clear message', async () => {
    await expect(readBrowserSettings()).rejects.toThrow('not available in the browser');
  });
});
