// Credit bundles: the caller states the organization, feature and quantity; the server prices the bundle, marks it
// paid (there is no payment provider locally) and starts its balance at the purchased quantity.
import { errors, hooks, type dbModule } from '@balena/pinejs';
import { API_ROOT, withTx } from '../../rules/hook-utils.js';
import { onAfterInit, onHookRegistration } from '../after-init.js';
import { findUserByActor } from '../caller.js';

/** Unit price, in cents, of one credit of any feature. */
export const CREDIT_UNIT_COST_CENTS = 100;
/** How long purchased credits last. */
const CREDIT_VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

/** The billable features the local API offers credits for. */
export const LOCAL_FEATURES: ReadonlyArray<{ slug: string; title: string }> = [
  { slug: 'device-credits', title: 'Device credits' },
  { slug: 'support-credits', title: 'Support credits' },
];

/**
 * Inserts the feature catalogue rows that are missing. Idempotent.
 * @param tx the boot transaction
 * @throws the database error when an insert fails
 * @example
 * await seedFeatures(tx);
 */
export async function seedFeatures(tx: dbModule.Tx): Promise<void> {
  for (const { slug, title } of LOCAL_FEATURES) {
    await tx.executeSql(
      `INSERT INTO "feature" ("slug", "title") SELECT $1::text, $2::text
       WHERE NOT EXISTS (SELECT 1 FROM "feature" WHERE "slug" = $1::text)`,
      [slug, title],
    );
  }
}

/**
 * Registers the credit bundle POST hook that fills the server-computed fields.
 * @throws Error when the model lacks the credit bundle resource
 * @example
 * registerCreditBundleHooks();
 */
export function registerCreditBundleHooks(): void {
  hooks.addPureHook('POST', API_ROOT, 'credit_bundle', {
    POSTPARSE: async ({ req, request, tx }) => {
      const { values } = request;
      const quantity = values.original_quantity;
      if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0)
        throw new errors.BadRequestError('original_quantity must be a positive integer');
      const creator = await withTx(tx, (t) =>
        findUserByActor(t, req.user?.actor ?? req.apiKey?.actor ?? undefined),
      );
      if (creator == null) throw new errors.UnauthorizedError();
      Object.assign(values, {
        is_created_by__user: creator.id,
        payment_status: 'paid',
        unit_cost: CREDIT_UNIT_COST_CENTS,
        total_cost: CREDIT_UNIT_COST_CENTS * quantity,
        available_balance: quantity,
        total_balance: quantity,
        expires_on__date: new Date(Date.now() + CREDIT_VALIDITY_MS),
      });
    },
  });
  for (const method of ['PATCH', 'PUT'] as const) {
    hooks.addPureHook(method, API_ROOT, 'credit_bundle', {
      POSTPARSE: () => {
        throw new errors.MethodNotAllowedError();
      },
    });
  }
}

/**
 * Installs the credit bundle feature: the feature catalogue seed and the pricing hook.
 * @throws never
 * @example
 * installCreditBundles();
 */
export function installCreditBundles(): void {
  onAfterInit(seedFeatures);
  onHookRegistration(registerCreditBundleHooks);
}
