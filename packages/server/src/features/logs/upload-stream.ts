// POST /device/v2/:uuid/log-stream: a device uploads its logs as one long ndjson request body; each
// complete line is stored as it arrives. Not used by the SDK; the supervisor's streaming alternative to
// batches.
import type { Request, Response } from 'express';
import { RouteError } from '../../identity/http.js';
import { parseLogLine } from './batch.js';
import type { LogStore } from './store.js';

// A line longer than this is not a log line; stop reading rather than buffer without bound.
const MAX_LINE_LENGTH = 64 * 1024;

/**
 * Reads an ndjson upload to its end, storing each valid line; answers 201 when the device closes it.
 * @param req the request, its body not yet read
 * @param res the response
 * @param store where the lines go
 * @param uuid the uploading device
 * @throws never (a malformed line ends the upload with 400)
 * @example
 * await receiveLogUpload(req, res, store, uuid);
 */
export async function receiveLogUpload(
  req: Request,
  res: Response,
  store: LogStore,
  uuid: string,
): Promise<void> {
  const decoder = new TextDecoder();
  let pending = '';
  const take = (line: string) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new RouteError(400, 'Invalid log line');
    }
    const parsed = parseLogLine(value);
    if (parsed !== undefined) store.append(uuid, [parsed]);
  };
  try {
    for await (const chunk of req as AsyncIterable<Uint8Array>) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(take);
      if (pending.length > MAX_LINE_LENGTH) throw new RouteError(400, 'Log line too long');
    }
    take(pending + decoder.decode());
    res.status(201).end();
  } catch (error) {
    if (!(error instanceof RouteError)) throw error;
    res.status(error.status).type('text/plain').send(error.text);
    req.destroy();
  }
}
