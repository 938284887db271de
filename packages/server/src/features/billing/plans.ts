// The local plan catalogue and the response shapes of the billing routes (AccountInfo, BillingPlanInfo, BillingInfo,
// InvoiceInfo as the SDK types them; money amounts are strings of cents).
import { createHash } from 'node:crypto';
import type { BillingAccount, Invoice } from './store.js';

interface Plan {
  tier: string;
  title: string;
  monthlyCents: number;
  support: { name: string; title: string };
}

const PLANS: readonly Plan[] = [
  {
    tier: 'free',
    title: 'Free',
    monthlyCents: 0,
    support: { name: 'community', title: 'Community' },
  },
  {
    tier: 'prototype',
    title: 'Prototype',
    monthlyCents: 9_900,
    support: { name: 'standard', title: 'Standard' },
  },
  {
    tier: 'pilot',
    title: 'Pilot',
    monthlyCents: 29_900,
    support: { name: 'standard', title: 'Standard' },
  },
  {
    tier: 'production',
    title: 'Production',
    monthlyCents: 119_900,
    support: { name: 'priority', title: 'Priority' },
  },
];

/** Annual billing costs ten months. */
const ANNUAL_MONTHS = 10;

/**
 * Finds a plan by tier name.
 * @param tier e.g. `free`, `prototype`, `pilot`, `production`
 * @throws never
 * @example
 * planByTier('pilot')?.monthlyCents; // 29900
 */
export function planByTier(tier: string): Plan | undefined {
  return PLANS.find((plan) => plan.tier === tier);
}

/**
 * The price of one billing period of a plan, in cents.
 * @param tier the plan tier
 * @param annual whether billed yearly
 * @throws never
 * @example
 * periodCostCents('pilot', true); // 299000
 */
export function periodCostCents(tier: string, annual: boolean): number {
  const monthly = planByTier(tier)?.monthlyCents ?? 0;
  return annual ? monthly * ANNUAL_MONTHS : monthly;
}

/**
 * The `BillingPlanInfo` body of `GET /billing/v1/account/:orgId/plan`.
 * @param account the billing account
 * @throws never
 * @example
 * res.json(planInfo(account));
 */
export function planInfo(account: BillingAccount): Record<string, unknown> {
  const plan = planByTier(account.tier) ?? PLANS[0];
  const cycle = account.annual ? 'annual' : 'monthly';
  const code = `${plan.tier}_${cycle}`;
  const total = String(periodCostCents(plan.tier, account.annual));
  return {
    name: plan.title,
    title: plan.title,
    code,
    tier: plan.tier,
    currentPeriodEndDate: account.periodEnd.toISOString(),
    intervalUnit: account.annual ? 'years' : 'months',
    intervalLength: '1',
    billing: {
      currency: 'USD',
      totalCostCents: total,
      charges: [
        {
          itemType: 'plan',
          name: plan.title,
          code,
          unitCostCents: total,
          quantity: '1',
          isQuantifiable: false,
        },
      ],
    },
    support: plan.support,
  };
}

/**
 * The `AccountInfo` body of `GET /billing/v1/account/:orgId`.
 * @param account the billing account
 * @throws never
 * @example
 * res.json(accountInfo(account));
 */
export function accountInfo(account: BillingAccount): Record<string, unknown> {
  return { account_state: account.state, ...account.details };
}

/**
 * Billing info stored for a submitted payment token: a card whose last digits derive from the token.
 * @param tokenId the payment provider token the client submitted
 * @param tokenType `payment_method` or `setup_intent`
 * @param account the billing account (its address fills the card's address when asked)
 * @param setAsCompanyAddress whether the account's address applies
 * @throws never
 * @example
 * account.billingInfo = cardBillingInfo('tok_1', undefined, account, false);
 */
export function cardBillingInfo(
  tokenId: string,
  tokenType: string | undefined,
  account: BillingAccount,
  setAsCompanyAddress: boolean,
): Record<string, unknown> {
  const digits = createHash('sha256')
    .update(tokenId)
    .digest()
    .subarray(0, 4)
    .map((byte) => byte % 10)
    .join('');
  const address = setAsCompanyAddress ? account.details.address : {};
  const nextYear = new Date().getUTCFullYear() + 1;
  return {
    type: 'card',
    token_type: tokenType ?? 'payment_method',
    full_name: '',
    first_name: '',
    last_name: '',
    company: account.details.company_name ?? '',
    vat_number: account.details.tax_id?.value ?? '',
    address1: address.address1 ?? '',
    address2: address.address2 ?? '',
    city: address.city ?? '',
    state: address.state ?? '',
    zip: address.zip ?? '',
    country: address.country ?? '',
    phone: address.phone ?? '',
    card_type: 'Visa',
    year: String(nextYear),
    month: '12',
    first_one: '4',
    last_four: digits,
  };
}

/**
 * The `InvoiceInfo` shape of one invoice.
 * @param invoice the stored invoice
 * @throws never
 * @example
 * res.json(invoices.map(invoiceInfo));
 */
export function invoiceInfo(invoice: Invoice): Record<string, unknown> {
  const cents = String(invoice.totalCents);
  return {
    closed_at: invoice.closedAt?.toISOString() ?? '',
    created_at: invoice.createdAt.toISOString(),
    due_on: invoice.dueOn.toISOString(),
    currency: 'USD',
    invoice_number: invoice.invoiceNumber,
    subtotal_in_cents: cents,
    total_in_cents: cents,
    uuid: invoice.uuid,
    state: invoice.state,
  };
}

/**
 * A minimal one-page PDF document stating the invoice number and total.
 * @param invoice the invoice
 * @throws never
 * @example
 * res.type('application/pdf').send(invoicePdf(invoice));
 */
export function invoicePdf(invoice: Invoice): Buffer {
  const text = `Invoice ${invoice.invoiceNumber} - total USD ${(invoice.totalCents / 100).toFixed(2)}`;
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
