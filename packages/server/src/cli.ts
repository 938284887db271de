// Command line of the local balena API: `balena-local [--port N] [--data DIR] [--database-url URL] [--demo]`.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage: balena-local [options]

Runs a local balena-compatible API (OData under /v7, identity, /config).

Options:
  --port <n>            TCP port (default 1337; 0 picks a free one)
  --host <address>      interface to listen on (default 127.0.0.1)
  --data <dir>          data folder of the embedded database (default .data; "memory://" keeps nothing)
  --database-url <url>  use PostgreSQL instead (default: $DATABASE_URL)
  --demo                create a demo account with a few fleets and print its credentials; its devices are
                        simulated and come online
  --devices <n>         with the demo account, run at least n simulated devices (new ones join its first fleet)
  -h, --help            show this help
`;

/** Parsed command line. */
export interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  /** Minimum number of simulated demo devices (implies the demo account). */
  devices: number;
}

/**
 * Parses the command line of `balena-local`.
 * @param argv the arguments after the script name.
 * @param env the environment (for `DATABASE_URL`).
 * @returns the options, or `undefined` when help was asked for.
 * @throws when an option is unknown or a port is not a number.
 * @example
 * parseCliOptions(['--port', '0', '--data', 'memory://'], {}); // { port: 0, dataDir: 'memory://', ... }
 */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      demo: { type: 'boolean', default: false },
      devices: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return undefined;
  const port = Number(values.port ?? env.PORT ?? 1337);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port: ${values.port}`);
  const devices = Number(values.devices ?? 0);
  if (!Number.isInteger(devices) || devices < 0 || devices > 1000)
    throw new Error(`Invalid device count: ${values.devices}`);
  return {
    devices,
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: values.data ?? '.data',
    databaseUrl: values['database-url'] ?? (env.DATABASE_URL || undefined),
    demo: (values.demo ?? false) || devices > 0,
  };
}

/**
 * Runs the server until SIGINT/SIGTERM, then shuts it down cleanly (the embedded database is flushed).
 * @param argv the arguments after the script name.
 * @throws when the options are invalid or the server cannot start.
 * @example
 * await runCli(process.argv.slice(2));
 */
export async function runCli(argv: string[]): Promise<void> {
  const options = parseCliOptions(argv, process.env);
  if (options == null) {
    process.stdout.write(USAGE);
    return;
  }
  // Keep pinejs's compiled-model cache with the data (or in the temp folder), not in the working directory.
  const cacheDir =
    options.databaseUrl || options.dataDir === 'memory://'
      ? os.tmpdir()
      : path.resolve(options.dataDir);
  process.env.PINEJS_CACHE_FILE ??= path.join(cacheDir, 'pinejs-cache.json');
  const startedAt = Date.now();
  const { createServer } = await import('./server.js');
  const server = await createServer({
    port: options.port,
    host: options.host,
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    quiet: true,
  });
  let simulated: Array<{ stop(): Promise<void> }> = [];
  const lines = [
    `balena local API listening on ${server.url} (${server.database}), ready in ${Date.now() - startedAt} ms`,
  ];
  if (options.demo) {
    const { seedDemoAccount, DEMO_ACCOUNT } = await import('./seed/demo.js');
    const pine = await import('@balena/pinejs');
    const created = await pine.sbvrUtils.db.transaction((tx) => seedDemoAccount(tx));
    lines.push(
      `${created ? 'Created' : 'Kept'} the demo account: email ${DEMO_ACCOUNT.email}, password ${DEMO_ACCOUNT.password}`,
      `SDK: getSdk({ apiUrl: '${server.url}' }).auth.login({ email: '${DEMO_ACCOUNT.email}', password: '${DEMO_ACCOUNT.password}' })`,
    );
    const { startDemoDevices } = await import('./simulator/demo-devices.js');
    simulated = await startDemoDevices({
      apiUrl: server.url,
      organizationHandle: DEMO_ACCOUNT.username,
      minimumDevices: options.devices,
    });
    lines.push(`Simulated devices online: ${simulated.length}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    Promise.all(simulated.map((device) => device.stop()))
      .then(() => server.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error('Shutdown failed', err);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
