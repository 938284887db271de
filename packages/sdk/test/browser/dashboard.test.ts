// The dashboard end to end in Chromium, served by the local API at /dashboard/: log in, fleets,
// a device, env var and tag edits, reboot reaching a simulated device, live logs, OS download.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createTestUser,
  startSimulatedFleetDevice,
  type SimulatedDevice,
  type TestUser,
} from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';
import { launchChromium } from './chromium.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const screenshots = path.join(repoRoot, 'test-results/dashboard');
const apiUrl = inject('apiUrl');
const fleetName = `dashfleet${Date.now().toString(36)}`;

let browser: Browser;
let page: Page;
let user: TestUser;
let device: SimulatedDevice;
let fleetId: number;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  user = await createTestUser(apiUrl);
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  await sdk.auth.loginWithToken(user.token);
  const fleet = await sdk.models.application.create({
    name: fleetName,
    deviceType: 'raspberrypi3',
    organization: user.username,
  });
  fleetId = fleet.id;
  device = await startSimulatedFleetDevice({
    apiUrl,
    token: user.token,
    applicationId: fleetId,
    deviceType: 'raspberrypi3',
    pollIntervalMs: 1000,
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await device?.stop();
});

describe('dashboard', () => {
  it('logs in and lists the fleets', async () => {
    const response = await page.goto(`${apiUrl}/dashboard/`);
    expect(response?.status(), 'the dashboard is built (npm run build) and served').toBe(200);
    await page.fill('input[name=email]', user.email);
    await page.fill('input[name=password]', user.password);
    await shot('1-login');
    await page.click('button[type=submit]');
    await page.waitForSelector(`[data-fleet="${fleetName}"]`);
    await shot('2-fleets');
  });

  it('opens the fleet and the device with its status', async () => {
    await page.click(`[data-fleet="${fleetName}"]`);
    const row = page.locator('tr[data-device]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await shot('3-fleet');
    await row.locator('a').click();
    await page.waitForSelector('.facts');
    expect(await page.textContent('.facts')).toContain(device.uuid);
  });

  it('adds and edits an environment variable and a tag', async () => {
    const envPanel = page.locator('[data-panel="Environment variables"]');
    await envPanel.locator('input[name=key]').fill('GREETING');
    await envPanel.locator('input[name=value]').fill('hello');
    await envPanel.locator('button[type=submit]').click();
    await envPanel.locator('tr[data-key="GREETING"]').waitFor();
    await envPanel.locator('tr[data-key="GREETING"] input').fill('bonjour');
    await envPanel.locator('tr[data-key="GREETING"] button', { hasText: 'Save' }).click();

    const tagPanel = page.locator('[data-panel="Tags"]');
    await tagPanel.locator('input[name=key]').fill('room');
    await tagPanel.locator('input[name=value]').fill('kitchen');
    await tagPanel.locator('button[type=submit]').click();
    await tagPanel.locator('tr[data-key="room"]').waitFor();

    const sdk = getSdk({ apiUrl, dataDirectory: false });
    await sdk.auth.loginWithToken(user.token);
    await expect
      .poll(() => sdk.models.device.envVar.get(device.uuid, 'GREETING'), { timeout: 10_000 })
      .toBe('bonjour');
    const tags = await sdk.models.device.tags.getAllByDevice(device.uuid);
    expect(tags.map((tag) => [tag.tag_key, tag.value])).toEqual([['room', 'kitchen']]);
  });

  it('reboots the device through the supervisor', async () => {
    await page.click('button:has-text("Reboot")');
    const command = await device.waitForCommand('/v1/reboot', 15_000);
    expect(command.path).toBe('/v1/reboot');
    await page.waitForSelector('.action-status:has-text("sent to the device")');
  });

  it('shows live logs', async () => {
    await page.waitForSelector('.logs .pill:has-text("live")');
    await device.sendLog('hello from the simulated device');
    await page.waitForSelector('.log-lines li:has-text("hello from the simulated device")');
    await shot('4-device');
  });

  it('downloads an OS image with a progress bar', async () => {
    await page.click('a:has-text("Fleets")');
    await page.click(`[data-fleet="${fleetName}"]`);
    await page.click('button:has-text("Download OS image")');
    const save = page.locator('.os-download a.button');
    await save.waitFor({ timeout: 60_000 });
    expect(
      await page
        .locator('.os-download progress')
        .evaluate((bar) => (bar as HTMLProgressElement).value),
    ).toBe(100);
    expect(await save.textContent()).toMatch(/^Save raspberrypi3\.img \(\d+\.\d MB\)$/);
    await shot('5-os-download');
  });
});
