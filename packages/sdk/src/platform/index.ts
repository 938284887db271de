// The browser build aliases this module to ./browser.ts (same export names).
export * from './node.js';
