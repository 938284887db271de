import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // pinejs caches compiled models in this file (default: .pinejs-cache.json in the working directory).
    env: { PINEJS_CACHE_FILE: path.join(os.tmpdir(), 'balena-local-api-pinejs-cache.json') },
  },
});
