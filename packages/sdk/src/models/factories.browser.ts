/**
 * The model factories `getSdk()` uses in browser builds: every model is in the one bundle, so the
 * factories build the models directly.
 */
export { MODEL_FACTORIES as SDK_MODEL_FACTORIES } from './index.js';
