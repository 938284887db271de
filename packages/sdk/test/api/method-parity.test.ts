// Method parity with the official SDK 23.2.15: walks a real SDK instance and compares it with the list of every
// public path of the official package (official-methods.txt, copied from the reference inventory).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';
import { NOT_IMPLEMENTED_YET } from './method-parity.pending.js';

const officialPaths = fs
  .readFileSync(new URL('./official-methods.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

const pendingPaths = NOT_IMPLEMENTED_YET.flatMap((group) => group.paths);

function lookup(root: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]),
      root,
    );
}

/** Error classes must be constructors of errors; everything else a callable function. */
function kindProblem(path: string, value: unknown): string | undefined {
  if (typeof value !== 'function') return `${path} is a ${typeof value}, not a function`;
  if (path.startsWith('errors.')) {
    const prototype: unknown = value.prototype;
    if (!(prototype instanceof Error)) return `${path} is not an Error class`;
  }
  return undefined;
}

describe('method parity with the official SDK', () => {
  const sdk = getSdk({ apiUrl: 'http://127.0.0.1:9/', dataDirectory: false });
  const present = officialPaths.filter((path) => lookup(sdk, path) !== undefined);
  const missing = officialPaths.filter((path) => lookup(sdk, path) === undefined);

  it('reads the official list', () => {
    expect(officialPaths).toHaveLength(308);
    expect(new Set(officialPaths).size).toBe(officialPaths.length);
  });

  it('has every official path except the listed pending ones (the list is not stale either way)', () => {
    console.info(
      `method parity: ${present.length} of ${officialPaths.length} official paths exist; ${missing.length} pending`,
    );
    expect([...missing].sort()).toEqual([...pendingPaths].sort());
  });

  it('lists only official paths as pending', () => {
    expect(pendingPaths.filter((path) => !officialPaths.includes(path))).toEqual([]);
  });

  it('gives every present path the right kind (methods are functions, errors are Error classes)', () => {
    const problems = present
      .map((path) => kindProblem(path, lookup(sdk, path)))
      .filter((problem) => problem !== undefined);
    expect(problems).toEqual([]);
  });

  it('keeps model methods plain functions that work when destructured', () => {
    const { has } = sdk.models.application;
    expect(has.length).toBeGreaterThanOrEqual(1);
    expect(() => sdk.models.application.getDashboardUrl(1)).not.toThrow();
  });
});
