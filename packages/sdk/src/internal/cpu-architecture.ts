/**
 * Which CPU architectures can run software built for another: the rule behind
 * `os.isArchitectureCompatibleWith`, device `move` and device `register`.
 */

/** Architectures an OS architecture runs besides its own. */
const RUNS_ALSO: Readonly<Record<string, readonly string[]>> = Object.freeze({
  aarch64: ['armv7hf', 'rpi'],
  armv7hf: ['rpi'],
});

/**
 * Tells whether a device of one CPU architecture can run a fleet built for another.
 *
 * @param osArchitecture - the device's (or OS image's) architecture slug.
 * @param applicationArchitecture - the fleet's architecture slug.
 * @returns true when equal, or when aarch64 runs armv7hf/rpi, or armv7hf runs rpi.
 * @throws {Error} never; unknown slugs are only compatible with themselves.
 * @example
 * isArchitectureCompatibleWith('aarch64', 'armv7hf'); // true
 */
export function isArchitectureCompatibleWith(
  osArchitecture: string,
  applicationArchitecture: string,
): boolean {
  return (
    osArchitecture === applicationArchitecture ||
    (Object.hasOwn(RUNS_ALSO, osArchitecture) &&
      (RUNS_ALSO[osArchitecture] ?? []).includes(applicationArchitecture))
  );
}
