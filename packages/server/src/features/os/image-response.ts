// Answers an image download: full (200) or one byte range (206, `Range: bytes=a-b` / `a-` / `-n`), with the
// checksum and ETag headers, honouring `If-Range` and the client's backpressure, optionally paced to a link
// speed (`BALENA_LOCAL_DOWNLOAD_BYTES_PER_SECOND`) to try progress bars and timeouts on a slow network.
import type { Request, Response } from 'express';
import { IMAGE_BLOCK_BYTES, imageChecksum, type SyntheticImage } from './image-bytes.js';

/** Response header carrying the hex SHA-256 of the whole image (also on 206 answers). */
export const CHECKSUM_HEADER = 'X-Checksum-Sha256';

/** An inclusive byte range. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a single-range `Range` header against a size.
 * @param header the header value, e.g. `bytes=100-`.
 * @param size the resource size.
 * @returns the range; `undefined` when the header is absent or not a single byte range (serve the whole image);
 * `'unsatisfiable'` when it starts beyond the end.
 * @throws never
 * @example
 * parseRange('bytes=0-99', 1000); // { start: 0, end: 99 }
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  const match = header == null ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match == null || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}

function waitForDrainOrClose(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Environment variable that caps image downloads at this many bytes per second (a slower link). */
export const DOWNLOAD_RATE_ENV = 'BALENA_LOCAL_DOWNLOAD_BYTES_PER_SECOND';

/** How far a paced download may run ahead of its schedule before it waits. */
const PACING_SLACK_MS = 10;

function downloadRate(): number | undefined {
  const configured = Number(process.env[DOWNLOAD_RATE_ENV]);
  return Number.isFinite(configured) && configured > 0 ? configured : undefined;
}

/** Waits while more than `sent` bytes at `rate` bytes/s would be ahead of a start at `startedAt`. */
async function keepPace(startedAt: number, sent: number, rate: number): Promise<void> {
  const ahead = startedAt + (sent / rate) * 1000 - performance.now();
  if (ahead > PACING_SLACK_MS) await new Promise((resolve) => setTimeout(resolve, ahead));
}

async function writeRange(res: Response, image: SyntheticImage, range: ByteRange): Promise<void> {
  const rate = downloadRate();
  const startedAt = performance.now();
  let position = range.start;
  while (position <= range.end && !res.destroyed) {
    if (rate !== undefined) await keepPace(startedAt, position - range.start, rate);
    const index = Math.floor(position / IMAGE_BLOCK_BYTES);
    const blockStart = index * IMAGE_BLOCK_BYTES;
    let chunk = image.block(index);
    const from = position - blockStart;
    const to = Math.min(chunk.length, range.end - blockStart + 1);
    if (from > 0 || to < chunk.length) chunk = chunk.subarray(from, to);
    position += chunk.length;
    if (!res.write(chunk)) await waitForDrainOrClose(res);
  }
  if (!res.destroyed) res.end();
}

/**
 * Sends an image (or the requested range of it) with `Content-Length`, `Accept-Ranges`, `ETag` and the checksum.
 * @param req the request (its `Range` and `If-Range` headers are honoured).
 * @param res the response.
 * @param image the image to send.
 * @param fileName the suggested file name.
 * @throws never (a client that goes away simply stops the writing)
 * @example
 * await sendImage(req, res, syntheticImage('raspberrypi3', '6.0.10'), 'balena.img');
 */
export async function sendImage(
  req: Request,
  res: Response,
  image: SyntheticImage,
  fileName: string,
): Promise<void> {
  const checksum = await imageChecksum(image);
  const etag = `"sha256-${checksum}"`;
  // Browsers may read these only when exposed (the global CORS middleware exposes Retry-After).
  res.setHeader(
    'Access-Control-Expose-Headers',
    `Retry-After, Content-Range, ETag, Content-Disposition, ${CHECKSUM_HEADER}`,
  );
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('ETag', etag);
  res.setHeader(CHECKSUM_HEADER, checksum);
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  const ifRange = req.get('If-Range');
  const parsed =
    ifRange == null || ifRange === etag ? parseRange(req.get('Range'), image.size) : undefined;
  if (parsed === 'unsatisfiable') {
    res.status(416).setHeader('Content-Range', `bytes */${image.size}`);
    res.end();
    return;
  }
  const range = parsed ?? { start: 0, end: image.size - 1 };
  if (parsed != null) {
    res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${image.size}`);
  } else {
    res.status(200);
  }
  res.setHeader('Content-Length', String(range.end - range.start + 1));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await writeRange(res, image, range);
}
