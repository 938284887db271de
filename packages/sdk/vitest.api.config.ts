import { defineConfig } from 'vitest/config';

// Tests that run against the real local API: one server per test run (PGlite in memory),
// started by the global setup; each test file creates its own users and fixtures.
export default defineConfig({
  test: {
    name: 'sdk-api',
    include: ['test/models/**/*.test.ts', 'test/api/**/*.test.ts'],
    globalSetup: ['balena-local-api/testing/global-setup'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
