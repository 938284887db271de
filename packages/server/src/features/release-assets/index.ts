// Release assets: WebResource storage, chunked uploads and downloads served by the local API itself.
import type { Application } from 'express';
import type { webResourceHandler } from '@balena/pinejs';
import { installDownloadRoute } from './download-route.js';
import { createFileStore } from './file-store.js';
import { installUploadRoutes } from './upload-routes.js';
import { createUploadSessions } from './upload-sessions.js';
import { createWebResourceHandler } from './web-resource-handler.js';

// pinejs's upload middleware checks the caller's create/update permission under the resource name of the URL,
// while permissions are granted under the canonical fact-type name; form uploads to the term-form URL would be
// silently dropped, so they are routed to the canonical name (same rows, same response).
function installCanonicalUploadUrls(app: Application): void {
  app.use((req, _res, next) => {
    if (
      (req.method === 'POST' || req.method === 'PATCH') &&
      req.is('multipart') &&
      /^\/v7\/release_asset\b/.test(req.url)
    ) {
      req.url = req.url.replace('/v7/release_asset', '/v7/release__has__asset_key');
    }
    next();
  });
}

/**
 * Installs file storage for WebResource fields and returns the handler pinejs must be configured with.
 * @param app the express application (before pinejs's `/v7` routes).
 * @param dataDir the server's data folder (`memory://` keeps files in a temporary folder).
 * @throws when the storage folder cannot be created.
 * @example
 * const handler = installReleaseAssets(app, '.data');
 */
export function installReleaseAssets(
  app: Application,
  dataDir: string | undefined,
): webResourceHandler.WebResourceHandler {
  const store = createFileStore(dataDir);
  installCanonicalUploadUrls(app);
  installUploadRoutes(app, store, createUploadSessions(store.partsDir));
  installDownloadRoute(app, store);
  return createWebResourceHandler(store);
}
