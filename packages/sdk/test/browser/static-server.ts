// A static file server on a free loopback port: pages load the SDK from another origin than the
// API's, as real apps do, so CORS is exercised too.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A running static server. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves files from directories, looked up in order (`/` serves `index.html`).
 *
 * @param roots - the directories.
 * @returns the server's base URL and a close function.
 * @throws {Error} when the port cannot be bound.
 * @example
 * const site = await serveStatic([distDir]);
 */
export async function serveStatic(roots: string[]): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    for (const root of roots) {
      const file = path.resolve(root, relative);
      if (!file.startsWith(path.resolve(root))) break;
      try {
        const body = await readFile(file);
        const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, { 'Content-Type': type }).end(body);
        return;
      } catch {
        // Not in this root: try the next one.
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
