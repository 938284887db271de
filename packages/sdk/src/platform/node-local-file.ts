/// <reference types="node" />
import path from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.yml': 'application/yaml',
  '.yaml': 'application/yaml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.tar': 'application/x-tar',
};

/**
 * Opens a local file as a web `File` (named after its base name, typed by its extension), without
 * reading it into memory (on Node 18, which cannot open files lazily, it is read).
 *
 * @param filePath - the file's path.
 * @returns the file.
 * @throws {Error} when the file does not exist or cannot be read.
 * @example
 * const file = await openLocalFile('./build/report.pdf');
 */
export async function openLocalFile(filePath: string): Promise<File> {
  // Imported on first use: they are not needed unless an asset is uploaded from a path.
  const [fs, buffer] = await Promise.all([import('node:fs'), import('node:buffer')]);
  const type = MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  // Node 18 has neither fs.openAsBlob (the file would be read lazily) nor a global File: read it and use
  // node:buffer's File there.
  const blob =
    typeof fs.openAsBlob === 'function'
      ? await fs.openAsBlob(filePath, { type })
      : new Blob([await fs.promises.readFile(filePath)], { type });
  const FileClass: typeof File = globalThis.File ?? (buffer.File as unknown as typeof File);
  return new FileClass([blob], path.basename(filePath), { type });
}
