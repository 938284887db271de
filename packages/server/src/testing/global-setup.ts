// Vitest global setup: one local API per test run, its URL provided to every test file as `apiUrl`.
import type { TestProject } from 'vitest/node';
import { startTestServer, type TestServer } from './index.js';

/**
 * pinejs keeps process-wide state, so every vitest project that lists this global setup shares the
 * one server of the run: the first project starts it, the last one to tear down stops it.
 */
interface SharedServer {
  server: Promise<TestServer>;
  users: number;
}

const SHARED_KEY = Symbol.for('balena-local-api.test-server');
const registry = globalThis as typeof globalThis & { [SHARED_KEY]?: SharedServer };

/**
 * Starts (or joins) the shared test server and provides its URL; the returned function releases it.
 * @param project the vitest project, used to `provide('apiUrl', ...)`.
 * @throws when the server fails to start.
 * @example
 * // vitest.config.ts: test: { globalSetup: ['balena-local-api/testing/global-setup'] }
 * // in a test: const apiUrl = inject('apiUrl');
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (registry[SHARED_KEY] ??= { server: startTestServer(), users: 0 });
  shared.users += 1;
  const server = await shared.server;
  project.provide('apiUrl', server.apiUrl);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[SHARED_KEY];
    await server.close();
  };
}
