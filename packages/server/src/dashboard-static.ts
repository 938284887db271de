// Serves the dashboard (apps/dashboard, built by the root `npm run build`) at /dashboard/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

/** Where the built dashboard lives in this repository. */
export const DASHBOARD_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../apps/dashboard/dist',
);

/**
 * Mounts the built dashboard at `/dashboard/` (and redirects `/` there) when it has been built.
 *
 * @param app - the express app.
 * @param dashboardDir - the built files; defaults to `apps/dashboard/dist`.
 * @returns whether the dashboard is served.
 * @example
 * installDashboard(app);
 */
export function installDashboard(app: Express, dashboardDir = DASHBOARD_DIST): boolean {
  if (!existsSync(path.join(dashboardDir, 'index.html'))) return false;
  app.use('/dashboard', express.static(dashboardDir, { index: 'index.html' }));
  app.get('/', (_req, res) => res.redirect(302, '/dashboard/'));
  return true;
}
