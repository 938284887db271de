import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    exclude: ['test/models/**', 'test/api/**', 'test/browser/**', '**/node_modules/**'],
    testTimeout: 20_000,
  },
});
