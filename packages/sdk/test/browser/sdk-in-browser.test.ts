// The SDK's browser builds in headless Chromium against the local API: the UMD bundle from a plain
// <script> tag, and the ESM build as Vite and esbuild bundle it with default settings.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestUser, type TestUser } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';
import { launchChromium } from './chromium.js';
import { serveStatic, type StaticServer } from './static-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '../..');
const fixtures = path.join(here, 'fixtures');
const appDir = path.join(fixtures, 'app');

interface PageResult {
  fleets?: string[];
  tokenInLocalStorage?: boolean;
  settingsError?: string;
  error?: string;
}

const apiUrl = inject('apiUrl');
let browser: Browser;
let user: TestUser;
const fleetName = `browserfleet${Date.now().toString(36)}`;
const servers: StaticServer[] = [];

async function serve(roots: string[]): Promise<StaticServer> {
  const server = await serveStatic(roots);
  servers.push(server);
  return server;
}

async function runPage(pageUrl: string): Promise<PageResult> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  try {
    const config = { apiUrl, email: user.email, password: user.password };
    await page.goto(`${pageUrl}#${encodeURIComponent(JSON.stringify(config))}`);
    await page.waitForFunction(() => 'TEST_RESULT' in window);
    const result = (await page.evaluate('window.TEST_RESULT')) as PageResult;
    expect(consoleErrors).toEqual([]);
    return result;
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  user = await createTestUser(apiUrl);
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  await sdk.auth.loginWithToken(user.token);
  await sdk.models.application.create({
    name: fleetName,
    deviceType: 'raspberrypi3',
    organization: user.username,
  });
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await browser?.close();
});

describe('balena-sdk in Chromium', () => {
  it('the UMD bundle from a <script> tag logs in, lists fleets, stores the token in localStorage', async () => {
    const site = await serve([fixtures, path.join(packageDir, 'dist')]);
    const result = await runPage(`${site.url}/umd.html`);
    expect(result).toEqual({
      fleets: [fleetName],
      tokenInLocalStorage: true,
      settingsError: expect.stringMatching(/not available in the browser/),
    });
  });

  it('the ESM build bundled by esbuild with default settings does the same', async () => {
    const outdir = await mkdtemp(path.join(os.tmpdir(), 'balena-sdk-esbuild-'));
    const built = await esbuild.build({
      entryPoints: [path.join(appDir, 'main.js')],
      bundle: true,
      outdir,
      logLevel: 'silent',
    });
    expect(built.errors).toEqual([]);
    const site = await serve([outdir, appDir]);
    // index.html loads ./main.js: the esbuild output (an IIFE, esbuild's default) is served first.
    const result = await runPage(`${site.url}/index.html`);
    expect(result).toEqual({ fleets: [fleetName], tokenInLocalStorage: true });
  });

  it('the ESM build bundled by Vite with default settings does the same', async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'balena-sdk-vite-'));
    await viteBuild({
      root: appDir,
      configFile: false,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    const site = await serve([outDir]);
    const result = await runPage(`${site.url}/`);
    expect(result).toEqual({ fleets: [fleetName], tokenInLocalStorage: true });
  });
});
