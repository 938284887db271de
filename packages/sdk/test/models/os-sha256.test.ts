// The incremental SHA-256 used to verify OS image downloads, against node:crypto over random inputs split at
// random chunk boundaries (block edges, padding edges, empty chunks).
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSha256 } from '../../src/models/os/sha256.js';

function ours(chunks: Uint8Array[]): string {
  const hash = createSha256();
  for (const chunk of chunks) hash.update(chunk);
  return hash.digestHex();
}

function oracle(chunks: Uint8Array[]): string {
  const hash = crypto.createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

describe('createSha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    const text = (s: string) => [new TextEncoder().encode(s)];
    expect(ours(text('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(ours([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('equals node:crypto for every length around the padding edges', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = crypto.randomBytes(length);
      expect([length, ours([bytes])]).toEqual([length, oracle([bytes])]);
    }
  });

  it('equals node:crypto for random data in random chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 12 }),
        (chunks) => ours(chunks) === oracle(chunks),
      ),
      { numRuns: 300 },
    );
  });

  it('hashes several megabytes the same as node:crypto', () => {
    const big = crypto.randomBytes(5 * 1024 * 1024 + 17);
    const chunks = [
      big.subarray(0, 65_537),
      big.subarray(65_537, 3_000_001),
      big.subarray(3_000_001),
    ];
    expect(ours(chunks)).toBe(oracle(chunks));
  });
});
