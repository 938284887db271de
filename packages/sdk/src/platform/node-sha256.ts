import { createHash } from 'node:crypto';
import type { Sha256 } from '../models/os/sha256.js';

/**
 * Creates an incremental SHA-256 hasher backed by node:crypto (native speed for OS image checks;
 * the browser build uses the portable one in `models/os/sha256.ts`).
 *
 * @returns the hasher.
 * @throws {Error} never.
 * @example
 * const hash = createSha256();
 * hash.update(chunk);
 * hash.digestHex();
 */
export function createSha256(): Sha256 {
  const hash = createHash('sha256');
  return {
    update(bytes) {
      hash.update(bytes);
    },
    digestHex() {
      return hash.digest('hex');
    },
  };
}
