// Just enough of the tar format to accept a project tarball and list its files (gzip or plain).
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

/** Thrown when a download is not a (gzipped) tar archive. */
export class InvalidTarballError extends Error {}

function readString(block: Uint8Array, offset: number, length: number): string {
  const bytes = block.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/**
 * Lists the regular files of a tar archive, gunzipping it first when it is compressed.
 * @param archive the downloaded bytes.
 * @throws InvalidTarballError when the bytes are not a tar archive.
 * @example
 * listTarFiles(bytes); // ['Dockerfile', 'src/index.js']
 */
export function listTarFiles(archive: Uint8Array): string[] {
  let tar = archive;
  if (archive[0] === 0x1f && archive[1] === 0x8b) {
    try {
      tar = gunzipSync(archive);
    } catch {
      throw new InvalidTarballError('Invalid gzip data in the tarball');
    }
  }
  const files: string[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (readString(header, 257, 5) !== 'ustar') {
      throw new InvalidTarballError(
        'Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?',
      );
    }
    const name = readString(header, 0, 100);
    const prefix = readString(header, 345, 155);
    const size = parseInt(readString(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    if (type === '0' || type === '\0') files.push(prefix ? `${prefix}/${name}` : name);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  if (offset === 0) throw new InvalidTarballError('The tarball is empty');
  return files.map((file) => file.replace(/^\.\//, ''));
}
