// Chunked uploads of WebResource fields: POST /v7/<resource>(<id>)/beginUpload, PUT part URLs, .../commitUpload.
// pinejs ships these as actions, but they open a second transaction while the action's own is open, which
// deadlocks on the embedded database; these routes do the same protocol inside one transaction.
import express, { type Application, type Request, type Response } from 'express';
import { permissions, sbvrUtils, type dbModule } from '@balena/pinejs';
import { canAccess } from '../../permissions/can-access.js';
import { requestOrigin } from '../request-origin.js';
import type { FileStore } from './file-store.js';
import { DEFAULT_PART_SIZE, MINIMUM_PART_SIZE, type UploadSessions } from './upload-sessions.js';
import { FILES_PATH, publicHref } from './web-resource-handler.js';

/** Resources with a WebResource field, by every name they are addressable as, with that field. */
const UPLOADABLE: Record<string, { resource: string; field: string }> = {
  release_asset: { resource: 'release_asset', field: 'asset' },
  release__has__asset_key: { resource: 'release_asset', field: 'asset' },
};
const ACTION_ROUTE = /^\/v7\/([A-Za-z_]+)\((\d+)\)\/(beginUpload|commitUpload)\/?$/;

function sendText(res: Response, status: number, text = ''): void {
  res.status(status).type('text/plain').send(text);
}

interface BeginPayload {
  fieldName: string;
  filename: string;
  contentType: string;
  size: number;
  chunkSize: number;
}

function parseBeginPayload(body: unknown): BeginPayload | string {
  const invalid = 'Invalid begin upload payload';
  if (typeof body !== 'object' || body == null) return invalid;
  const entries = Object.entries(body);
  if (entries.length !== 1) return invalid;
  const [fieldName, value] = entries[0]!;
  if (typeof value !== 'object' || value == null) return invalid;
  const { filename, content_type, size, chunk_size, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return invalid;
  if (
    typeof filename !== 'string' ||
    typeof content_type !== 'string' ||
    typeof size !== 'number'
  ) {
    return invalid;
  }
  if (chunk_size != null && typeof chunk_size !== 'number') return invalid;
  if (!Number.isInteger(size) || size < 0) return invalid;
  const chunkSize = chunk_size ?? DEFAULT_PART_SIZE;
  if (chunkSize < MINIMUM_PART_SIZE) return 'Chunk size is too small';
  return { fieldName, filename, contentType: content_type, size, chunkSize };
}

async function rootPatch(
  tx: dbModule.Tx,
  resource: string,
  id: number,
  body: Record<string, unknown>,
) {
  const api = sbvrUtils.api.v7;
  if (api == null) throw new Error('The v7 model is not initialised');
  await api.patch({ resource, id, body, passthrough: { req: permissions.root, tx } });
}

function subjectOf(req: Request) {
  return { user: req.user, apiKey: req.apiKey };
}

/**
 * Installs the chunked-upload routes and the part PUT endpoint.
 * @param app the express application (before pinejs's `/v7` routes).
 * @param store the file store the committed file is assembled in.
 * @param sessions the registry of pending uploads.
 * @throws never (request errors go to the express error handler)
 * @example
 * installUploadRoutes(app, store, createUploadSessions(store.partsDir));
 */
export function installUploadRoutes(
  app: Application,
  store: FileStore,
  sessions: UploadSessions,
): void {
  app.post(ACTION_ROUTE, express.json({ limit: '1mb' }), async (req, res, next) => {
    try {
      const [, name, idText, action] = ACTION_ROUTE.exec(req.path) ?? [];
      const target = UPLOADABLE[name ?? ''];
      if (target == null) return next();
      const id = Number(idText);
      if (action === 'beginUpload') await begin(req, res, target, id);
      else await commit(req, res, target, id);
    } catch (err) {
      next(err);
    }
  });

  async function begin(
    req: Request,
    res: Response,
    target: { resource: string; field: string },
    id: number,
  ) {
    const payload = parseBeginPayload(req.body);
    if (typeof payload === 'string') return sendText(res, 400, payload);
    if (payload.fieldName !== target.field) {
      return sendText(
        res,
        400,
        `The provided field '${payload.fieldName}' is not a valid webresource`,
      );
    }
    const allowed = await sbvrUtils.db.transaction((tx) =>
      canAccess(subjectOf(req), tx, target.resource, id, 'update'),
    );
    if (!allowed) return sendText(res, 401);
    const session = sessions.begin({
      resourceName: target.resource,
      resourceId: id,
      fieldName: target.field,
      actor: req.user?.actor ?? req.apiKey?.actor,
      filename: payload.filename,
      contentType: payload.contentType,
      size: payload.size,
      chunkSize: payload.chunkSize,
    });
    const origin = requestOrigin();
    const uploadParts = Array.from({ length: session.partCount }, (_, i) => ({
      url: `${origin}${FILES_PATH}/uploads/${session.uuid}/${i + 1}?token=${session.token}`,
      chunkSize: Math.min(session.chunkSize, session.size - i * session.chunkSize),
      partNumber: i + 1,
    }));
    res.status(200).json({ [target.field]: { uuid: session.uuid, uploadParts } });
  }

  async function commit(
    req: Request,
    res: Response,
    target: { resource: string; field: string },
    id: number,
  ) {
    const { uuid, providerCommitData } = (req.body ?? {}) as {
      uuid?: unknown;
      providerCommitData?: unknown;
    };
    if (typeof uuid !== 'string') return sendText(res, 400, 'Invalid uuid type');
    const session = sessions.find(uuid);
    const actor = req.user?.actor ?? req.apiKey?.actor;
    if (
      session == null ||
      session.resourceName !== target.resource ||
      session.resourceId !== id ||
      session.actor !== actor
    ) {
      return sendText(res, 401);
    }
    const parts = (providerCommitData as { Parts?: unknown } | undefined)?.Parts;
    const complete =
      Array.isArray(parts) &&
      parts.length === session.partCount &&
      parts.every((part: { PartNumber?: unknown; ETag?: unknown }) => {
        const stored = session.partETags.get(Number(part.PartNumber));
        return stored != null && String(part.ETag).replace(/"/g, '') === stored;
      });
    if (!complete)
      return sendText(res, 400, 'The uploaded parts do not match the committed part list');
    const { key, size } = await store.concat(sessions.partPaths(session), {
      filename: session.filename,
      contentType: session.contentType,
    });
    if (size !== session.size) {
      await store.remove(key);
      return sendText(
        res,
        400,
        `The uploaded size ${size} differs from the announced size ${session.size}`,
      );
    }
    const webResource = {
      filename: session.filename,
      content_type: session.contentType,
      size,
      href: key,
    };
    const saved = await sbvrUtils.db.transaction(async (tx) => {
      if (!(await canAccess(subjectOf(req), tx, target.resource, id, 'update'))) return false;
      await rootPatch(tx, target.resource, id, { [session.fieldName]: webResource });
      return true;
    });
    await sessions.finish(session);
    if (!saved) {
      await store.remove(key);
      return sendText(res, 401);
    }
    res.status(200).json({ ...webResource, href: publicHref(key, session.filename) });
  }

  app.put(`${FILES_PATH}/uploads/:uuid/:part`, async (req, res, next) => {
    try {
      const token = typeof req.query.token === 'string' ? req.query.token : '';
      const etag = await sessions.receivePart(req.params.uuid, Number(req.params.part), token, req);
      if (etag == null) return sendText(res, 403, 'Invalid or expired upload URL');
      res.setHeader('ETag', `"${etag}"`);
      res.status(200).end();
    } catch (err) {
      next(err);
    }
  });
}
