// A local stand-in for the balena builder: POST /builder/v3/buildFromUrl fetches a project tarball and creates
// a release for it (status "running", as the real builder leaves it while images build).
import crypto from 'node:crypto';
import express, { type Application, type Request, type Response } from 'express';
import { sbvrUtils } from '@balena/pinejs';
import { InvalidTarballError, listTarFiles } from './tarball.js';

/** Path prefix of the builder: the SDK's `builderUrl` is `<apiUrl>/builder/` (or `<apiUrl>` itself). */
export const BUILDER_PATH = '/builder';
const DOWNLOAD_TIMEOUT_MS = 30_000;

function fail(res: Response, status: number, message: string): void {
  res.status(status).json({ started: false, error: message, message });
}

function compositionFor(files: string[]) {
  const hasCompose = files.some((f) => /^docker-compose\.ya?ml$/.test(f));
  // A single-container project builds its root Dockerfile as the service "main".
  if (!hasCompose) return { version: '2.1', services: { main: { build: { context: '.' } } } };
  return { version: '2.1', services: {} };
}

async function download(url: string): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) return undefined;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return undefined;
  }
}

async function build(req: Request, res: Response): Promise<void> {
  const api = sbvrUtils.api.v7;
  if (api == null) throw new Error('The v7 model is not initialised');
  if (req.user == null && req.apiKey == null) {
    res.status(401).end();
    return;
  }
  const { owner, app } = req.query;
  const { url, shouldFlatten = true } = (req.body ?? {}) as {
    url?: unknown;
    shouldFlatten?: unknown;
  };
  if (typeof owner !== 'string' || typeof app !== 'string') {
    return fail(res, 400, 'The owner and app query parameters are required');
  }
  if (typeof url !== 'string' || !/^https?:\/\//.test(url))
    return fail(res, 400, 'A tarball url is required');
  if (typeof shouldFlatten !== 'boolean') return fail(res, 400, 'shouldFlatten must be a boolean');
  const caller = { user: req.user, apiKey: req.apiKey };
  const [application] = (await sbvrUtils.db.readTransaction((tx) =>
    api.get({
      resource: 'application',
      options: {
        $select: 'id',
        $filter: {
          app_name: app,
          organization: { $any: { $alias: 'o', $expr: { o: { handle: owner } } } },
        },
      },
      passthrough: { req: caller, tx },
    }),
  )) as Array<{ id: number }>;
  if (application == null) return fail(res, 404, `Application ${owner}/${app} not found`);
  const archive = await download(url);
  if (archive == null) return fail(res, 404, 'Failed to fetch tarball from passed URL');
  let files: string[];
  try {
    files = listTarFiles(archive);
  } catch (err) {
    if (err instanceof InvalidTarballError) return fail(res, 502, err.message);
    throw err;
  }
  const release = (await sbvrUtils.db.transaction((tx) =>
    api.post({
      resource: 'release',
      body: {
        belongs_to__application: application.id,
        commit: crypto.randomBytes(16).toString('hex'),
        composition: compositionFor(files),
        status: 'running',
        source: 'cloud',
        start_timestamp: new Date(),
        ...(req.user == null ? {} : { is_created_by__user: req.user.id }),
      },
      passthrough: { req: caller, tx },
    }),
  )) as { id: number };
  res.status(200).json({ started: true, releaseId: release.id });
}

/**
 * Installs the local builder endpoint.
 * @param app the express application.
 * @throws never (request errors go to the express error handler)
 * @example
 * installBuilder(app); // getSdk({ apiUrl, builderUrl: `${apiUrl}/builder/` })
 */
export function installBuilder(app: Application): void {
  // Also at the root, for clients (like the official SDK) that drop a builderUrl's path.
  app.post(
    [`${BUILDER_PATH}/v3/buildFromUrl`, '/v3/buildFromUrl'],
    express.json({ limit: '64kb' }),
    (req, res, next) => {
      build(req, res).catch(next);
    },
  );
}
