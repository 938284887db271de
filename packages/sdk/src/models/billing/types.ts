/**
 * The shapes `sdk.models.billing` returns and accepts (as the official SDK types them).
 */

/** Postal address of a billing account. */
export interface BillingAccountAddressInfo {
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  phone?: string;
}

/** `billing.getAccount()` result. */
export interface AccountInfo {
  email?: string;
  account_state: string;
  company_name?: string;
  address: BillingAccountAddressInfo;
  tax_id?: { type: string; value: string } | null;
}

/** Kinds of payment method. */
export type BillingInfoType =
  | 'bank_account'
  | 'credit_card'
  | 'paypal'
  | 'card'
  | 'link'
  | 'cashapp'
  | 'sepa_debit'
  | 'us_bank_account';

/** `billing.getBillingInfo()` result (empty when no payment method is on file). */
export interface BillingInfo {
  full_name?: string;
  first_name?: string;
  last_name?: string;
  company?: string;
  vat_number?: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  phone?: string;
  type?: BillingInfoType;
}

/** Billing info of a card. */
export interface CardBillingInfo extends BillingInfo {
  card_type: string;
  year: string;
  month: string;
  first_one: string;
  last_four: string;
}

/** Billing info of a bank account. */
export interface BankAccountBillingInfo extends BillingInfo {
  account_type: string;
  last_four: string;
  name_on_account: string;
  routing_number: string;
}

/** `billing.updateBillingInfo()` input: a payment provider token. */
export interface TokenBillingSubmitInfo {
  token_id: string;
  'g-recaptcha-response'?: string;
  token_type?: 'payment_method' | 'setup_intent';
  setAsCompanyAddress?: boolean;
}

/** Costs of a plan or add-on. */
export interface BillingPlanBillingInfo {
  currency: string;
  totalCostCents: string;
  charges: Array<{
    itemType: string;
    name: string;
    code: string;
    unitCostCents: string;
    quantity: string;
    isQuantifiable?: boolean;
  }>;
}

/** An add-on plan. */
export interface BillingAddonPlanInfo {
  code: string;
  currentPeriodEndDate?: string;
  billing: BillingPlanBillingInfo;
  addOns: Array<{ code: string; unitCostCents?: string; quantity?: string }>;
}

/** `billing.getPlan()` result. */
export interface BillingPlanInfo {
  name: string;
  title: string;
  code: string;
  tier: string;
  currentPeriodEndDate?: string;
  intervalUnit?: string;
  intervalLength?: string;
  addonPlan?: BillingAddonPlanInfo;
  billing: BillingPlanBillingInfo;
  support: { name: string; title: string };
}

/** One invoice of `billing.getInvoices()`. */
export interface InvoiceInfo {
  closed_at: string;
  created_at: string;
  due_on: string;
  currency: string;
  invoice_number: string;
  subtotal_in_cents: string;
  total_in_cents: string;
  uuid: string;
  state: string;
}

/** `billing.changePlan()` input. */
export interface PlanChangeOptions {
  tier: string;
  cycle: 'monthly' | 'annual';
  planChangeReason?: string;
}
