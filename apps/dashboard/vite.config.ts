import { defineConfig } from 'vite';

// Served by the local API under /dashboard/ (see packages/server/src/dashboard-static.ts).
export default defineConfig({
  base: '/dashboard/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
