/**
 * Incremental SHA-256 (FIPS 180-4) for verifying OS image downloads as they stream.
 *
 * Web Crypto only digests a complete buffer, which would mean holding a whole image in memory;
 * this hasher takes the bytes chunk by chunk with a fixed 64-byte buffer, in Node and browsers alike.
 */

// The constants are the first 32 bits of the fractional parts of the square roots (initial state) and
// cube roots (round constants) of the first primes; computing them keeps the browser bundle smaller
// than spelling them out. The differential test against node:crypto guards the derivation.
function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let candidate = 2; primes.length < count; candidate++) {
    if (primes.every((p) => candidate % p !== 0)) primes.push(candidate);
  }
  return primes;
}

function fractionBits(value: number): number {
  return ((value - Math.floor(value)) * 0x100000000) >>> 0;
}

const PRIMES = firstPrimes(64);
const ROUND_CONSTANTS = new Uint32Array(PRIMES.map((p) => fractionBits(Math.cbrt(p))));
const INITIAL_STATE = PRIMES.slice(0, 8).map((p) => fractionBits(Math.sqrt(p)));

/** A running SHA-256 digest. */
export interface Sha256 {
  /** Adds bytes to the digest. */
  update(bytes: Uint8Array): void;
  /** Finishes the digest and returns it as lowercase hex; the hasher cannot be used afterwards. */
  digestHex(): string;
}

/**
 * Creates an incremental SHA-256 hasher.
 *
 * @returns the hasher.
 * @throws {Error} never.
 * @example
 * const hash = createSha256();
 * hash.update(new TextEncoder().encode('abc'));
 * hash.digestHex(); // 'ba7816bf...'
 */
export function createSha256(): Sha256 {
  const state = new Uint32Array(INITIAL_STATE);
  const schedule = new Uint32Array(64);
  const pending = new Uint8Array(64);
  let pendingLength = 0;
  let totalBytes = 0;

  // Compresses 64-byte blocks of `bytes` starting at `offset`; returns the offset after the last one.
  function compress(bytes: Uint8Array, offset: number, end: number): number {
    const w = schedule;
    const k = ROUND_CONSTANTS;
    let h0 = state[0] | 0;
    let h1 = state[1] | 0;
    let h2 = state[2] | 0;
    let h3 = state[3] | 0;
    let h4 = state[4] | 0;
    let h5 = state[5] | 0;
    let h6 = state[6] | 0;
    let h7 = state[7] | 0;
    while (end - offset >= 64) {
      for (let i = 0; i < 16; i++, offset += 4) {
        w[i] =
          (bytes[offset] << 24) |
          (bytes[offset + 1] << 16) |
          (bytes[offset + 2] << 8) |
          bytes[offset + 3];
      }
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15];
        const y = w[i - 2];
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      let a = h0;
      let b = h1;
      let c = h2;
      let d = h3;
      let e = h4;
      let f = h5;
      let g = h6;
      let h = h7;
      for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const t1 = (h + S1 + ((e & f) ^ (~e & g)) + k[i] + w[i]) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0;
      h1 = (h1 + b) | 0;
      h2 = (h2 + c) | 0;
      h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0;
      h5 = (h5 + f) | 0;
      h6 = (h6 + g) | 0;
      h7 = (h7 + h) | 0;
    }
    state[0] = h0;
    state[1] = h1;
    state[2] = h2;
    state[3] = h3;
    state[4] = h4;
    state[5] = h5;
    state[6] = h6;
    state[7] = h7;
    return offset;
  }

  function update(bytes: Uint8Array): void {
    totalBytes += bytes.length;
    let offset = 0;
    if (pendingLength > 0) {
      const taken = Math.min(64 - pendingLength, bytes.length);
      pending.set(bytes.subarray(0, taken), pendingLength);
      pendingLength += taken;
      offset = taken;
      if (pendingLength < 64) return;
      compress(pending, 0, 64);
      pendingLength = 0;
    }
    offset = compress(bytes, offset, bytes.length);
    if (offset < bytes.length) {
      pending.set(bytes.subarray(offset), 0);
      pendingLength = bytes.length - offset;
    }
  }

  function digestHex(): string {
    const bitLength = totalBytes * 8;
    const padding = new Uint8Array(pendingLength < 56 ? 64 : 128);
    padding.set(pending.subarray(0, pendingLength));
    padding[pendingLength] = 0x80;
    const view = new DataView(padding.buffer);
    view.setUint32(padding.length - 8, Math.floor(bitLength / 0x100000000));
    view.setUint32(padding.length - 4, bitLength >>> 0);
    compress(padding, 0, padding.length);
    return Array.from(state, (word) => word.toString(16).padStart(8, '0')).join('');
  }

  return { update, digestHex };
}
