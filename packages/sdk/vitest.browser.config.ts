import { defineConfig } from 'vitest/config';

// The SDK in headless Chromium (Debian `chromium` driven by playwright-core) against the local
// API started by the global setup. `npm test` builds `dist/` first; these tests load the builds.
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['balena-local-api/testing/global-setup'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
