// The modular entry as a consumer sees it: subpaths resolve per platform and tree-shake.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** gzip budget of an app using only `auth` and `models.device.get`. */
const MODULAR_APP_GZIP_BUDGET_BYTES = 15 * 1024;

describe('modular entry', () => {
  it(`an app using only auth and models.device.get bundles within ${MODULAR_APP_GZIP_BUDGET_BYTES / 1024} KB gzip`, async () => {
    const built = await esbuild.build({
      entryPoints: [path.join(packageDir, 'test/packaging/fixtures/modular-app.js')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const code = built.outputFiles[0].contents;
    const text = new TextDecoder().decode(code);
    // It is the browser build, and the rest of the device model was left out.
    expect(text).not.toMatch(/node:/);
    expect(text).not.toContain('/supervisor/v1/reboot');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(MODULAR_APP_GZIP_BUDGET_BYTES);
  });

  it('createClient (Node build) builds only the given models and names the fix for a missing one', async () => {
    const { createClient } = await import('balena-sdk/client');
    const { createDeviceModel } = await import('balena-sdk/models/device');
    const client = createClient(
      { apiUrl: 'http://127.0.0.1:9/', dataDirectory: false },
      { device: createDeviceModel },
    );
    expect(typeof client.models.device.get).toBe('function');
    expect(typeof client.auth.login).toBe('function');
    expect(() => (client.models as Record<string, unknown>).application).toThrow(
      /models\.application is not part of this client/,
    );
  });

  it('every model subpath exports its factory', async () => {
    const { MODEL_SUBPATHS } = await import('../../scripts/subpaths.mjs');
    for (const { file, factory } of MODEL_SUBPATHS) {
      const module = await import(`balena-sdk/models/${file}`);
      expect(typeof module[factory], file).toBe('function');
    }
  });
});
