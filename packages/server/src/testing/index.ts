// Test helpers: a throw-away local API on a free port, and users created over HTTP.
import path from 'node:path';
import os from 'node:os';
import type { RunningServer, ServerOptions } from '../server.js';
import { createTestUser, type NewTestUser, type TestUser } from './users.js';

export { createTestUser, type NewTestUser, type TestUser } from './users.js';
export { ensureCompiledServer } from './compiled-server.js';

// Importing this module types `inject('apiUrl')` in test files (the value comes from global-setup.ts).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the local API started for this test run. */
    apiUrl: string;
  }
}
export {
  startSimulatedDevice,
  startSimulatedFleetDevice,
  SimulatedDevice,
  DeviceApiError,
  type FleetDeviceOptions,
  type RecordedCommand,
  type SimulatedDeviceOptions,
} from '../simulator/index.js';

/** A local API started for tests. */
export interface TestServer {
  /** Base URL to give the SDK as `apiUrl`. */
  apiUrl: string;
  /** Stops the server and drops its in-memory database. */
  close(): Promise<void>;
  /** Registers a user (personal organization included) and returns its credentials and a session token. */
  createUser(input?: NewTestUser): Promise<TestUser>;
}

/**
 * Starts the local API on a free loopback port with an in-memory database.
 *
 * pinejs keeps global state, so only one server can run per process: start it once per test run
 * (see `global-setup.ts`) and share its `apiUrl`.
 * @param options overrides of the server options (e.g. `databaseUrl` to test on PostgreSQL).
 * @throws when a server already runs in this process or the database fails to start.
 * @example
 * const server = await startTestServer();
 * const user = await server.createUser();
 * await server.close();
 */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  // The compiled-model cache would otherwise land in the working directory.
  process.env.PINEJS_CACHE_FILE ??= path.join(os.tmpdir(), 'balena-local-api-pinejs-cache.json');
  const { createServer } = await import('../server.js');
  const server: RunningServer = await createServer({
    dataDir: 'memory://',
    quiet: true,
    ...options,
  });
  return {
    apiUrl: server.url,
    close: () => server.close(),
    createUser: (input) => createTestUser(server.url, input),
  };
}
