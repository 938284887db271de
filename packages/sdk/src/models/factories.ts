/**
 * The model factories `getSdk()` uses: on Node, models whose code loads on first use. Browser
 * builds swap this module for `factories.browser.ts` (see `tsdown.config.ts`).
 */
export { LAZY_MODEL_FACTORIES as SDK_MODEL_FACTORIES } from './lazy-factories.js';
