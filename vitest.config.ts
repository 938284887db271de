import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'packages/sdk/vitest.config.ts',
      'packages/sdk/vitest.api.config.ts',
      'packages/sdk/vitest.browser.config.ts',
      'packages/server',
    ],
  },
});
