import path from 'node:path';
import { defineConfig, type UserConfig } from 'tsdown';

const platformIndex = path.resolve('src/platform/index.ts');
const platformBrowser = path.resolve('src/platform/browser.ts');

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

const shared: UserConfig = {
  entry: { index: 'src/index.ts' },
  target: 'es2020',
  sourcemap: false,
  tsconfig: 'tsconfig.build.json',
};

export default defineConfig([
  { ...shared, format: ['esm', 'cjs'], outDir: 'dist/node', platform: 'node', dts: true },
  // The public types do not depend on the platform: the browser build reuses the Node build's.
  {
    ...shared,
    format: ['esm'],
    outDir: 'dist/browser',
    platform: 'browser',
    dts: false,
    plugins: [browserPlatform],
  },
  {
    ...shared,
    entry: { 'balena-browser.min': 'src/index.ts' },
    format: ['umd'],
    globalName: 'balenaSdk',
    outDir: 'dist',
    platform: 'browser',
    minify: true,
    dts: false,
    clean: false,
    plugins: [browserPlatform],
    outputOptions: { entryFileNames: '[name].js' },
  },
]);
