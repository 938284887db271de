// A loopback TCP proxy in front of the local API for the logs tests: it can cut every open
// connection (the server dropping the stream) or freeze them (a half-dead connection that sends
// nothing), and it tells when the API-side sockets close.
import net from 'node:net';

/** A running proxy. */
export interface LogsProxy {
  /** Base URL to give the SDK as `apiUrl`. */
  url: string;
  /** Connections towards the API that carry (or carried) a `stream=1` logs request and are still open. */
  openStreams(): number;
  /** Destroys every open connection, both sides. */
  cut(): void;
  /** Stops forwarding on the open logs streams (other and new connections work normally). */
  freeze(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free loopback port forwarding to the API.
 * @param apiUrl - the API base URL (`http://127.0.0.1:<port>`).
 * @throws when the port cannot be bound.
 * @example
 * const proxy = await startLogsProxy(apiUrl);
 */
export async function startLogsProxy(apiUrl: string): Promise<LogsProxy> {
  const target = new URL(apiUrl);
  type Pair = { client: net.Socket; upstream: net.Socket };
  const pairs = new Set<Pair>();
  const streams = new Set<Pair>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    const pair = { client, upstream };
    client.on('data', (chunk: Buffer) => {
      if (chunk.includes('stream=1')) streams.add(pair);
    });
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    upstream.once('close', () => {
      streams.delete(pair);
      drop();
    });
    client.once('close', drop);
    client.on('error', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    openStreams: () => streams.size,
    cut: () => {
      for (const { client, upstream } of [...pairs]) {
        client.destroy();
        upstream.destroy();
      }
    },
    freeze: () => {
      for (const pair of streams) {
        pair.upstream.unpipe(pair.client);
        pair.client.unpipe(pair.upstream);
      }
    },
    close: async () => {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
