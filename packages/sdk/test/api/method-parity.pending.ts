// Official paths (official-methods.txt) this SDK does not have yet, with the reason. The parity test fails when
// an entry here exists on the SDK, or a path is missing from the SDK without an entry here: shrink this list as
// methods land.

/** Missing paths by namespace; each namespace names why. */
export const NOT_IMPLEMENTED_YET: ReadonlyArray<{ reason: string; paths: readonly string[] }> = [
  {
    reason: 'pinejs-client-core retry internals: retries live in the transport middleware',
    paths: ['pine.callWithRetry'],
  },
  {
    reason: 'pinejs-client-core retry internals: retries live in the transport middleware',
    paths: ['pine.canRetryDefaultHandler'],
  },
  {
    reason: 'pinejs-client-core internal: results are unwrapped inside the pine client',
    paths: ['pine.transformGetResult'],
  },
];
