// os.download in headless Chromium from the UMD bundle (built `dist/`): the whole image as a web ReadableStream,
// checksum verified by the portable SHA-256, progress events, and an abort.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../browser/chromium.js';
import { serveStatic, type StaticServer } from '../browser/static-server.js';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8" /><script src="/balena-browser.min.js"></script></head>
<body><script>
window.TEST_RESULT = (async () => {
  const { apiUrl } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  const sdk = window.balenaSdk.getSdk({ apiUrl });
  const image = { deviceType: 'raspberrypi', version: '6.0.10' };
  const drain = async (stream) => {
    const reader = stream.getReader();
    let bytes = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.length;
    return bytes;
  };
  const stream = await sdk.models.os.download(image);
  let events = 0;
  let lastPercent;
  stream.on('progress', (progress) => { events += 1; lastPercent = progress.percent; });
  const bytes = await drain(stream);
  const controller = new AbortController();
  const aborted = await sdk.models.os.download(image, { signal: controller.signal });
  aborted.on('progress', ({ received }) => { if (received > 2000000) controller.abort(); });
  const abortError = await drain(aborted).then(() => 'completed', (error) => error.name);
  return {
    isReadableStream: stream instanceof ReadableStream,
    bytes, total: stream.total, checksum: stream.checksum, events, lastPercent,
    abortError, abortedBefore: aborted.received < aborted.total,
  };
})().catch((error) => ({ error: error.name + ': ' + error.message }));
</script></body></html>`;

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  const pageDir = await mkdtemp(path.join(os.tmpdir(), 'os-download-page-'));
  await writeFile(path.join(pageDir, 'os-download.html'), PAGE);
  site = await serveStatic([pageDir, distDir]);
});

afterAll(async () => {
  await site?.close();
  await browser?.close();
});

describe('os.download in Chromium', () => {
  it('streams and verifies the whole image, reports progress, and aborts', async () => {
    const apiUrl = inject('apiUrl');
    const head = await fetch(
      `${apiUrl.replace(/\/$/, '')}/download?deviceType=raspberry-pi&version=6.0.10`,
      {
        method: 'HEAD',
      },
    );
    const size = Number(head.headers.get('content-length'));
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(
        `${site.url}/os-download.html#${encodeURIComponent(JSON.stringify({ apiUrl }))}`,
      );
      await page.waitForFunction(() => 'TEST_RESULT' in window, undefined, { timeout: 120_000 });
      const result = await page.evaluate('window.TEST_RESULT');
      expect(pageErrors).toEqual([]);
      expect(result).toEqual({
        isReadableStream: true,
        bytes: size,
        total: size,
        checksum: head.headers.get('x-checksum-sha256'),
        events: expect.any(Number),
        lastPercent: 100,
        abortError: 'AbortError',
        abortedBefore: true,
      });
    } finally {
      await page.close();
    }
  }, 180_000);
});
