// Headless Chromium for the browser tests: the Debian package, never a downloaded browser.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches Chromium with a new empty profile.
 *
 * @returns the browser; close it when done.
 * @throws {Error} naming the fix when Chromium is not installed (the tests never skip).
 * @example
 * const browser = await launchChromium();
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: the browser tests need it. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (as .ci/run does), ' +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  // launch() gives every run a new empty profile directory, so localStorage (where the SDK keeps
  // its token) starts empty.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}
