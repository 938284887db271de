// Shared behaviour suite for tags and variables (every model's `tags`, `envVar`, `configVar`, ...),
// run against the real local API.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BalenaSDK } from '../../../src/index.js';

/** The operations of one dependent resource, under the model's parent-specific names. */
export interface DependentResourceUnderTest {
  getAllByParent(
    parent: string | number,
    options?: object,
  ): Promise<Array<Record<string, unknown>>>;
  get?(parent: string | number, key: string): Promise<string | undefined>;
  set(parent: string | number, key: string, value: string): Promise<void>;
  remove(parent: string | number, key: string): Promise<void>;
}

/** A fresh parent (fleet, device, release, ...) for one suite. */
export interface DependentResourceFixture {
  sdk: BalenaSDK;
  /** The parent's id. */
  parentId: number;
  /** Another accepted identifier of the parent (slug, uuid), if the parent has one. */
  parentName?: string;
}

/** What the suite needs to know about the resource. */
export interface DependentResourceSuite {
  /** e.g. `application.tags`. */
  title: string;
  /** `tag_key` or `name`. */
  keyField: string;
  /** Builds the parent and a logged-in SDK. */
  setup(): Promise<DependentResourceFixture>;
  /** Picks the operations from the SDK. */
  pick(sdk: BalenaSDK): DependentResourceUnderTest;
  /** A key valid for this kind (variables need an env-var-like name). */
  keyPrefix: string;
  /** The error code a missing parent raises, e.g. `BalenaApplicationNotFound`. */
  notFoundCode: string;
  /** A parent identifier rejected before any request. */
  invalidParent: unknown;
  /** Whether the resource has `get(parent, key)` (variables do, tags do not). */
  hasGet: boolean;
}

/**
 * Declares the shared tests of a tag or variable resource.
 * @param suite - the resource, its fixture and its errors.
 * @example
 * describeDependentResource({ title: 'application.tags', keyField: 'tag_key', ... });
 */
export function describeDependentResource(suite: DependentResourceSuite): void {
  describe(`${suite.title} (dependent resource)`, () => {
    let fixture: DependentResourceFixture;
    let api: DependentResourceUnderTest;
    const key = (n: number) => `${suite.keyPrefix}_${n}`;

    beforeAll(async () => {
      fixture = await suite.setup();
      api = suite.pick(fixture.sdk);
    });

    it('sets keys and lists them by parent id, ordered by key', async () => {
      await api.set(fixture.parentId, key(2), 'two');
      await api.set(fixture.parentId, key(1), 'one');
      const rows = await api.getAllByParent(fixture.parentId);
      expect(rows.map((row) => [row[suite.keyField], row.value])).toEqual([
        [key(1), 'one'],
        [key(2), 'two'],
      ]);
    });

    it('updates an existing key instead of duplicating it', async () => {
      await api.set(fixture.parentId, key(3), 'before');
      await api.set(fixture.parentId, key(3), 'after');
      const rows = await api.getAllByParent(fixture.parentId, {
        $filter: { [suite.keyField]: key(3) },
      });
      expect(rows.map((row) => row.value)).toEqual(['after']);
    });

    it('accepts the parent by its other identifier and merges pine options', async () => {
      const parent = fixture.parentName ?? fixture.parentId;
      await api.set(parent, key(4), 'by-name');
      const rows = await api.getAllByParent(parent, { $select: [suite.keyField] });
      expect(rows.map((row) => row[suite.keyField])).toContain(key(4));
      expect(rows.every((row) => !('value' in row))).toBe(true);
    });

    it('removes a key, and removing a missing key is not an error', async () => {
      await api.set(fixture.parentId, key(5), 'doomed');
      await api.remove(fixture.parentId, key(5));
      await api.remove(fixture.parentId, key(5));
      const keys = (await api.getAllByParent(fixture.parentId)).map((row) => row[suite.keyField]);
      expect(keys).not.toContain(key(5));
    });

    if (suite.hasGet) {
      it('gets one value, or undefined for a missing key', async () => {
        const get = api.get;
        if (get === undefined) throw new Error(`${suite.title} has no get()`);
        await api.set(fixture.parentId, key(6), 'six');
        expect(await get(fixture.parentId, key(6))).toBe('six');
        expect(await get(fixture.parentId, key(999))).toBeUndefined();
        await expect(get(999_999_999, key(6))).rejects.toMatchObject({ code: suite.notFoundCode });
      });
    }

    it('raises the parent NotFound error for a missing parent', async () => {
      await expect(api.getAllByParent(999_999_999)).rejects.toMatchObject({
        code: suite.notFoundCode,
      });
      await expect(api.set(999_999_999, key(7), 'x')).rejects.toMatchObject({
        code: suite.notFoundCode,
      });
      await expect(api.remove(999_999_999, key(7))).rejects.toMatchObject({
        code: suite.notFoundCode,
      });
    });

    it('rejects an invalid parent before any request', async () => {
      const invalid = suite.invalidParent as string;
      await expect(api.getAllByParent(invalid)).rejects.toMatchObject({
        code: 'BalenaInvalidParameterError',
      });
      await expect(api.set(invalid, key(8), 'x')).rejects.toMatchObject({
        code: 'BalenaInvalidParameterError',
      });
    });
  });
}
