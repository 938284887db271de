import { describe, expect, it } from 'vitest';
import { compileUrl } from '../../src/pine/compile.js';
import { invalidCorpus, validCorpus } from './corpus/index.js';
import { oracleCompile } from './oracle.js';

function ourCompile(params: Record<string, unknown>): { url?: string; error?: string } {
  try {
    return { url: compileUrl(params) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('differential: compiled URLs equal pinejs-client-core 8.5.40', () => {
  it('has a corpus of at least 250 valid queries with unique names', () => {
    expect(validCorpus.length).toBeGreaterThanOrEqual(250);
    expect(new Set(validCorpus.map((entry) => entry.name)).size).toBe(validCorpus.length);
  });

  it.each(validCorpus.map((entry) => [entry.name, entry.params] as const))(
    '%s',
    (_name, params) => {
      const expected = oracleCompile(params);
      expect(expected.error).toBeUndefined();
      expect(ourCompile(params)).toEqual(expected);
    },
  );
});

describe('differential: invalid input is rejected with the oracle message', () => {
  it.each(invalidCorpus.map((entry) => [entry.name, entry.params] as const))(
    '%s',
    (_name, params) => {
      const expected = oracleCompile(params);
      expect(expected.error).toBeDefined();
      expect(ourCompile(params)).toEqual(expected);
    },
  );
});
