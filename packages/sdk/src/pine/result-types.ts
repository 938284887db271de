/**
 * Result types of pine queries: `$select` narrows a row to the selected fields, `$expand` turns
 * the expanded navigations into arrays of (narrowed) rows, `$count` yields a number, and a get
 * by `id` yields one row or `undefined`.
 */
import type {
  AnyRow,
  Deferred,
  IsUntypedRow,
  NavigationKeyOf,
  NavigationTarget,
  StringKeyOf,
} from './query-types.js';

/** Simplifies an intersection into one object type for readable hovers and errors. */
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The keys named by an `$expand` value. */
export type ExpandedKeys<R, E> = E extends string
  ? E & NavigationKeyOf<R>
  : E extends ReadonlyArray<infer Item>
    ? ExpandedKeys<R, Item>
    : E extends object
      ? StringKeyOf<E> & NavigationKeyOf<R>
      : never;

/** The nested options an `$expand` value gives one navigation (`{}` when named bare). */
type NestedOptionsFor<E, K extends string> =
  E extends ReadonlyArray<infer Item>
    ? NestedOptionsFor<Item, K>
    : E extends string
      ? never
      : E extends { readonly [P in K]?: infer O }
        ? O
        : never;

/** The options a navigation was expanded with, or `{}` when it was named without options. */
type OptionsOfExpanded<E, K extends string> = [NestedOptionsFor<E, K>] extends [never]
  ? Record<never, never>
  : Exclude<NestedOptionsFor<E, K>, undefined>;

/** The field keys a `$select` value names (all fields for `'*'` or no `$select`). */
export type SelectedKeys<R, O> = O extends { $select: infer S }
  ? S extends '*'
    ? DefaultKeys<R, O>
    : S extends ReadonlyArray<infer K> | ReadonlySet<infer K>
      ? K & StringKeyOf<R>
      : S & StringKeyOf<R>
  : DefaultKeys<R, O>;

/** Without `$select`, every field that is not expanded. */
type DefaultKeys<R, O> = Exclude<
  StringKeyOf<R>,
  ExpandedKeys<R, O extends { $expand: infer E } ? E : never>
>;

/** The selected fields of a row, navigations deferred (`{ __id }`). */
type SelectedFields<R, O> =
  IsUntypedRow<R> extends true ? AnyRow : { [K in SelectedKeys<R, O>]: Deferred<R[K & keyof R]> };

/** The expanded navigations of a row, each an array of rows (or a number for `$count`). */
type ExpandedFields<R, O> = O extends { $expand: infer E }
  ? {
      [K in ExpandedKeys<R, E>]-?: ExpandedValue<NavigationTarget<R, K>, OptionsOfExpanded<E, K>>;
    }
  : Record<never, never>;

type ExpandedValue<T, O> = O extends { $count: unknown } ? number : Array<RowResult<T, O>>;

/** One row of a query result for the given options. */
export type RowResult<R, O> = Flatten<SelectedFields<R, O> & ExpandedFields<R, O>>;

/**
 * The resolved value of `pine.get`: a number for `$count`, one row or `undefined` for a get by
 * `id`, otherwise an array of rows.
 */
export type GetResult<R, O, HasId extends boolean> = O extends { $count: unknown }
  ? number
  : HasId extends true
    ? RowResult<R, O> | undefined
    : Array<RowResult<R, O>>;

/** Whether a params object carries an `id`. */
export type HasId<P> = P extends { id: infer I } ? ([I] extends [undefined] ? false : true) : false;

/** The `options` of a params object, `{}` when absent. */
export type OptionsOf<P> = P extends { options: infer O }
  ? Exclude<O, undefined>
  : Record<never, never>;

/** A row as returned by POST: every field, navigations deferred. */
export type CreatedRow<R> = RowResult<R, Record<never, never>>;
