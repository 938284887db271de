// A loopback HTTP proxy in front of the local API: it counts every request and the bytes each way,
// records what arrives (method, path, decoded query, body, kind of credentials), and can answer a
// share of requests with 429 + Retry-After or add latency, so both SDKs meet the same server.
import http from 'node:http';

/** Kind of credentials a request carries, without the credentials themselves. */
function authKind(headers, query) {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length);
    return token.split('.').length === 3 ? 'bearer-jwt' : 'bearer-key';
  }
  if (authorization) return 'other';
  if (query.some(([key]) => key === 'apikey')) return 'query-apikey';
  return 'none';
}

function decodeQuery(search) {
  if (search === '') return [];
  return search
    .slice(1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = equals === -1 ? pair : pair.slice(0, equals);
      const value = equals === -1 ? '' : pair.slice(equals + 1);
      const decode = (text) => decodeURIComponent(text.replace(/\+/g, ' '));
      return [decode(key), decode(value)];
    });
}

function parseBody(buffer, contentType) {
  if (buffer.length === 0) return undefined;
  const text = buffer.toString('utf8');
  if (/json/.test(contentType ?? '')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function headerBytes(firstLine, rawHeaders) {
  let bytes = Buffer.byteLength(`${firstLine}\r\n\r\n`);
  for (let i = 0; i < rawHeaders.length; i += 2) {
    bytes += Buffer.byteLength(`${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`);
  }
  return bytes;
}

/** A small deterministic generator (mulberry32), so every run rate-limits the same requests. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Starts the proxy on a free loopback port.
 * @param options - `target` (the API base URL); optional `rateLimit` `{ share, retryAfterSeconds, seed }`
 *   to answer that share of requests with 429, and `latencyMs` added before each forwarded request.
 * @returns the proxy: `url`, `counters()`, `resetCounters()`, `mark(step)`, `takeRecording()`, `close()`.
 * @throws when the port cannot be opened.
 * @example
 * const proxy = await startRecordingProxy({ target: api.url });
 * const sdk = getSdk({ apiUrl: proxy.url });
 */
export async function startRecordingProxy({ target, rateLimit, latencyMs = 0 }) {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const random = seededRandom(rateLimit?.seed ?? 1);
  let counters = emptyCounters();
  let recording = [];
  let step = '';

  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const parsed = new URL(request.url, 'http://proxy');
      const query = decodeQuery(parsed.search);
      counters.requests += 1;
      counters.requestBytes +=
        headerBytes(`${request.method} ${request.url} HTTP/1.1`, request.rawHeaders) + body.length;
      recording.push({
        step,
        method: request.method,
        path: decodeURIComponent(parsed.pathname),
        query: query.filter(([key]) => key !== 'apikey'),
        body: parseBody(body, request.headers['content-type']),
        auth: authKind(request.headers, query),
      });
      if (rateLimit && random() < rateLimit.share) {
        counters.rateLimited += 1;
        const text = 'Too Many Requests';
        const headers = {
          'Retry-After': String(rateLimit.retryAfterSeconds),
          'Content-Type': 'text/plain',
          'Content-Length': String(text.length),
        };
        response.writeHead(429, headers);
        response.end(text);
        counters.responseBytes +=
          headerBytes('HTTP/1.1 429 Too Many Requests', Object.entries(headers).flat()) +
          text.length;
        return;
      }
      const forward = () => {
        const headers = { ...request.headers, host: upstream.host };
        const outgoing = http.request(
          {
            agent,
            host: upstream.hostname,
            port: upstream.port,
            method: request.method,
            path: request.url,
            headers,
          },
          (incoming) => {
            counters.responseBytes += headerBytes(
              `HTTP/1.1 ${incoming.statusCode} ${incoming.statusMessage}`,
              incoming.rawHeaders,
            );
            response.writeHead(
              incoming.statusCode ?? 502,
              incoming.statusMessage,
              incoming.rawHeaders,
            );
            incoming.on('data', (chunk) => {
              counters.responseBytes += chunk.length;
            });
            incoming.pipe(response);
          },
        );
        outgoing.on('error', (error) => {
          counters.upstreamErrors += 1;
          if (!response.headersSent) response.writeHead(502);
          response.end(String(error));
        });
        outgoing.end(body);
      };
      if (latencyMs > 0) setTimeout(forward, latencyMs);
      else forward();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    counters: () => ({ ...counters }),
    resetCounters() {
      counters = emptyCounters();
    },
    mark(name) {
      step = name;
    },
    takeRecording() {
      const taken = recording;
      recording = [];
      return taken;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}

function emptyCounters() {
  return { requests: 0, requestBytes: 0, responseBytes: 0, rateLimited: 0, upstreamErrors: 0 };
}
