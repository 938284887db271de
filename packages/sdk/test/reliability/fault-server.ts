/// <reference types="node" />
// A loopback HTTP server that answers each request with the next scripted fault (429, 5xx, a reset connection, a
// stalled response) or a normal JSON reply, and records every request it received with its arrival time.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the server does with one request. */
export type Fault =
  | { kind: 'ok'; body?: unknown }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'reset' }
  | { kind: 'stall' };

/** One request the server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
  /** `performance.now()` when the request arrived. */
  at: number;
}

/** A running fault server. */
export interface FaultServer {
  url: string;
  requests: ReceivedRequest[];
  /** Queues faults for the next requests; once the queue is empty, `fallback` answers. */
  script(...faults: Fault[]): void;
  /** Answers requests whose path starts with `prefix` with `answer`, before the script applies. */
  route(prefix: string, answer: (request: ReceivedRequest) => Fault): void;
  close(): Promise<void>;
}

const DEFAULT_BODY = { d: [{ id: 1 }] };

function send(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Starts a fault server on 127.0.0.1, port 0.
 * @param fallback the fault used when nothing is scripted (a 200 JSON reply by default).
 * @throws when the port cannot be bound.
 * @example
 * const server = await startFaultServer();
 * server.script({ kind: 'status', status: 503 }, { kind: 'ok' });
 */
export async function startFaultServer(
  fallback: Fault = { kind: 'ok', body: DEFAULT_BODY },
): Promise<FaultServer> {
  const queue: Fault[] = [];
  const routes: Array<[string, (request: ReceivedRequest) => Fault]> = [];
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const received: ReceivedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      authorization: req.headers.authorization,
      body,
      at: performance.now(),
    };
    requests.push(received);
    const routed = routes.find(([prefix]) => received.url.startsWith(prefix));
    const fault = routed != null ? routed[1](received) : (queue.shift() ?? fallback);
    switch (fault.kind) {
      case 'ok':
        return send(res, 200, fault.body ?? DEFAULT_BODY);
      case 'status':
        return send(
          res,
          fault.status,
          fault.body ?? { error: `status ${fault.status}` },
          fault.headers,
        );
      case 'reset':
        // Headers and half a body, then the connection dies.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"d":[{"id":');
        setImmediate(() => req.socket.destroy());
        return;
      case 'stall':
        return;
    }
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, res, body));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...faults) => queue.push(...faults),
    route: (prefix, answer) => routes.push([prefix, answer]),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
