// The database behind pinejs: embedded PGlite served over a unix socket (default), or PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { endTrackedPools, trackPgPools } from './pool-tracker.js';

/** Connection settings pinejs's stock `postgres` engine accepts. */
export type PostgresParams =
  | string
  | { host: string; port: number; user: string; password: string; database: string; max: number };

/** An opened database: what to hand to `pine.init`, and how to shut it down. */
export interface OpenedDatabase {
  /** Database options for `pine.init`. */
  options: { engine: 'postgres'; params: PostgresParams };
  /** Human-readable description ("PGlite at .data", "PostgreSQL"). */
  description: string;
  /** Stops the embedded engine (no-op for an external PostgreSQL). */
  close(): Promise<void>;
}

/** Where the data lives: a folder, `memory://`, or a PostgreSQL URL. */
export interface DatabaseLocation {
  /** Folder for the embedded database, or `memory://` for a throw-away one. */
  dataDir?: string;
  /** `postgres://...`; when set, the embedded database is not started. */
  databaseUrl?: string;
}

/** Both the socket server's client limit and pinejs's pool size: a larger pool gets connections refused. */
export const EMBEDDED_MAX_CONNECTIONS = 10;

export const MEMORY_DATA_DIR = 'memory://';

// PGlite's default unix-socket name, as libpq expects it for `host=<dir>, port=5432`.
const SOCKET_FILE_NAME = '.s.PGSQL.5432';

/**
 * Opens the database the server runs on: PostgreSQL when a URL is given, otherwise embedded PGlite.
 *
 * The embedded engine runs in this process and is reached by pinejs through a unix socket, so
 * pinejs uses its stock PostgreSQL code path for both. PGlite runs one transaction at a time.
 * @param location the data folder (default `.data`, or `memory://`) or a PostgreSQL URL.
 * @throws when the data folder cannot be created or PGlite fails to start.
 * @example
 * const db = await openDatabase({ dataDir: 'memory://' });
 * await pine.init(app, config, db.options);
 */
export async function openDatabase(location: DatabaseLocation): Promise<OpenedDatabase> {
  trackPgPools();
  if (location.databaseUrl) {
    return {
      options: { engine: 'postgres', params: location.databaseUrl },
      description: `PostgreSQL at ${redactUrl(location.databaseUrl)}`,
      close: endTrackedPools,
    };
  }
  const dataDir = location.dataDir ?? '.data';
  const inMemory = dataDir === MEMORY_DATA_DIR;
  let socketDir: string;
  let removeSocketDir = false;
  if (inMemory) {
    socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-local-'));
    removeSocketDir = true;
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    socketDir = path.resolve(dataDir);
    // A socket path longer than the OS limit (~104-108 bytes) cannot be bound.
    if (path.join(socketDir, SOCKET_FILE_NAME).length > 100) {
      socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-local-'));
      removeSocketDir = true;
    }
  }
  const socketPath = path.join(socketDir, SOCKET_FILE_NAME);
  // A socket left behind by a killed process makes the next start fail with EADDRINUSE.
  fs.rmSync(socketPath, { force: true });

  const pglite = await PGlite.create(inMemory ? MEMORY_DATA_DIR : path.resolve(dataDir, 'pg'));
  const socketServer = new PGLiteSocketServer({
    db: pglite,
    path: socketPath,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  await socketServer.start();
  return {
    options: {
      engine: 'postgres',
      params: {
        host: socketDir,
        port: 5432,
        user: 'postgres',
        password: 'postgres',
        database: 'postgres',
        max: EMBEDDED_MAX_CONNECTIONS,
      },
    },
    description: inMemory ? 'PGlite in memory' : `PGlite at ${path.resolve(dataDir)}`,
    close: async () => {
      await endTrackedPools();
      await socketServer.stop();
      await pglite.close();
      fs.rmSync(socketPath, { force: true });
      if (removeSocketDir) fs.rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
