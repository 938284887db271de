// GET and POST /device/v2/:uuid/logs: users read the history or a live stream of devices they can see; a device
// writes its own lines with its device API key.
import type { Request, Router } from 'express';
import { getIdentity } from '../../identity/context.js';
import { inReadTransaction } from '../../identity/db.js';
import { RouteError, route } from '../../identity/http.js';
import { findUserByActor } from '../caller.js';
import { findVisibleDevices } from '../devices/device-access.js';
import { parseLogBatch, type BatchRateLimiter } from './batch.js';
import type { LogStore } from './store.js';
import { streamLogs, type LogStreamSettings } from './stream.js';
import { receiveLogUpload } from './upload-stream.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_MS = 30 * DAY_MS;

/** What the log routes share with the feature. */
export interface LogRouteState {
  store: LogStore;
  limiter: BatchRateLimiter;
  stream: LogStreamSettings;
}

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parseCount(text: string | undefined, fallback: number, limit: number): number {
  if (text === undefined) return fallback;
  if (text === 'all') return limit;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0) throw new RouteError(400, 'Invalid count parameter');
  return Math.min(count, limit);
}

function parseStart(text: string | undefined, fallback: number, now: number): number {
  let start = fallback;
  if (text !== undefined) {
    start = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
    if (!Number.isFinite(start)) throw new RouteError(400, 'Invalid start parameter');
  }
  return Math.max(start, now - RETENTION_MS);
}

async function requireReadableDevice(req: Request, uuid: string): Promise<void> {
  const identity = getIdentity(req);
  await inReadTransaction(async (tx) => {
    // Only users read logs: a device or provisioning key gets 401 even for its own device.
    const isUser =
      (identity.kind === 'session' && !identity.partial) ||
      (identity.kind === 'api-key' && (await findUserByActor(tx, identity.actor)) != null);
    if (!isUser) throw new RouteError(401);
    const visible = await findVisibleDevices(req, tx, { uuid });
    if (visible.length === 0) throw new RouteError(404, `No device with uuid ${uuid}`);
  });
}

async function requireWritingDevice(req: Request, uuid: string): Promise<void> {
  const identity = getIdentity(req);
  if (identity.kind !== 'api-key') throw new RouteError(401);
  // Plain SQL: devices post often, and a pine query costs several times the lookup itself.
  const { rows } = await inReadTransaction((tx) =>
    tx.executeSql('SELECT "uuid" FROM "device" WHERE "actor" = $1', [identity.actor]),
  );
  if (rows.length === 0 || rows[0].uuid !== uuid) throw new RouteError(401);
}

/**
 * Installs `GET /device/v2/:uuid/logs` (history, or `stream=1`), `POST /device/v2/:uuid/logs` and the ndjson
 * upload `POST /device/v2/:uuid/log-stream`.
 * @param router the router of the logs feature
 * @param state the store, the batch rate limiter and the stream settings
 * @throws never
 * @example
 * installLogRoutes(router, { store, limiter, stream: DEFAULT_LOG_STREAM_SETTINGS });
 */
export function installLogRoutes(router: Router, state: LogRouteState): void {
  router.get(
    '/device/v2/:uuid/logs',
    route(async (req, res) => {
      const { uuid } = req.params;
      await requireReadableDevice(req, uuid);
      const now = Date.now();
      const streaming = ['1', 'true'].includes(queryText(req, 'stream') ?? '');
      const limit = state.store.historyLimit;
      const count = parseCount(queryText(req, 'count'), streaming ? 0 : limit, limit);
      const start = parseStart(
        queryText(req, 'start'),
        now - (streaming ? DAY_MS : RETENTION_MS),
        now,
      );
      const history = state.store.history(uuid, count, start);
      if (!streaming) {
        res.status(200).json(history);
        return;
      }
      streamLogs(req, res, { store: state.store, uuid, history, settings: state.stream });
    }),
  );
  router.post(
    '/device/v2/:uuid/logs',
    route(async (req, res) => {
      const { uuid } = req.params;
      await requireWritingDevice(req, uuid);
      const lines = parseLogBatch(req.body);
      if (!state.limiter.allow(uuid)) throw new RouteError(429, 'Too Many Requests');
      if (lines.length > 0) state.store.append(uuid, lines);
      res.status(201).end();
    }),
  );
  router.post(
    '/device/v2/:uuid/log-stream',
    route(async (req, res) => {
      const { uuid } = req.params;
      await requireWritingDevice(req, uuid);
      await receiveLogUpload(req, res, state.store, uuid);
    }),
  );
}
