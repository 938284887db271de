// Deterministic synthetic OS images: the bytes of an image are a pure function of (device type, version), generated
// block by block on demand so a download never holds the image in memory. The SHA-256 of an image is computed once,
// lazily, by streaming the generator through node:crypto, and then kept for the life of the process.
import crypto from 'node:crypto';

/** Bytes per generated block; a download writes whole blocks except at the edges of a range. */
export const IMAGE_BLOCK_BYTES = 64 * 1024;

/** Default base size of every image (64 MiB); each image adds up to 1 MiB more, derived from its seed. */
export const DEFAULT_IMAGE_BASE_BYTES = 64 * 1024 * 1024;

/** Environment variable overriding the base size in bytes (benchmarks use larger images). */
export const IMAGE_BASE_BYTES_ENV = 'BALENA_LOCAL_OS_IMAGE_BYTES';

const CHECKSUM_CACHE_LIMIT = 32;
const checksums = new Map<string, Promise<string>>();

/** One synthetic image: its identity, size and block generator. */
export interface SyntheticImage {
  /** `<device type>@<raw version>`. */
  key: string;
  size: number;
  /** Returns block `index` (the last block is shorter when the size is not a multiple of the block size). */
  block(index: number): Buffer;
}

function baseSize(): number {
  const configured = Number(process.env[IMAGE_BASE_BYTES_ENV]);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_IMAGE_BASE_BYTES;
}

// xorshift32: fast, deterministic filler bytes for the template block.
function fillTemplate(seed: number): Buffer {
  const words = new Uint32Array(IMAGE_BLOCK_BYTES / 4);
  let state = seed >>> 0 || 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    words[i] = state;
  }
  return Buffer.from(words.buffer);
}

/**
 * Describes the synthetic image of a device type and OS release.
 * @param deviceType the device type slug.
 * @param rawVersion the release's raw version, e.g. `2.48.0+rev1.prod`.
 * @throws never
 * @example
 * const image = syntheticImage('raspberrypi3', '6.0.10');
 * const first = image.block(0);
 */
export function syntheticImage(deviceType: string, rawVersion: string): SyntheticImage {
  const key = `${deviceType}@${rawVersion}`;
  const digest = crypto.createHash('sha256').update(key).digest();
  // Whole 512-byte sectors, as disk images are.
  const size = baseSize() + (digest.readUInt32LE(0) % 2048) * 512;
  const template = fillTemplate(digest.readUInt32LE(4));
  const blockCount = Math.ceil(size / IMAGE_BLOCK_BYTES);
  return {
    key,
    size,
    block(index) {
      const length =
        index === blockCount - 1 ? size - index * IMAGE_BLOCK_BYTES : IMAGE_BLOCK_BYTES;
      const block = Buffer.allocUnsafe(length);
      template.copy(block, 0, 0, length);
      // Stamp the block index every 4 KiB so no two blocks are equal.
      for (let offset = 0; offset + 4 <= length; offset += 4096) {
        block.writeUInt32LE((index * 2654435761 + offset) >>> 0, offset);
      }
      return block;
    },
  };
}

/**
 * The hex SHA-256 of a synthetic image, computed on first use (yielding between blocks) and cached.
 * @param image the image.
 * @throws never (the computation cannot fail)
 * @example
 * res.setHeader('X-Checksum-Sha256', await imageChecksum(image));
 */
export function imageChecksum(image: SyntheticImage): Promise<string> {
  const cacheKey = `${image.key}:${image.size}`;
  let pending = checksums.get(cacheKey);
  if (pending === undefined) {
    pending = computeChecksum(image);
    if (checksums.size >= CHECKSUM_CACHE_LIMIT) {
      const oldest = checksums.keys().next().value;
      if (oldest !== undefined) checksums.delete(oldest);
    }
    checksums.set(cacheKey, pending);
  }
  return pending;
}

async function computeChecksum(image: SyntheticImage): Promise<string> {
  const hash = crypto.createHash('sha256');
  const blockCount = Math.ceil(image.size / IMAGE_BLOCK_BYTES);
  for (let index = 0; index < blockCount; index++) {
    hash.update(image.block(index));
    if (index % 128 === 127) await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}
