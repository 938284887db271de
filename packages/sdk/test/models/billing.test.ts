// models.billing against the local API's billing account of an organization.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';
import { loginNewUser, uniqueName, type LoggedInUser } from './helpers.js';

let alice: LoggedInUser;
let bob: LoggedInUser;
let org: { id: number; handle: string };

const MISSING_ID = 999_999_999;
const invalid = { code: 'BalenaInvalidParameterError' };

beforeAll(async () => {
  [alice, bob] = await Promise.all([loginNewUser(), loginNewUser()]);
  org = await alice.sdk.models.organization.create({ name: uniqueName('Billing') });
});

async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

describe('billing account', () => {
  it('reads and updates the account of an administered organization', async () => {
    const { billing } = alice.sdk.models;
    expect(await billing.getAccount(org.handle)).toMatchObject({
      account_state: 'active',
      email: alice.user.email,
      address: {},
    });
    await billing.updateAccountInfo(org.id, {
      company_name: 'ACME',
      address: { city: 'Patras', country: 'GR' },
      tax_id: { type: 'eu_vat', value: 'EL123' },
    });
    expect(await billing.getAccount(org.id)).toMatchObject({
      company_name: 'ACME',
      address: { city: 'Patras', country: 'GR' },
      tax_id: { type: 'eu_vat', value: 'EL123' },
    });
  });

  it('rejects malformed account fields at the API', async () => {
    await expect(
      alice.sdk.models.billing.updateAccountInfo(org.id, {
        address: { planet: 'Mars' } as unknown as Record<string, string>,
      }),
    ).rejects.toMatchObject({ code: 'BalenaRequestError', statusCode: 400 });
  });
});

describe('billing plan', () => {
  it('starts on the free plan and changes tier and cycle, invoicing the new plan', async () => {
    const { billing } = alice.sdk.models;
    expect(await billing.getPlan(org.id)).toMatchObject({
      tier: 'free',
      billing: { currency: 'USD', totalCostCents: '0' },
    });
    const before = await billing.getInvoices(org.id);
    await billing.changePlan(org.handle, {
      tier: 'pilot',
      cycle: 'annual',
      planChangeReason: 'growth',
    });
    const plan = await billing.getPlan(org.id);
    expect(plan).toMatchObject({ tier: 'pilot', code: 'pilot_annual', intervalUnit: 'years' });
    expect(Number(plan.billing.totalCostCents)).toBeGreaterThan(0);
    const after = await billing.getInvoices(org.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ total_in_cents: plan.billing.totalCostCents, state: 'paid' });
  });

  it('rejects an unknown tier at the API and a bad cycle before any request', async () => {
    const { billing } = alice.sdk.models;
    await expect(
      billing.changePlan(org.id, { tier: 'galactic', cycle: 'monthly' }),
    ).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 400,
    });
    await expect(
      billing.changePlan(org.id, { tier: 'pilot', cycle: 'weekly' as 'monthly' }),
    ).rejects.toMatchObject(invalid);
    await expect(billing.changePlan(org.id, { tier: '', cycle: 'monthly' })).rejects.toMatchObject(
      invalid,
    );
  });
});

describe('billing info', () => {
  it('sets up, stores, reads and removes a payment method', async () => {
    const { billing } = alice.sdk.models;
    const intent = await billing.createSetupIntent({ organization: org.id });
    expect(intent.id).toMatch(/^seti_/);
    expect(intent.client_secret).toContain(intent.id);
    expect(await billing.getBillingInfo(org.id)).toEqual({});
    const info = await billing.updateBillingInfo(org.handle, {
      token_id: 'pm_local_1',
      token_type: 'payment_method',
    });
    expect(info).toMatchObject({ type: 'card', card_type: 'Visa', company: 'ACME' });
    expect(await billing.getBillingInfo(org.id)).toEqual(info);
    await billing.removeBillingInfo(org.id);
    expect(await billing.getBillingInfo(org.id)).toEqual({});
  });

  it('rejects a missing token before any request and a bad token type at the API', async () => {
    const { billing } = alice.sdk.models;
    await expect(billing.updateBillingInfo(org.id, { token_id: '' })).rejects.toMatchObject(
      invalid,
    );
    await expect(
      billing.updateBillingInfo(org.id, {
        token_id: 'x',
        token_type: 'cheque' as 'payment_method',
      }),
    ).rejects.toMatchObject({ code: 'BalenaRequestError', statusCode: 400 });
  });
});

describe('billing invoices', () => {
  it('lists invoices and downloads one as a PDF stream', async () => {
    const { billing } = alice.sdk.models;
    const [invoice] = await billing.getInvoices(org.id);
    expect(invoice).toMatchObject({ currency: 'USD', state: 'paid' });
    const download = await billing.downloadInvoice(org.id, invoice.invoice_number);
    if (download instanceof Blob) throw new Error('Node downloads are streams');
    expect(download.mime).toBe('application/pdf');
    const pdf = await readAll(download.body);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(invoice.invoice_number);
  });

  it('downloads a Blob when configured as a browser', async () => {
    const browserLike = getSdk({ apiUrl: alice.apiUrl, dataDirectory: false, isBrowser: true });
    await browserLike.auth.loginWithToken(alice.user.token);
    const [invoice] = await browserLike.models.billing.getInvoices(org.id);
    const blob = await browserLike.models.billing.downloadInvoice(org.id, invoice.invoice_number);
    if (!(blob instanceof Blob)) throw new Error('expected a Blob');
    expect(new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  it('answers 404 for an unknown invoice and rejects an empty number', async () => {
    const { billing } = alice.sdk.models;
    await expect(billing.downloadInvoice(org.id, 'NOPE-1')).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 404,
    });
    await expect(billing.downloadInvoice(org.id, '')).rejects.toMatchObject(invalid);
  });
});

describe('billing access', () => {
  it('raises BalenaOrganizationNotFound for unknown organizations, and 404 for non-administrators', async () => {
    await expect(alice.sdk.models.billing.getAccount(MISSING_ID)).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    await expect(alice.sdk.models.billing.getPlan('no_such_org_anywhere')).rejects.toMatchObject({
      code: 'BalenaOrganizationNotFound',
    });
    const invite = await alice.sdk.models.organization.invite.create(org.id, {
      invitee: bob.user.email,
    });
    if (invite.invitation_token == null) throw new Error('no invitation token');
    await bob.sdk.models.organization.invite.accept(invite.invitation_token);
    await expect(bob.sdk.models.billing.getInvoices(org.id)).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 404,
    });
  });

  it('rejects invalid organization identifiers before any request', async () => {
    const { billing } = alice.sdk.models;
    await expect(billing.getAccount('')).rejects.toMatchObject(invalid);
    await expect(billing.getBillingInfo(null as unknown as number)).rejects.toMatchObject(invalid);
    await expect(billing.createSetupIntent({ organization: -1 })).rejects.toMatchObject(invalid);
    await expect(billing.removeBillingInfo(0)).rejects.toMatchObject(invalid);
  });
});
