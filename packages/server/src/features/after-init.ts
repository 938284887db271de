// Boot steps features register for after `pine.init`: pine hooks can only be added once the model is loaded, and
// data setup (side tables, catalogue rows, extra role permissions) belongs in the boot transaction.
import type { dbModule } from '@balena/pinejs';

/** A step run once per start, inside the boot transaction. */
export type AfterInitStep = (tx: dbModule.Tx) => Promise<void>;

const steps: AfterInitStep[] = [];
let hooksRegistered = false;
const hookRegistrations: Array<() => void> = [];

/**
 * Registers a boot step (runs after the permission and reference data are in place); registering the same function
 * again does nothing.
 * @param step the step; it gets the boot transaction
 * @throws never
 * @example
 * onAfterInit(async (tx) => { await seedFeatures(tx); });
 */
export function onAfterInit(step: AfterInitStep): void {
  // Features install on every server start in the process; a step is kept once.
  if (!steps.includes(step)) steps.push(step);
}

/**
 * Registers a function that adds pine hooks; it runs once per process, at the first boot (pinejs keeps hooks in
 * module state, so they must not be added twice when a test restarts the server). Pass a module-level function:
 * the same function is kept once.
 * @param register the hook registration
 * @throws never
 * @example
 * onHookRegistration(registerInviteHooks);
 */
export function onHookRegistration(register: () => void): void {
  if (!hookRegistrations.includes(register)) hookRegistrations.push(register);
}

/**
 * Runs every registered hook registration (first boot only) and boot step, in registration order.
 * @param tx the boot transaction
 * @throws whatever a step throws (the boot fails)
 * @example
 * await pine.sbvrUtils.db.transaction(async (tx) => { ...; await runAfterInitSteps(tx); });
 */
export async function runAfterInitSteps(tx: dbModule.Tx): Promise<void> {
  if (!hooksRegistered) {
    for (const register of hookRegistrations) register();
    hooksRegistered = true;
  }
  for (const step of steps) await step(tx);
}
