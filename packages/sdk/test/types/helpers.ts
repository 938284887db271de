// Compile-time assertions for the type tests.

/** True when two types are identical. */
export type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when its argument is `true`. */
export function assertType<T extends true>(_proof?: T): void {}

/** A value of any type, for expressions whose type is all that matters. */
export declare function value<T>(): T;
