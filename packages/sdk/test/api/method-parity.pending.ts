// Official paths (official-methods.txt) this SDK does not have yet, with the reason. The parity test fails when
// an entry here exists on the SDK, or a path is missing from the SDK without an entry here: shrink this list as
// methods land (and add an entry, with its reason, when a new official path is not implemented yet).

/** Missing paths by namespace; each namespace names why. Empty: every official path exists. */
export const NOT_IMPLEMENTED_YET: ReadonlyArray<{ reason: string; paths: readonly string[] }> = [];
