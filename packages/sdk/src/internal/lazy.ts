/**
 * Defines getters that build a value on first access and then keep it as a plain property.
 *
 * @param target - the object to extend.
 * @param factories - one factory per property name.
 * @returns the same object.
 * @example
 * defineLazyProperties(sdk, { auth: () => createAuth(ctx) });
 */
export function defineLazyProperties<T extends object>(
  target: T,
  factories: Record<string, () => unknown>,
): T {
  for (const [name, factory] of Object.entries(factories)) {
    Object.defineProperty(target, name, {
      enumerable: true,
      configurable: true,
      get() {
        const value = factory();
        Object.defineProperty(target, name, {
          value,
          enumerable: true,
          configurable: true,
          writable: false,
        });
        return value;
      },
    });
  }
  return target;
}
