import type { Sha256 } from '../models/os/sha256.js';

/**
 * Creates an incremental SHA-256 hasher backed by node:crypto (native speed for OS image checks;
 * the browser build uses the portable one in `models/os/sha256.ts`).
 *
 * node:crypto is imported on first use: loading it up front would cost every SDK user several
 * milliseconds of start-up for a feature few of them call.
 *
 * @returns the hasher.
 * @throws {Error} never.
 * @example
 * const hash = await createSha256();
 * hash.update(chunk);
 * hash.digestHex();
 */
export async function createSha256(): Promise<Sha256> {
  const { createHash } = await import('node:crypto');
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
