/// <reference types="node" />
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Builds an unsigned JWT with the given claims (the SDK only decodes tokens). */
export function makeJwt(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`;
}

/** Seconds since the epoch, as JWT claims use. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** One request seen by a fake fetch. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** A fetch stand-in: records each call and answers with the responder's Response. */
export function createFakeFetch(
  responder: (call: RecordedCall, index: number) => Response | Promise<Response>,
): typeof fetch & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit) => {
    const call: RecordedCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    return responder(call, calls.length - 1);
  };
  return Object.assign(fake as typeof fetch, { calls });
}

/** A JSON response. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A loopback HTTP server on port 0. */
export interface TestServer {
  url: string;
  requests: Array<{
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
  }>;
  close: () => Promise<void>;
}

/** Starts a loopback HTTP server whose routes are answered by `handle`. */
export async function startServer(
  handle: (
    req: { method: string; url: string; headers: IncomingMessage['headers']; body: string },
    res: ServerResponse,
  ) => void,
): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(entry);
      handle(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Sends a response with a status, a body and optional headers. */
export function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const isText = typeof body === 'string';
  res.writeHead(status, {
    'Content-Type': isText ? 'text/plain' : 'application/json',
    ...headers,
  });
  res.end(isText ? body : JSON.stringify(body));
}

import { createTokenManager, type TokenManager } from '../../src/auth/token-manager.js';
import { resolveConfig, type SdkOptions } from '../../src/config.js';
import { createMemoryStorage } from '../../src/platform/storage.js';
import { createTransport, type BalenaRequest } from '../../src/transport/transport.js';

/** The API URL used by unit tests with an injected fetch. */
export const TEST_API_URL = 'https://api.test.local/';

/** A transport over a fake fetch and an in-memory token store. */
export function makeTransport(
  fetchImpl: typeof fetch,
  options: SdkOptions = {},
): { request: BalenaRequest; tokens: TokenManager } {
  const tokens = createTokenManager(createMemoryStorage());
  const config = resolveConfig({ apiUrl: TEST_API_URL, ...options, fetch: fetchImpl });
  return { request: createTransport(config, tokens), tokens };
}
