import type { SdkOptions } from './config.js';
import { getSdk, type BalenaSDK } from './sdk.js';

// Global keys shared with the official SDK, so both see the same shared options.
const SHARED_OPTIONS_KEY = 'BALENA_SDK_SHARED_OPTIONS';
const HAS_USED_KEY = 'BALENA_SDK_HAS_USED_SHARED_OPTIONS';
const HAS_SET_KEY = 'BALENA_SDK_HAS_SET_SHARED_OPTIONS';

type SharedOptionsGlobal = {
  [SHARED_OPTIONS_KEY]?: SdkOptions;
  [HAS_USED_KEY]?: boolean;
  [HAS_SET_KEY]?: boolean;
};

const globalEnv = globalThis as typeof globalThis & SharedOptionsGlobal;

/**
 * Stores options for later `fromSharedOptions()` calls (the one sanctioned piece of global
 * state). Logs a race-condition warning, without throwing, when options were already set or used.
 *
 * @param options - the options to share.
 * @throws {Error} never; a repeated or late call only logs the warning.
 * @example
 * setSharedOptions({ apiUrl: 'https://api.balena-cloud.com/' });
 */
export function setSharedOptions(options: SdkOptions): void {
  if (globalEnv[HAS_USED_KEY]) {
    console.error(
      'Shared SDK options have already been used. You may have a race condition in your code.',
    );
  }
  if (globalEnv[HAS_SET_KEY]) {
    console.error(
      'Shared SDK options have already been set. You may have a race condition in your code.',
    );
  }
  globalEnv[SHARED_OPTIONS_KEY] = options;
  globalEnv[HAS_SET_KEY] = true;
}

/**
 * Reads the shared options and marks them as used.
 *
 * @returns the options given to `setSharedOptions()`, or undefined.
 * @example
 * const options = takeSharedOptions();
 */
export function takeSharedOptions(): SdkOptions | undefined {
  globalEnv[HAS_USED_KEY] = true;
  return globalEnv[SHARED_OPTIONS_KEY];
}

/**
 * Creates an SDK from the options given to `setSharedOptions()` (defaults when none were set).
 *
 * @returns the SDK.
 * @throws {Error} never, as `getSdk()`.
 * @example
 * setSharedOptions({ apiUrl: 'https://api.balena-cloud.com/' });
 * const sdk = fromSharedOptions();
 */
export function fromSharedOptions(): BalenaSDK {
  return getSdk(takeSharedOptions());
}
