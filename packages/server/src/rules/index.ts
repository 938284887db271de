// Owned by the business-rules work (issue 3): pinejs hooks that enforce the real API's rules.

/** Registers every business-rule hook with pinejs. Called once, before pine.init(). */
export function registerRules(): void {
  // filled in by the business-rules work
}
