// The ndjson side of GET /device/v2/:uuid/logs?stream=1: history first, then live lines, a bare newline as
// keep-alive, and dropped lines (with a warning line) when the client reads too slowly.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Request, Response } from 'express';
import type { LogStore, StoredLog } from './store.js';

/** Tunables of the live stream. */
export interface LogStreamSettings {
  /** Milliseconds between keep-alive newlines (the real API: 58 s). */
  keepAliveMs: number;
  /** Bytes the response may buffer for a slow reader before lines are dropped. */
  maxBufferedBytes: number;
}

/** The real API's behaviour. */
export const DEFAULT_LOG_STREAM_SETTINGS: LogStreamSettings = {
  keepAliveMs: 58_000,
  maxBufferedBytes: 1024 * 1024,
};

// How often an open stream checks that its HTTP server still listens: server.close() waits for open
// connections, so streams end themselves once the server stops accepting new ones.
const SERVER_CHECK_MS = 200;

function suppressedWarning(count: number): StoredLog {
  const now = Date.now();
  return {
    message: `Warning: Suppressed ${count} message(s) due to slow reading`,
    timestamp: now,
    createdAt: now,
    isSystem: true,
    isStdErr: true,
  };
}

/**
 * Answers a streaming logs request: writes the history, then every new line of the device until the client leaves.
 * @param req the request (its close ends the subscription)
 * @param res the response
 * @param params the store, the device uuid, the history to send first and the stream settings
 * @throws never
 * @example
 * streamLogs(req, res, { store, uuid, history, settings });
 */
export function streamLogs(
  req: Request,
  res: Response,
  params: { store: LogStore; uuid: string; history: StoredLog[]; settings: LogStreamSettings },
): void {
  const { store, uuid, history, settings } = params;
  res.status(200);
  res.setHeader('Content-Type', 'application/x-ndjson');
  res.setHeader('Cache-Control', 'no-cache');
  // A stream only ends when one side leaves; its connection is never reused, and closing it with the
  // response lets server.close() finish at once.
  res.setHeader('Connection', 'close');
  req.socket.setNoDelay(true);
  res.flushHeaders();
  let suppressed = 0;
  const writeLines = (lines: readonly StoredLog[]) => {
    for (const line of lines) {
      if (res.writableLength > settings.maxBufferedBytes) {
        suppressed += 1;
        continue;
      }
      res.write(`${JSON.stringify(line)}\n`);
    }
  };
  res.on('drain', () => {
    if (suppressed === 0) return;
    const warning = suppressedWarning(suppressed);
    suppressed = 0;
    res.write(`${JSON.stringify(warning)}\n`);
  });
  writeLines(history);
  const stopListening = store.listen(uuid, writeLines);
  const keepAlive = setInterval(() => res.write('\n'), settings.keepAliveMs);
  const httpServer = (req.socket as Socket & { server?: Server }).server;
  const serverCheck = setInterval(() => {
    if (httpServer != null && !httpServer.listening) res.end();
  }, SERVER_CHECK_MS);
  serverCheck.unref();
  const finish = () => {
    stopListening();
    clearInterval(keepAlive);
    clearInterval(serverCheck);
  };
  res.on('close', finish);
  res.on('error', finish);
}
