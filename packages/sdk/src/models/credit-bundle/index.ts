/**
 * `sdk.models.creditBundle`: credits an organization buys for a billable feature.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import {
  getCollection,
  postRow,
  type ResourceOptions,
  type ResultRow,
} from '../../internal/collection.js';
import { ORGANIZATION_LOOKUP, isId, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';

/** Pine options of credit bundle reads. */
export type CreditBundleOptions = ResourceOptions<'credit_bundle'>;
/** A credit bundle row as narrowed by the options. */
export type CreditBundleRow<O> = ResultRow<'credit_bundle', O>;

/**
 * Builds `sdk.models.creditBundle`.
 *
 * @param ctx - the model context.
 * @returns the credit bundle methods.
 * @throws {Error} never at build time.
 * @example
 * const creditBundle = createCreditBundleModel(ctx);
 */
export function createCreditBundleModel(ctx: SdkModelContext) {
  const { pine } = ctx;

  /**
   * The credit bundles of an organization, newest first.
   *
   * @param organization - the organization handle or id.
   * @param options - pine options merged with the defaults.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the credit bundles.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const bundles = await sdk.models.creditBundle.getAllByOrg('myorg');
   */
  async function getAllByOrg<const O extends CreditBundleOptions = Record<never, never>>(
    organization: string | number,
    options?: O,
    callOptions?: PineRequestOptions,
  ): Promise<Array<CreditBundleRow<O>>> {
    const orgId = await resolveId(pine, ORGANIZATION_LOOKUP, organization, callOptions);
    const defaults = {
      $filter: { belongs_to__organization: orgId },
      $orderby: 'created_at desc' as const,
    };
    return getCollection(pine, 'credit_bundle', defaults, options, callOptions);
  }

  /**
   * Buys credits of a feature for an organization.
   *
   * @param organization - the organization handle or id.
   * @param featureId - the feature id.
   * @param creditsToPurchase - how many credits (a positive integer).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the created credit bundle.
   * @throws {BalenaInvalidParameterError} when `featureId` or `creditsToPurchase` is not a positive integer.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * await sdk.models.creditBundle.create('myorg', 1, 100);
   */
  async function create(
    organization: string | number,
    featureId: number,
    creditsToPurchase: number,
    callOptions?: PineRequestOptions,
  ): Promise<CreditBundleRow<Record<never, never>>> {
    if (!isId(featureId)) throw new BalenaInvalidParameterError('featureId', featureId);
    if (!isId(creditsToPurchase)) {
      throw new BalenaInvalidParameterError('creditsToPurchase', creditsToPurchase);
    }
    const orgId = await resolveId(pine, ORGANIZATION_LOOKUP, organization, callOptions);
    const body = {
      belongs_to__organization: orgId,
      is_for__feature: featureId,
      original_quantity: creditsToPurchase,
    };
    return postRow(pine, 'credit_bundle', body, callOptions);
  }

  return { getAllByOrg, create };
}
