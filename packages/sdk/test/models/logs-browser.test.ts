// sdk.logs in headless Chromium from the UMD bundle (built `dist/`): history, and a live subscription
// read with `for await` over the browser's own fetch streams, ended by an AbortSignal.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedDevice } from 'balena-local-api/testing';
import { launchChromium } from '../browser/chromium.js';
import { serveStatic, type StaticServer } from '../browser/static-server.js';
import { createTestFleet, loginNewUser, type LoggedInUser } from './helpers.js';
import { startTestDevice } from './device-fixtures.js';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8" /><script src="/balena-browser.min.js"></script></head>
<body><script>
window.TEST_RESULT = (async () => {
  const { apiUrl, token, uuid } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  const sdk = window.balenaSdk.getSdk({ apiUrl });
  await sdk.auth.loginWithToken(token);
  const history = (await sdk.logs.history(uuid, { count: 2 })).map((line) => line.message);
  const controller = new AbortController();
  const subscription = await sdk.logs.subscribe(uuid, { signal: controller.signal });
  subscription.once('connect', () => { window.CONNECTED = true; });
  const live = [];
  for await (const line of subscription) {
    live.push(line.message);
    if (live.length === 3) controller.abort();
  }
  return { history, live, closed: subscription.closed };
})().catch((error) => ({ error: error.name + ': ' + error.message }));
</script></body></html>`;

let browser: Browser;
let site: StaticServer;
let owner: LoggedInUser;
let device: SimulatedDevice;

beforeAll(async () => {
  owner = await loginNewUser();
  const fleet = await createTestFleet(owner);
  device = await startTestDevice(owner, fleet.id);
  for (const message of ['old 0', 'old 1', 'old 2']) await device.sendLog(message);
  browser = await launchChromium();
  const pageDir = await mkdtemp(path.join(os.tmpdir(), 'logs-page-'));
  await writeFile(path.join(pageDir, 'logs.html'), PAGE);
  site = await serveStatic([pageDir, distDir]);
}, 120_000);

afterAll(async () => {
  await site?.close();
  await browser?.close();
  await device?.stop();
});

describe('sdk.logs in Chromium', () => {
  it('reads history and iterates live lines until aborted', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      const params = { apiUrl: owner.apiUrl, token: owner.user.token, uuid: device.uuid };
      await page.goto(`${site.url}/logs.html#${encodeURIComponent(JSON.stringify(params))}`);
      await page.waitForFunction(() => 'CONNECTED' in window, undefined, { timeout: 60_000 });
      for (const message of ['live 0', 'live 1', 'live 2']) await device.sendLog(message);
      await page.waitForFunction(() => 'TEST_RESULT' in window, undefined, { timeout: 60_000 });
      const result = await page.evaluate('window.TEST_RESULT');
      expect(pageErrors).toEqual([]);
      expect(result).toEqual({
        history: ['old 1', 'old 2'],
        live: ['live 0', 'live 1', 'live 2'],
        closed: true,
      });
    } finally {
      await page.close();
    }
  }, 120_000);
});
