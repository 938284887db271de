import path from 'node:path';
import { minify } from 'terser';
import { defineConfig, type UserConfig } from 'tsdown';
import { MODEL_SUBPATHS } from './scripts/subpaths.mjs';

const platformIndex = path.resolve('src/platform/index.ts');
const platformBrowser = path.resolve('src/platform/browser.ts');

/** The modular client and one subpath per model (`balena-sdk/models/device`). */
const MODULAR_ENTRIES: Record<string, string> = {
  client: 'src/client.ts',
  ...Object.fromEntries(
    MODEL_SUBPATHS.map(({ file, entry }) => [
      `models/${file}`,
      entry ?? `src/models/${file}/index.ts`,
    ]),
  ),
};

/**
 * Modules loaded on first use (`await import()`), kept out of the shared chunk: the OS image
 * download stream subclasses `ReadableStream`, and defining it makes Node load its web streams.
 */
const LOADED_ON_FIRST_USE = /[\\/]src[\\/]models[\\/]os[\\/]download-stream\.ts$/;

/** The one chunk of SDK code the Node entries share (JavaScript only: declarations keep theirs). */
const NODE_SHARED_CHUNK = {
  name: (id: string) =>
    /[\\/]src[\\/].*(?<!\.d)\.ts$/.test(id) && !LOADED_ON_FIRST_USE.test(id) ? 'sdk' : null,
};

/** Browsers from 2022 on run ES2022 natively: class fields need no down-levelling helpers. */
const BROWSER_TARGET = 'es2022';

/**
 * Swaps the Node platform module (token file store, settings) for the browser one at build time,
 * so browser builds never contain a Node built-in and the core needs no runtime platform checks.
 */
const browserPlatform = {
  name: 'balena-sdk:browser-platform',
  async resolveId(
    this: {
      resolve: (id: string, importer?: string, opts?: object) => Promise<{ id: string } | null>;
    },
    source: string,
    importer: string | undefined,
  ) {
    if (!source.includes('platform')) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    return resolved?.id === platformIndex ? platformBrowser : null;
  },
};

/**
 * Minifies the UMD bundle with terser (three compress passes, top-level names mangled): about
 * 2% smaller gzip than the built-in minifier on this code.
 */
const terserUmd = {
  name: 'balena-sdk:terser',
  async renderChunk(code: string) {
    const result = await minify(code, {
      ecma: 2020,
      module: false,
      toplevel: true,
      compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
      format: { comments: false },
    });
    return result.code === undefined ? null : { code: result.code, map: null };
  },
};

const shared: UserConfig = {
  entry: { index: 'src/index.ts' },
  target: 'node18',
  sourcemap: false,
  tsconfig: 'tsconfig.build.json',
  // TSDoc lives in the declarations; repeating it in the JavaScript would double the install size.
  outputOptions: { comments: { legal: true, annotation: true, jsdoc: false } },
};

export default defineConfig([
  // The modular entries share chunks with the main entry. Subpath types come from the same
  // declarations (fixed up by scripts/fix-cjs-declarations.mjs).
  {
    ...shared,
    entry: { index: 'src/index.ts', ...MODULAR_ENTRIES },
    format: ['esm', 'cjs'],
    outDir: 'dist/node',
    platform: 'node',
    dts: { cjsReexport: true },
    // Whitespace, dead code and long local names go (a faster cold start: less to parse);
    // function and class names stay, so stack traces stay readable.
    minify: { compress: true, mangle: { keepNames: true, toplevel: false } },
    // Node does not tree-shake: every entry shares one chunk holding the SDK, so `import` reads two
    // files instead of ~20 (about half the cold start).
    outputOptions: { ...shared.outputOptions, codeSplitting: { groups: [NODE_SHARED_CHUNK] } },
  },
  // The public types do not depend on the platform: the browser build reuses the Node build's.
  {
    ...shared,
    entry: { index: 'src/index.ts', ...MODULAR_ENTRIES },
    target: BROWSER_TARGET,
    format: ['esm'],
    outDir: 'dist/browser',
    platform: 'browser',
    dts: false,
    plugins: [browserPlatform],
  },
  {
    ...shared,
    entry: { 'balena-browser.min': 'src/index.ts' },
    target: BROWSER_TARGET,
    format: ['umd'],
    globalName: 'balenaSdk',
    outDir: 'dist',
    platform: 'browser',
    minify: false,
    dts: false,
    clean: false,
    plugins: [browserPlatform, terserUmd],
    outputOptions: { ...shared.outputOptions, entryFileNames: '[name].js' },
  },
]);
