/**
 * Differential test: our balenaOS semver (src/internal/semver*.ts) against `balena-semver`, the
 * library the official SDK uses, on the same corpus of version strings and ranges.
 */
import * as oracle from 'balena-semver';
import { describe, expect, it } from 'vitest';
import * as ours from '../../src/internal/semver.js';
import { maxSatisfying, satisfies } from '../../src/internal/semver-range.js';
import {
  generatedRanges,
  generatedVersions,
  KNOWN_RANGES,
  KNOWN_VERSIONS,
} from './semver-corpus.js';

const VERSIONS = [...KNOWN_VERSIONS, ...generatedVersions(600)];
const RANGES = [...KNOWN_RANGES, ...generatedRanges(400)];
const COMPARED = [...KNOWN_VERSIONS, ...generatedVersions(120), null, undefined];

function oracleParse(version: string) {
  const parsed = oracle.parse(version);
  return parsed === null
    ? null
    : {
        raw: parsed.raw,
        major: parsed.major,
        minor: parsed.minor,
        patch: parsed.patch,
        prerelease: [...parsed.prerelease],
        build: [...parsed.build],
        version: parsed.version,
      };
}

describe('balenaOS semver equals balena-semver', () => {
  it(`parses, validates and reads parts of ${VERSIONS.length} version strings alike`, () => {
    let parsedCount = 0;
    for (const version of VERSIONS) {
      const expected = oracleParse(version);
      expect({ version, parsed: ours.parse(version) }).toEqual({ version, parsed: expected });
      expect([version, ours.valid(version)]).toEqual([version, oracle.valid(version)]);
      expect([version, ours.major(version)]).toEqual([version, oracle.major(version)]);
      expect([version, ours.prerelease(version)]).toEqual([version, oracle.prerelease(version)]);
      if (expected !== null) {
        parsedCount += 1;
        const revision = oracle.getRevision(oracle.parse(version)!);
        expect([version, ours.getRevision(expected)]).toEqual([version, revision]);
      }
    }
    // The corpus must hold both valid and invalid strings to prove anything.
    expect(parsedCount).toBeGreaterThan(VERSIONS.length / 2);
    expect(parsedCount).toBeLessThan(VERSIONS.length);
  });

  it(`orders every pair of ${COMPARED.length} versions alike (compare, rcompare, gt/gte/lt/lte)`, () => {
    let pairs = 0;
    for (const a of COMPARED) {
      for (const b of COMPARED) {
        const expected = oracle.compare(a, b);
        const actual = ours.compare(a, b);
        if (actual !== expected) {
          expect({ a, b, compare: actual }).toEqual({ a, b, compare: expected });
        }
        pairs += 1;
      }
      expect([a, ours.rcompare(a, '2.48.0+rev1')]).toEqual([a, oracle.rcompare(a, '2.48.0+rev1')]);
      expect([a, ours.gt(a, '2.14.0')]).toEqual([a, oracle.gt(a, '2.14.0')]);
      expect([a, ours.gte(a, '2.14.0+rev1')]).toEqual([a, oracle.gte(a, '2.14.0+rev1')]);
      expect([a, ours.lt(a, '2023.1.0')]).toEqual([a, oracle.lt(a, '2023.1.0')]);
      expect([a, ours.lte(a, '6.0.50+rev1')]).toEqual([a, oracle.lte(a, '6.0.50+rev1')]);
    }
    expect(pairs).toBe(COMPARED.length ** 2);
    const sorted = [...COMPARED].sort(ours.compare);
    expect(sorted).toEqual([...COMPARED].sort(oracle.compare));
  });

  it(`decides satisfies for ${RANGES.length} ranges × sample versions alike`, () => {
    const sample = [...KNOWN_VERSIONS.slice(0, 60), ...generatedVersions(60)];
    let matches = 0;
    for (const range of RANGES) {
      for (const version of sample) {
        const expected = oracle.satisfies(version, range);
        const actual = satisfies(version, range);
        if (actual !== expected) {
          expect({ range, version, satisfies: actual }).toEqual({
            range,
            version,
            satisfies: expected,
          });
        }
        if (expected) matches += 1;
      }
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('picks the same maxSatisfying version for every range', () => {
    const pool = [...KNOWN_VERSIONS, ...generatedVersions(80), null, undefined];
    for (const range of RANGES) {
      expect([range, maxSatisfying(pool, range)]).toEqual([
        range,
        oracle.maxSatisfying(pool, range),
      ]);
    }
  });
});
