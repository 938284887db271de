// Checks the built package as a consumer sees it: `npm test` builds `dist/` before running this file.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (file: string) => path.join(packageDir, 'dist', file);
const requireFromPackage = createRequire(path.join(packageDir, 'package.json'));

const FACTORY_EXPORTS = ['fromSharedOptions', 'getSdk', 'setSharedOptions'];
/** gzip budget of the complete UMD bundle (the official SDK's is 143 KB). */
const UMD_GZIP_BUDGET_BYTES = 40 * 1024;

// Web APIs every supported browser has and the bundle uses while loading (class declarations).
const BROWSER_GLOBALS = { ReadableStream };

function loadUmd(code: string, sandbox: Record<string, unknown>): void {
  vm.runInNewContext(code, Object.assign(sandbox, BROWSER_GLOBALS), {
    filename: 'balena-browser.min.js',
  });
}

describe('package entry points', () => {
  it('the ESM build (node condition) exports the factory functions', async () => {
    const sdk = await import(/* @vite-ignore */ dist('node/index.mjs'));
    for (const name of FACTORY_EXPORTS) expect(typeof sdk[name]).toBe('function');
  });

  it('the CJS build is what `require("balena-sdk")` resolves to, with the same exports', () => {
    expect(requireFromPackage.resolve('balena-sdk')).toBe(dist('node/index.cjs'));
    const sdk = requireFromPackage('balena-sdk');
    for (const name of FACTORY_EXPORTS) expect(typeof sdk[name]).toBe('function');
  });

  it('the browser ESM build exports the factory functions', async () => {
    const sdk = await import(/* @vite-ignore */ dist('browser/index.js'));
    for (const name of FACTORY_EXPORTS) expect(typeof sdk[name]).toBe('function');
  });

  it('browser builds contain no Node built-in and no require()', async () => {
    for (const file of ['browser/index.js', 'balena-browser.min.js']) {
      const code = await readFile(dist(file), 'utf8');
      expect(code, file).not.toMatch(/\bfrom\s*["'`]node:|\brequire\(\s*["'`]node:/);
      expect(code, file).not.toMatch(
        /\brequire\(\s*["'`](fs|path|os|stream|http|https|crypto)["'`]/,
      );
    }
  });
});

describe('UMD bundle balena-browser.min.js', () => {
  it('registers the `balenaSdk` global when no module system is present', async () => {
    const code = await readFile(dist('balena-browser.min.js'), 'utf8');
    const sandbox: Record<string, unknown> = {};
    sandbox.self = sandbox;
    sandbox.globalThis = sandbox;
    loadUmd(code, sandbox);
    const global = sandbox.balenaSdk as Record<string, unknown>;
    for (const name of FACTORY_EXPORTS) expect(typeof global[name]).toBe('function');
  });

  it('fills `module.exports` under CommonJS', async () => {
    const code = await readFile(dist('balena-browser.min.js'), 'utf8');
    const module = { exports: {} as Record<string, unknown> };
    loadUmd(code, { module, exports: module.exports });
    for (const name of FACTORY_EXPORTS) expect(typeof module.exports[name]).toBe('function');
  });

  it('registers an AMD module that resolves to the SDK', async () => {
    const code = await readFile(dist('balena-browser.min.js'), 'utf8');
    const registered: Record<string, unknown>[] = [];
    const define = (deps: string[], factory: (...args: unknown[]) => void) => {
      const exports: Record<string, unknown> = {};
      factory(...deps.map((dep) => (dep === 'exports' ? exports : undefined)));
      registered.push(exports);
    };
    define.amd = {};
    loadUmd(code, { define });
    expect(registered).toHaveLength(1);
    for (const name of FACTORY_EXPORTS) expect(typeof registered[0][name]).toBe('function');
  });

  it(`stays within the ${UMD_GZIP_BUDGET_BYTES / 1024} KB gzip budget`, async () => {
    const gzipped = gzipSync(await readFile(dist('balena-browser.min.js'))).length;
    expect(gzipped).toBeLessThanOrEqual(UMD_GZIP_BUDGET_BYTES);
  });
});

describe('package.json', () => {
  it('is publint clean', async () => {
    const { publint } = await import('publint');
    const { messages } = await publint({ pkgDir: packageDir, strict: true, level: 'suggestion' });
    expect(messages).toEqual([]);
  });
});
