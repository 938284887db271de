/**
 * `mergePineOptions(defaults, extras)`: combines a method's default pine options with the
 * caller's, by the official SDK's rules, with a result type that follows the same rules.
 */

/** Options objects the merge works on (only `$select`, `$filter`, `$expand`, `$top`, `$skip`, `$orderby` matter). */
export interface MergeableOptions {
  readonly $select?: unknown;
  readonly $filter?: unknown;
  readonly $expand?: unknown;
  readonly $orderby?: unknown;
  readonly $top?: unknown;
  readonly $skip?: unknown;
}

type Overridden = '$top' | '$skip' | '$orderby';
type Merged = '$select' | '$filter' | '$expand';

/** An array form of a `$select` value. */
type SelectList<S> = S extends '*'
  ? never
  : S extends ReadonlyArray<infer K>
    ? K[]
    : S extends string
      ? S[]
      : never[];

/** `$select`: `'*'` in extras wins, otherwise both lists are concatenated. */
type MergeSelect<D, E> = E extends { $select: infer ES }
  ? ES extends '*'
    ? '*'
    : D extends { $select: infer DS }
      ? Array<SelectList<DS>[number] | SelectList<ES>[number]>
      : Array<SelectList<ES>[number]>
  : D extends { $select: infer DS }
    ? DS
    : never;

/** `$filter`: both present are joined with `$and`. */
type MergeFilter<D, E> = E extends { $filter: infer EF }
  ? D extends { $filter: infer DF }
    ? { $and: [DF, EF] }
    : EF
  : D extends { $filter: infer DF }
    ? DF
    : never;

/** An `$expand` value as an object of navigation → options. */
type ExpandToObject<X> = X extends string
  ? { [K in X]: Record<never, never> }
  : X extends ReadonlyArray<infer Item>
    ? UnionToIntersection<ExpandToObject<Item>>
    : X extends object
      ? X
      : Record<never, never>;

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (
  arg: infer I,
) => void
  ? { [K in keyof I]: I[K] }
  : never;

/** `$expand`: normalised to objects and merged per navigation with the same rules. */
type MergeExpand<D, E> = E extends { $expand: infer EE }
  ? D extends { $expand: infer DE }
    ? {
        [
          K in keyof ExpandToObject<DE> | keyof ExpandToObject<EE>
        ]: K extends keyof ExpandToObject<EE>
          ? K extends keyof ExpandToObject<DE>
            ? MergePineOptions<ExpandToObject<DE>[K], ExpandToObject<EE>[K]>
            : ExpandToObject<EE>[K]
          : K extends keyof ExpandToObject<DE>
            ? ExpandToObject<DE>[K]
            : never;
      }
    : EE
  : D extends { $expand: infer DE }
    ? DE
    : never;

/** The keys present in the merged options. */
type MergedKeys<D, E> = Extract<keyof D | keyof E, Overridden | Merged>;

/** The type `mergePineOptions(defaults, extras)` returns. */
export type MergePineOptions<D, E> = [keyof E] extends [never]
  ? D
  : {
      [K in MergedKeys<D, E> | Exclude<keyof D, Overridden | Merged>]: K extends '$select'
        ? MergeSelect<D, E>
        : K extends '$filter'
          ? MergeFilter<D, E>
          : K extends '$expand'
            ? MergeExpand<D, E>
            : K extends Overridden
              ? K extends keyof E
                ? E[K]
                : K extends keyof D
                  ? D[K]
                  : never
              : K extends keyof D
                ? D[K]
                : never;
    };

const OVERRIDDEN_KEYS = ['$top', '$skip', '$orderby'] as const;

/**
 * Merges caller options into a method's default pine options.
 *
 * `$select` lists are concatenated (`'*'` in extras wins), `$top`/`$skip`/`$orderby` are
 * overridden by extras, `$filter`s are joined with `$and`, and `$expand`s are normalised to
 * objects and merged per navigation with these same rules. Other keys in extras are ignored.
 *
 * @param defaults - the method's options; returned unchanged (same object) when extras are empty.
 * @param extras - the caller's options.
 * @returns the merged options.
 * @throws {Error} never.
 * @example
 * mergePineOptions({ $select: ['id'], $filter: { a: 1 } }, { $select: 'uuid', $filter: { b: 2 } });
 * // { $select: ['id', 'uuid'], $filter: { $and: [{ a: 1 }, { b: 2 }] } }
 */
export function mergePineOptions<
  const D extends MergeableOptions,
  const E extends MergeableOptions = Record<never, never>,
>(defaults: D, extras?: E): MergePineOptions<D, E> {
  return mergeOptionObjects(defaults, extras) as MergePineOptions<D, E>;
}

function mergeOptionObjects(
  defaults: MergeableOptions,
  extras?: MergeableOptions,
): MergeableOptions {
  if (extras == null || Object.keys(extras).length === 0) {
    return defaults;
  }
  const result: Record<string, unknown> = { ...defaults };
  if (extras.$select != null) {
    result.$select =
      extras.$select === '*' ? '*' : [...toList(result.$select), ...toList(extras.$select)];
  }
  for (const key of OVERRIDDEN_KEYS) {
    if (key in extras) {
      result[key] = extras[key];
    }
  }
  if (extras.$filter != null) {
    result.$filter =
      defaults.$filter != null ? { $and: [defaults.$filter, extras.$filter] } : extras.$filter;
  }
  if (extras.$expand != null) {
    result.$expand = mergeExpand(defaults.$expand, extras.$expand);
  }
  return result;
}

function toList(select: unknown): unknown[] {
  if (typeof select === 'string') {
    return [select];
  }
  return Array.isArray(select) ? select : [];
}

function mergeExpand(defaultExpand: unknown, extraExpand: unknown): unknown {
  if (defaultExpand == null) {
    return extraExpand;
  }
  // Only the defaults are copied: they are the object written to below.
  const merged = expandToObject(defaultExpand, true);
  const extra = expandToObject(extraExpand, false);
  for (const navigation of Object.keys(extra)) {
    merged[navigation] = mergeOptionObjects(
      (merged[navigation] ?? {}) as MergeableOptions,
      extra[navigation] as MergeableOptions,
    );
  }
  return merged;
}

function expandToObject(expand: unknown, copy: boolean): Record<string, unknown> {
  if (expand == null) {
    return {};
  }
  if (typeof expand === 'string') {
    return { [expand]: {} };
  }
  if (Array.isArray(expand)) {
    const combined: Record<string, unknown> = {};
    for (const entry of expand) {
      Object.assign(combined, typeof entry === 'string' ? { [entry]: {} } : entry);
    }
    return combined;
  }
  return copy ? { ...(expand as Record<string, unknown>) } : (expand as Record<string, unknown>);
}
