// Unit tests of the model foundation's pure parts: identifier classification and batch input validation.
import { describe, expect, it } from 'vitest';
import { validateBatchInput } from '../../src/internal/batch.js';
import {
  APPLICATION_LOOKUP,
  DEVICE_LOOKUP,
  isFullUuid,
  isId,
  ORGANIZATION_LOOKUP,
  parseIdentifier,
} from '../../src/internal/ids.js';

const UUID32 = '0123456789abcdef0123456789abcdef';
const UUID62 = 'a'.repeat(62);

describe('identifier classification', () => {
  it('accepts positive safe integers as ids only', () => {
    expect([1, 42, Number.MAX_SAFE_INTEGER].every(isId)).toBe(true);
    expect([0, -1, 1.5, Number.NaN, Infinity, '1', null].some(isId)).toBe(false);
  });

  it('accepts 32 and 62 hex characters as full uuids only', () => {
    expect(isFullUuid(UUID32)).toBe(true);
    expect(isFullUuid(UUID62)).toBe(true);
    expect(isFullUuid(UUID32.toUpperCase())).toBe(true);
    expect(isFullUuid(UUID32.slice(1))).toBe(false);
    expect(isFullUuid('g'.repeat(32))).toBe(false);
    expect(isFullUuid(32)).toBe(false);
  });

  it('lower-cases application slugs and uuids, keeps organization handles', () => {
    expect(parseIdentifier(APPLICATION_LOOKUP, 'MyOrg/MyApp')).toBe('myorg/myapp');
    expect(parseIdentifier(APPLICATION_LOOKUP, 7)).toBe(7);
    expect(parseIdentifier(ORGANIZATION_LOOKUP, 'MyOrg')).toBe('MyOrg');
  });

  it('accepts only full uuids as device strings', () => {
    expect(parseIdentifier(DEVICE_LOOKUP, UUID32)).toBe(UUID32);
    expect(() => parseIdentifier(DEVICE_LOOKUP, 'abc')).toThrow(
      expect.objectContaining({ code: 'BalenaInvalidParameterError' }),
    );
  });

  it('rejects empty strings, non-integers and other types with the parameter name', () => {
    for (const bad of ['', 0, -3, 2.5, null, undefined, {}, [], true]) {
      expect(() => parseIdentifier(APPLICATION_LOOKUP, bad)).toThrow(
        expect.objectContaining({
          code: 'BalenaInvalidParameterError',
          message: expect.stringContaining('slugOrUuidOrId'),
        }),
      );
    }
  });
});

describe('batch input validation', () => {
  it('accepts an id, a string, and homogeneous arrays of ids or full uuids', () => {
    expect(validateBatchInput(5, 'p')).toEqual([5]);
    expect(validateBatchInput(UUID32, 'p')).toEqual([UUID32]);
    expect(validateBatchInput([1, 2], 'p')).toEqual([1, 2]);
    expect(validateBatchInput([UUID32, UUID62], 'p')).toEqual([UUID32, UUID62]);
  });

  it('rejects empty input, mixed arrays and short uuids in arrays', () => {
    for (const bad of ['', [], [1, UUID32], ['abc'], [0], 1.5, null, {}]) {
      expect(() => validateBatchInput(bad, 'uuidOrIdOrArray')).toThrow(
        expect.objectContaining({ code: 'BalenaInvalidParameterError' }),
      );
    }
  });
});
