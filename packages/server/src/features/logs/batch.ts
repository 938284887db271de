// Validation of the log batches devices POST, and the per-device batch rate limit.
import { RouteError } from '../../identity/http.js';
import type { IncomingLog } from './store.js';

/** Most lines one POST may carry. */
export const MAX_BATCH_SIZE = 10;

const LEGACY_FIELDS = ['is_stderr', 'is_system', 'image_id'];

function isDict(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}

function optionalBoolean(line: Record<string, unknown>, field: string): boolean | undefined {
  const value = line[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new RouteError(400, `DeviceLog ${field} must be boolean`);
  return value;
}

/**
 * Validates one log line as a device sends it.
 * @param line the parsed JSON value
 * @returns the line, or undefined for a line addressed to another device by `uuid` (ignored)
 * @throws RouteError 400 with the API's text for a malformed line
 * @example
 * const parsed = parseLogLine({ message: 'hi', timestamp: Date.now() });
 */
export function parseLogLine(line: unknown): IncomingLog | undefined {
  if (!isDict(line)) throw new RouteError(400, 'DeviceLog must be an object');
  // Lines addressed to another device by uuid belong to a multi-device upload the API does not support.
  if ('uuid' in line) return undefined;
  for (const field of LEGACY_FIELDS) {
    if (field in line) throw new RouteError(400, `DeviceLog ${field} is no longer supported`);
  }
  if (typeof line.message !== 'string')
    throw new RouteError(400, 'DeviceLog message must be string');
  if (typeof line.timestamp !== 'number' || !Number.isFinite(line.timestamp)) {
    throw new RouteError(400, 'DeviceLog timestamp must be number');
  }
  const serviceId = line.serviceId;
  if (serviceId != null && (typeof serviceId !== 'number' || !Number.isInteger(serviceId))) {
    throw new RouteError(400, 'DeviceLog serviceId must be integer');
  }
  const isSystem = optionalBoolean(line, 'isSystem') ?? serviceId == null;
  return {
    message: line.message,
    timestamp: line.timestamp,
    isSystem,
    isStdErr: optionalBoolean(line, 'isStdErr') ?? false,
    ...(serviceId == null ? {} : { serviceId }),
  };
}

/**
 * Validates a POSTed batch and returns the lines to store (lines carrying a `uuid` are dropped).
 * @param body the parsed JSON body
 * @throws RouteError 400 with the API's text for a batch that is not an array, too long, or has a bad line
 * @example
 * const lines = parseLogBatch([{ message: 'hi', timestamp: Date.now() }]);
 */
export function parseLogBatch(body: unknown): IncomingLog[] {
  if (!Array.isArray(body)) throw new RouteError(400, 'Logs must be an array');
  if (body.length > MAX_BATCH_SIZE) {
    throw new RouteError(400, `Batches cannot include more than ${MAX_BATCH_SIZE} logs`);
  }
  return body.map(parseLogLine).filter((line): line is IncomingLog => line !== undefined);
}

/** Batches per window a device may send before it gets 429. */
export interface BatchRateLimit {
  batches: number;
  windowMs: number;
}

/** The real API's limit: 15 batches per 10 seconds per device. */
export const DEFAULT_BATCH_RATE_LIMIT: BatchRateLimit = { batches: 15, windowMs: 10_000 };

/** A sliding-window counter of batches per device. */
export class BatchRateLimiter {
  readonly #recent = new Map<string, number[]>();

  constructor(public limit: BatchRateLimit = DEFAULT_BATCH_RATE_LIMIT) {}

  /**
   * Counts one batch of a device and says whether it is within the limit.
   * @param uuid the device uuid
   * @param now the current time in epoch ms
   * @throws never
   * @example
   * if (!limiter.allow(uuid)) throw new RouteError(429);
   */
  allow(uuid: string, now = Date.now()): boolean {
    const since = now - this.limit.windowMs;
    const recent = (this.#recent.get(uuid) ?? []).filter((at) => at > since);
    if (recent.length >= this.limit.batches) {
      this.#recent.set(uuid, recent);
      return false;
    }
    recent.push(now);
    this.#recent.set(uuid, recent);
    return true;
  }
}
