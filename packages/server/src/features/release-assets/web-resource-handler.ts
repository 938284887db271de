// pinejs WebResource handler: multipart form uploads land in the file store; responses carry a download URL.
import type { webResourceHandler } from '@balena/pinejs';
import { requestOrigin } from '../request-origin.js';
import { isFileKey, type FileStore } from './file-store.js';

type WebResourceHandler = webResourceHandler.WebResourceHandler;
type WebResource = Parameters<WebResourceHandler['onPreRespond']>[0];

/** Path prefix of file downloads: `GET /files/<key>/<filename>`. */
export const FILES_PATH = '/files';

/**
 * Recovers the file key from a stored or already-public href.
 * @param href a bare key, or a download URL built by {@link publicHref}.
 * @throws never
 * @example
 * fileKeyOfHref('http://127.0.0.1:1/files/0123456789abcdef0123456789abcdef/a.txt'); // '0123…cdef'
 */
export function fileKeyOfHref(href: string): string | undefined {
  if (isFileKey(href)) return href;
  return /\/files\/([0-9a-f]{32})(?:\/|$)/.exec(href)?.[1];
}

/**
 * The absolute download URL of a stored file, on the origin of the request being served.
 * @param key the file key.
 * @param filename the original file name, appended for readability.
 * @throws never
 * @example
 * publicHref(key, 'notes.txt'); // 'http://127.0.0.1:41234/files/<key>/notes.txt'
 */
export function publicHref(key: string, filename: string): string {
  return `${requestOrigin()}${FILES_PATH}/${key}/${encodeURIComponent(filename)}`;
}

/**
 * Builds the handler pinejs calls for WebResource fields (upload, removal, response rewriting).
 *
 * Chunked uploads are served by this feature's own routes, so the handler declares no `multipartUpload`.
 * @param store where the bytes go.
 * @throws never (file errors surface from the handler methods)
 * @example
 * await pine.init(app, { models, users, webResourceHandler: createWebResourceHandler(store) });
 */
export function createWebResourceHandler(store: FileStore): WebResourceHandler {
  return {
    async handleFile(file) {
      const { key, size } = await store.put(file.stream, {
        filename: file.originalname,
        contentType: file.mimetype,
      });
      return { filename: key, size };
    },
    async removeFile(href) {
      const key = fileKeyOfHref(href);
      if (key != null) await store.remove(key);
    },
    async onPreRespond(webResource: WebResource) {
      const key = webResource.href == null ? undefined : fileKeyOfHref(webResource.href);
      if (key == null) return webResource;
      return { ...webResource, href: publicHref(key, webResource.filename ?? key) };
    },
  };
}
