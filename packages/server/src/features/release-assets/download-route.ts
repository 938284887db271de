// GET /files/<key>[/<filename>]: the bytes of a stored WebResource, without credentials (the key is the secret).
import type { Application } from 'express';
import type { FileStore } from './file-store.js';
import { FILES_PATH } from './web-resource-handler.js';

/**
 * Installs the download route of stored files.
 * @param app the express application.
 * @param store the file store to read from.
 * @throws never (read errors go to the express error handler)
 * @example
 * installDownloadRoute(app, store);
 */
export function installDownloadRoute(app: Application, store: FileStore): void {
  app.get([`${FILES_PATH}/:key`, `${FILES_PATH}/:key/:filename`], async (req, res, next) => {
    try {
      const file = await store.open(req.params.key);
      if (file == null) {
        res.status(404).type('text/plain').send('File not found');
        return;
      }
      res.setHeader('Content-Type', file.meta.contentType || 'application/octet-stream');
      res.setHeader('Content-Length', String(file.meta.size));
      res.setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.meta.filename)}`,
      );
      file.stream.on('error', next);
      file.stream.pipe(res);
    } catch (err) {
      next(err);
    }
  });
}
