// The API reference (docs/reference/) is generated from the TSDoc: every public function must have
// a summary, the committed pages must equal what the generator produces now, and the functions
// the SDK object really has at run time must all be in the reference.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';

interface ReferenceEntry {
  kind: 'function' | 'method' | 'class' | 'hook' | 'property' | 'option';
  path: string;
  page: string;
  summary: string;
  examples?: string[];
  source?: string;
}

interface ReferenceGenerator {
  generateReference(
    root: string,
  ): Promise<{ files: Map<string, string>; entries: ReferenceEntry[] }>;
  readCommittedReference(root: string): Promise<Map<string, string>>;
  differingPages(expected: Map<string, string>, actual: Map<string, string>): string[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const GENERATOR = pathToFileURL(path.join(ROOT, 'scripts/generate-reference.mjs')).href;
/** Kinds that are callable public API (options and plain properties are described, not called). */
const CALLABLE = new Set(['function', 'method', 'class', 'hook']);

let generator: ReferenceGenerator;
let generated: { files: Map<string, string>; entries: ReferenceEntry[] };

beforeAll(async () => {
  generator = (await import(GENERATOR)) as ReferenceGenerator;
  generated = await generator.generateReference(ROOT);
}, 60_000);

/** Paths of every function on the SDK object (own and prototype members, nested objects). */
function runtimeFunctionPaths(value: object, prefix: string, seen = new Set<object>()): string[] {
  if (seen.has(value)) return [];
  seen.add(value);
  const names = new Set<string>();
  for (
    let layer = value;
    layer && layer !== Object.prototype;
    layer = Object.getPrototypeOf(layer)
  ) {
    for (const name of Object.getOwnPropertyNames(layer))
      if (name !== 'constructor') names.add(name);
  }
  const paths: string[] = [];
  for (const name of names) {
    const member: unknown = (value as Record<string, unknown>)[name];
    const memberPath = `${prefix}.${name}`;
    if (typeof member === 'function') paths.push(memberPath);
    else if (member && typeof member === 'object' && !Array.isArray(member)) {
      paths.push(...runtimeFunctionPaths(member, memberPath, seen));
    }
  }
  return paths;
}

describe('API reference', () => {
  it('has a TSDoc summary for every public function', () => {
    const callable = generated.entries.filter((entry) => CALLABLE.has(entry.kind));
    const missing = callable
      .filter((entry) => entry.summary.trim() === '')
      .map((entry) => `${entry.path} (${entry.source ?? 'unknown source'})`);
    expect(missing, `public functions without a TSDoc summary:\n${missing.join('\n')}`).toEqual([]);
    // The walk reached the whole surface, not just part of it.
    const paths = new Set(callable.map((entry) => entry.path));
    for (const known of [
      'getSdk',
      'fromSharedOptions',
      'setSharedOptions',
      'sdk.auth.twoFactor.enable',
      'sdk.models.application.tags.set',
      'sdk.models.device.get',
      'sdk.models.os.download',
      'sdk.logs.subscribe',
      'sdk.pine.get',
      'sdk.request.send',
      'sdk.utils.mergePineOptions',
      'sdk.errors.BalenaDeviceNotFound',
      'sdk.errors.isBalenaError',
    ]) {
      expect(paths, known).toContain(known);
    }
    const methods = callable.filter(
      (entry) => entry.kind === 'method' || entry.kind === 'function',
    );
    expect(methods.length).toBeGreaterThan(300);
  });

  it('has an @example for every public function', () => {
    const withoutExample = generated.entries
      .filter((entry) => CALLABLE.has(entry.kind) && !entry.examples?.length)
      .map((entry) => `${entry.path} (${entry.source ?? 'unknown source'})`);
    expect(withoutExample, `no @example:\n${withoutExample.join('\n')}`).toEqual([]);
  });

  it('documents every function the SDK object has at run time', () => {
    const sdk = getSdk({ apiUrl: 'http://127.0.0.1:1/', dataDirectory: false });
    const documented = new Set(generated.entries.map((entry) => entry.path));
    const undocumented = runtimeFunctionPaths(sdk, 'sdk').filter((name) => !documented.has(name));
    expect(
      undocumented,
      `functions missing from the reference:\n${undocumented.join('\n')}`,
    ).toEqual([]);
  });

  it('is committed exactly as the generator writes it now', async () => {
    const committed = await generator.readCommittedReference(ROOT);
    const stale = generator.differingPages(generated.files, committed);
    expect(
      stale,
      `docs/reference/ is out of date (${stale.join(', ')}): run npm run docs:reference`,
    ).toEqual([]);
    expect(committed.has('index.md')).toBe(true);
  });
});
