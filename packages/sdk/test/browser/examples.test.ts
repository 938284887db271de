// examples/browser/index.html in headless Chromium, served from the repository root as its header
// comment says (another origin than the API's, so CORS is exercised): the UMD build from a <script>
// tag logs in with the form and lists the user's fleets. Needs a built SDK (`npm test` builds first).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestUser, type TestUser } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';
import { launchChromium } from './chromium.js';
import { serveStatic, type StaticServer } from './static-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const apiUrl = inject('apiUrl');
let browser: Browser;
let site: StaticServer;
let user: TestUser;

/** Opens the example, fills the form as a user would, submits it and waits for the outcome. */
async function logInThroughThePage(password: string) {
  const page: Page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(`${site.url}/examples/browser/index.html`);
    await page.fill('input[name=apiUrl]', apiUrl);
    await page.fill('input[name=email]', user.email);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.waitForFunction(
      () =>
        !/^(Not logged in|Logging in)/.test(document.getElementById('status')?.textContent ?? ''),
    );
    return {
      status: await page.textContent('#status'),
      fleets: await page.$$eval('#fleets li', (items) => items.map((item) => item.textContent)),
      pageErrors,
    };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveStatic([repoRoot]);
  user = await createTestUser(apiUrl);
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  await sdk.auth.loginWithToken(user.token);
  for (const [name, deviceType] of [
    ['kiosks', 'raspberrypi3'],
    ['gateways', 'intel-nuc'],
  ]) {
    await sdk.models.application.create({ name, deviceType, organization: user.username });
  }
});

afterAll(async () => {
  await site?.close();
  await browser?.close();
});

describe('examples/browser/index.html', () => {
  it('logs in from the form and lists the fleets with their device types', async () => {
    const result = await logInThroughThePage(user.password);
    expect(result).toEqual({
      status: `Logged in as ${user.username}: 2 fleets.`,
      fleets: [`${user.username}/gateways (intel-nuc)`, `${user.username}/kiosks (raspberrypi3)`],
      pageErrors: [],
    });
  });

  it('shows the SDK error when the password is wrong', async () => {
    const result = await logInThroughThePage('not-the-password');
    expect(result).toEqual({
      status: 'BalenaInvalidLoginCredentials: Invalid login credentials',
      fleets: [],
      pageErrors: [],
    });
  });
});
