// Boots the local balena API: express + pinejs serving the v7 model on PGlite or PostgreSQL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import * as pine from '@balena/pinejs';
import { openDatabase, EMBEDDED_MAX_CONNECTIONS, type OpenedDatabase } from './db/index.js';
import { installInputErrorResponses } from './db/error-mapping.js';
import { clearRollbackWatchdogs } from './db/rollback-watchdog.js';
import { API_ROOT, buildModelConfig } from './model/index.js';
import { installHttpBasics, installFallbackHandlers } from './http-basics.js';
import { installConfigRoutes } from './routes/config.js';
import { treatUntranslatableQueriesAsBadRequests } from './odata-errors.js';
import { seedReferenceData } from './seed/index.js';
import { installIdentity } from './identity/index.js';
import { getSigningSecret } from './identity/signing-secret.js';
import { ensurePermissionData } from './permissions/index.js';
import { registerRules } from './rules/index.js';
import { installFeatures } from './features/index.js';
import { installDashboard } from './dashboard-static.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Data folder of the embedded database (default `.data`), or `memory://`. Ignored with `databaseUrl`. */
  dataDir?: string;
  /** `postgres://...` to use PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  /** Silence pinejs's informational logging. */
  quiet?: boolean;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (the SDK's `apiUrl`). */
  url: string;
  /** The port it listens on. */
  port: number;
  /** What it stores data in, for logs ("PGlite at /x/.data"). */
  database: string;
  /** Stops accepting requests, then shuts the database down. Safe to call twice. */
  close(): Promise<void>;
}

// pinejs keeps its models, hooks and database in module state: one server per process.
let running = false;

/**
 * Starts the local balena API: OData under `/v7/`, the identity routes, `/config` and health checks.
 *
 * The reference data (device types, host OS releases, roles) is seeded idempotently on every start.
 * @param options port, host, data folder or PostgreSQL URL; see {@link ServerOptions}.
 * @throws when a server is already running in this process, or the database cannot be opened.
 * @example
 * const server = await createServer({ dataDir: 'memory://' });
 * const res = await fetch(`${server.url}/v7/device_type?$select=slug`);
 * await server.close();
 */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (running) throw new Error('A balena local API server is already running in this process');
  running = true;
  let database: OpenedDatabase | undefined;
  try {
    if (options.quiet) silencePinejsInfo();
    treatUntranslatableQueriesAsBadRequests();
    database = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
    pine.env.db.poolSize = EMBEDDED_MAX_CONNECTIONS;
    const app = express();
    installHttpBasics(app);
    installInputErrorResponses(app, `/${API_ROOT}`);
    installConfigRoutes(app);
    registerRules();
    installIdentity(app);
    const features = installFeatures(app, { dataDir: options.dataDir ?? '.data' });
    await pine.init(
      app,
      {
        models: [buildModelConfig()],
        users: [{ username: 'guest', password: ' ', permissions: [] }],
        webResourceHandler: features.webResourceHandler,
      },
      database.options,
    );
    await pine.sbvrUtils.db.transaction(async (tx) => {
      clearRollbackWatchdogs(tx);
      await ensurePermissionData(tx);
      // Loaded (or created) here, in a writable transaction: the first request after a restart may be a read,
      // whose read-only transaction cannot create the secrets table.
      await getSigningSecret(tx);
      await seedReferenceData(tx);
      await features.afterInit(tx);
    });
    installDashboard(app);
    installFallbackHandlers(app);
    return await listen(app, options, database);
  } catch (err) {
    running = false;
    await database?.close();
    throw err;
  }
}

async function listen(
  app: express.Application,
  options: ServerOptions,
  database: OpenedDatabase,
): Promise<RunningServer> {
  const server = http.createServer(app);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const urlHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    database: database.description,
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Requests still running (log streams, slow clients) get a grace period, then their sockets are closed.
        const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        await closed;
        clearTimeout(grace);
        await database.close();
        running = false;
      })();
      return closing;
    },
  };
}

/** How long close() lets running requests finish before it closes their connections. */
const CLOSE_GRACE_MS = 2_000;

function silencePinejsInfo(): void {
  // pinejs logs each model execution and migration with console.info; keep errors and warnings.
  console.info = () => {};
}
