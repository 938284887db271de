// Vitest global setup: one local API per test run, its URL provided to every test file as `apiUrl`.
import type { TestProject } from 'vitest/node';
import { startTestServer } from './index.js';

/**
 * Starts the shared test server and provides its URL; the returned function stops it.
 * @param project the vitest project, used to `provide('apiUrl', ...)`.
 * @throws when the server fails to start.
 * @example
 * // vitest.config.ts: test: { globalSetup: ['balena-local-api/testing/global-setup'] }
 * // in a test: const apiUrl = inject('apiUrl');
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  project.provide('apiUrl', server.apiUrl);
  return () => server.close();
}
