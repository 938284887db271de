/// <reference types="node" />
import { openAsBlob } from 'node:fs';
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
 * reading it into memory.
 *
 * @param filePath - the file's path.
 * @returns the file.
 * @throws {Error} when the file does not exist or cannot be read.
 * @example
 * const file = await openLocalFile('./build/report.pdf');
 */
export async function openLocalFile(filePath: string): Promise<File> {
  const type = MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  const blob = await openAsBlob(filePath, { type });
  return new File([blob], path.basename(filePath), { type });
}
