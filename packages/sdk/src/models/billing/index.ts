/**
 * `sdk.models.billing`: an organization's billing account, plan, payment method and invoices
 * (`/billing/v1/account/<orgId>/...`). Every method first resolves the organization.
 */
import { BalenaInvalidParameterError } from '../../errors/index.js';
import { ORGANIZATION_LOOKUP, resolveId } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { BalenaStreamResponse, RequestOptions } from '../../transport/types.js';
import type { SdkModelContext } from '../index.js';
import type {
  AccountInfo,
  BillingInfo,
  BillingPlanInfo,
  InvoiceInfo,
  PlanChangeOptions,
  TokenBillingSubmitInfo,
} from './types.js';

export type * from './types.js';

/**
 * Builds `sdk.models.billing`.
 *
 * @param ctx - the model context.
 * @returns the billing methods.
 * @throws {Error} never at build time.
 * @example
 * const billing = createBillingModel(ctx);
 */
export function createBillingModel(ctx: SdkModelContext) {
  const { pine, request, config } = ctx;

  async function accountUrl(
    organization: string | number,
    path: string,
    callOptions?: PineRequestOptions,
  ): Promise<string> {
    const orgId = await resolveId(pine, ORGANIZATION_LOOKUP, organization, callOptions);
    return `/billing/v1/account/${orgId}${path}`;
  }

  async function send<T>(
    organization: string | number,
    path: string,
    options: Omit<RequestOptions, 'url'>,
    callOptions?: PineRequestOptions,
  ): Promise<T> {
    const url = await accountUrl(organization, path, callOptions);
    const { body } = await request.send<T>({ ...options, url }, callOptions);
    return body;
  }

  /**
   * The billing account of an organization.
   *
   * @param organization - the organization handle or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the account (state, e-mail, company, address, tax id).
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @throws {BalenaRequestError} when the caller does not administer it (404).
   * @example
   * const account = await sdk.models.billing.getAccount('myorg');
   */
  function getAccount(organization: string | number, callOptions?: PineRequestOptions) {
    return send<AccountInfo>(organization, '', { method: 'GET' }, callOptions);
  }

  /**
   * The current plan of an organization.
   *
   * @param organization - the organization handle or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the plan with its costs and support level.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const plan = await sdk.models.billing.getPlan('myorg');
   */
  function getPlan(organization: string | number, callOptions?: PineRequestOptions) {
    return send<BillingPlanInfo>(organization, '/plan', { method: 'GET' }, callOptions);
  }

  /**
   * The payment method on file.
   *
   * @param organization - the organization handle or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the billing info (empty when there is none).
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const info = await sdk.models.billing.getBillingInfo('myorg');
   */
  function getBillingInfo(organization: string | number, callOptions?: PineRequestOptions) {
    return send<BillingInfo>(organization, '/info', { method: 'GET' }, callOptions);
  }

  /**
   * Starts adding a payment method: a setup intent for the payment provider.
   *
   * @param setupIntentParams - the organization and an optional reCAPTCHA response.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the setup intent id and client secret.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const { client_secret } = await sdk.models.billing.createSetupIntent({ organization: 'myorg' });
   */
  function createSetupIntent(
    setupIntentParams: { organization: string | number; 'g-recaptcha-response'?: string },
    callOptions?: PineRequestOptions,
  ) {
    const { organization, ...body } = setupIntentParams ?? {};
    return send<{ id: string; client_secret: string }>(
      organization,
      '/setup-intent',
      { method: 'POST', body },
      callOptions,
    );
  }

  /**
   * Sets the payment method from a payment provider token.
   *
   * @param organization - the organization handle or id.
   * @param billingInfo - the token and its options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the new billing info.
   * @throws {BalenaInvalidParameterError} when `token_id` is missing or empty.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * await sdk.models.billing.updateBillingInfo('myorg', { token_id: 'pm_123' });
   */
  async function updateBillingInfo(
    organization: string | number,
    billingInfo: TokenBillingSubmitInfo,
    callOptions?: PineRequestOptions,
  ) {
    if (typeof billingInfo?.token_id !== 'string' || billingInfo.token_id.length === 0) {
      throw new BalenaInvalidParameterError('billingInfo.token_id', billingInfo?.token_id);
    }
    return send<BillingInfo>(
      organization,
      '/info',
      { method: 'PATCH', body: billingInfo },
      callOptions,
    );
  }

  /**
   * Removes the payment method on file.
   *
   * @param organization - the organization handle or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the API's answer.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * await sdk.models.billing.removeBillingInfo('myorg');
   */
  function removeBillingInfo(organization: string | number, callOptions?: PineRequestOptions) {
    return send<unknown>(organization, '/info', { method: 'DELETE' }, callOptions);
  }

  /**
   * Changes the account's e-mail, company, address or tax id.
   *
   * @param organization - the organization handle or id.
   * @param accountInfo - the fields to change.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @throws {BalenaRequestError} when the API rejects a field (400).
   * @example
   * await sdk.models.billing.updateAccountInfo('myorg', { company_name: 'ACME' });
   */
  async function updateAccountInfo(
    organization: string | number,
    accountInfo: Partial<AccountInfo>,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    await send<unknown>(organization, '', { method: 'PATCH', body: accountInfo }, callOptions);
  }

  /**
   * Moves an organization to another plan tier and billing cycle.
   *
   * @param organization - the organization handle or id.
   * @param planChange - `tier`, `cycle` (`monthly` or `annual`) and an optional reason.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaInvalidParameterError} when `tier` is empty or `cycle` is not monthly/annual.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * await sdk.models.billing.changePlan('myorg', { tier: 'pilot', cycle: 'annual' });
   */
  async function changePlan(
    organization: string | number,
    planChange: PlanChangeOptions,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const { tier, cycle, planChangeReason } = planChange ?? {};
    if (typeof tier !== 'string' || tier.length === 0) {
      throw new BalenaInvalidParameterError('tier', tier);
    }
    if (cycle !== 'monthly' && cycle !== 'annual') {
      throw new BalenaInvalidParameterError('cycle', cycle);
    }
    const body = { annual: cycle === 'annual', tier, planChangeReason };
    await send<unknown>(organization, '/plan', { method: 'PATCH', body }, callOptions);
  }

  /**
   * The invoices of an organization, newest first.
   *
   * @param organization - the organization handle or id.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the invoices.
   * @throws {BalenaOrganizationNotFound} when the organization does not exist.
   * @example
   * const invoices = await sdk.models.billing.getInvoices('myorg');
   */
  function getInvoices(organization: string | number, callOptions?: PineRequestOptions) {
    return send<InvoiceInfo[]>(organization, '/invoices', { method: 'GET' }, callOptions);
  }

  /**
   * Downloads an invoice as PDF: in browsers a `Blob`, elsewhere a stream response.
   *
   * @param organization - the organization handle or id.
   * @param invoiceNumber - the invoice number.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the PDF as a `Blob` (browsers) or a stream response with `body` and `mime` (Node).
   * @throws {BalenaInvalidParameterError} when `invoiceNumber` is empty.
   * @throws {BalenaRequestError} when there is no such invoice (404).
   * @example
   * const pdf = await sdk.models.billing.downloadInvoice('myorg', 'INV-0001');
   */
  async function downloadInvoice(
    organization: string | number,
    invoiceNumber: string,
    callOptions?: PineRequestOptions,
  ): Promise<Blob | BalenaStreamResponse> {
    if (typeof invoiceNumber !== 'string' || invoiceNumber.length === 0) {
      throw new BalenaInvalidParameterError('invoiceNumber', invoiceNumber);
    }
    const url = await accountUrl(
      organization,
      `/invoices/${encodeURIComponent(invoiceNumber)}/download`,
      callOptions,
    );
    if (config.isBrowser) {
      const { body } = await request.send<Blob>(
        { method: 'GET', url, responseFormat: 'blob' },
        callOptions,
      );
      return body;
    }
    return request.stream({ method: 'GET', url }, callOptions);
  }

  return {
    getAccount,
    getPlan,
    getBillingInfo,
    createSetupIntent,
    updateBillingInfo,
    removeBillingInfo,
    updateAccountInfo,
    changePlan,
    getInvoices,
    downloadInvoice,
  };
}
