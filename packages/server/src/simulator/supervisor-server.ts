// The simulated device's supervisor API: a loopback HTTP server that accepts calls relayed by the API (they carry
// the tunnel secret) and hands each to the device's command handler.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A supervisor call as the device sees it. */
export interface SupervisorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** What the supervisor answers. */
export interface SupervisorAnswer {
  status: number;
  /** a string is sent as text/plain, anything else as JSON, undefined as an empty body */
  body?: unknown;
}

/** A running supervisor API. */
export interface SupervisorServer {
  /** e.g. `http://127.0.0.1:41234` */
  address: string;
  close(): Promise<void>;
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return parsed != null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function send(res: http.ServerResponse, answer: SupervisorAnswer): void {
  if (answer.body === undefined) {
    res.writeHead(answer.status).end();
  } else if (typeof answer.body === 'string') {
    res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
  } else {
    res
      .writeHead(answer.status, { 'content-type': 'application/json' })
      .end(JSON.stringify(answer.body));
  }
}

/**
 * Starts a supervisor API on 127.0.0.1 (port 0).
 * @param secret the bearer secret every call must carry
 * @param handle answers one call
 * @throws when the server cannot listen
 * @example
 * const server = await startSupervisorServer(secret, async (call) => ({ status: 200, body: 'OK' }));
 */
export async function startSupervisorServer(
  secret: string,
  handle: (call: SupervisorCall) => Promise<SupervisorAnswer>,
): Promise<SupervisorServer> {
  const server = http.createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${secret}`) {
      send(res, { status: 401, body: 'Unauthorized' });
      return;
    }
    const path = new URL(req.url ?? '/', 'http://device').pathname;
    readJson(req)
      .then((body) => handle({ method: req.method ?? 'GET', path, body }))
      .then(
        (answer) => send(res, answer),
        (err: unknown) => send(res, { status: 500, body: String(err) }),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
