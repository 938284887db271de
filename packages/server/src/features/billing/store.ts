// Storage of the local billing accounts: one account row per organization (created on first use, with one paid
// invoice so invoice listing and download have something to show) and its invoices.
import { randomUUID } from 'node:crypto';
import type { dbModule } from '@balena/pinejs';

type Tx = dbModule.Tx;

/** Account fields a client may change (`PATCH /billing/v1/account/:orgId`). */
export interface AccountDetails {
  email?: string;
  company_name?: string;
  address: Record<string, string>;
  tax_id?: { type: string; value: string } | null;
}

/** One organization's billing account. */
export interface BillingAccount {
  organization: number;
  state: string;
  details: AccountDetails;
  tier: string;
  annual: boolean;
  billingInfo: Record<string, unknown> | null;
  periodEnd: Date;
}

/** One invoice. */
export interface Invoice {
  invoiceNumber: string;
  uuid: string;
  createdAt: Date;
  closedAt: Date | null;
  dueOn: Date;
  totalCents: number;
  state: string;
}

/**
 * Creates the billing tables when missing. Idempotent.
 * @param tx the boot transaction
 * @throws the database error when a statement fails
 * @example
 * await ensureBillingTables(tx);
 */
export async function ensureBillingTables(tx: Tx): Promise<void> {
  await tx.executeSql(`CREATE TABLE IF NOT EXISTS "local billing account" (
    "organization" INTEGER PRIMARY KEY,
    "state" TEXT NOT NULL DEFAULT 'active',
    "details" TEXT NOT NULL,
    "tier" TEXT NOT NULL DEFAULT 'free',
    "annual" BOOLEAN NOT NULL DEFAULT FALSE,
    "billing info" TEXT,
    "period end" TIMESTAMP WITH TIME ZONE NOT NULL)`);
  await tx.executeSql(`CREATE TABLE IF NOT EXISTS "local billing invoice" (
    "id" SERIAL PRIMARY KEY,
    "organization" INTEGER NOT NULL,
    "invoice number" TEXT NOT NULL UNIQUE,
    "uuid" TEXT NOT NULL,
    "created at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    "closed at" TIMESTAMP WITH TIME ZONE,
    "due on" TIMESTAMP WITH TIME ZONE NOT NULL,
    "total in cents" INTEGER NOT NULL,
    "state" TEXT NOT NULL)`);
}

const DAY_MS = 24 * 60 * 60 * 1000;

function toAccount(row: Record<string, unknown>): BillingAccount {
  return {
    organization: Number(row.organization),
    state: String(row.state),
    details: JSON.parse(String(row.details)) as AccountDetails,
    tier: String(row.tier),
    annual: row.annual === true,
    billingInfo:
      row.billing_info == null
        ? null
        : (JSON.parse(String(row.billing_info)) as Record<string, unknown>),
    periodEnd: new Date(String(row.period_end)),
  };
}

/**
 * Adds an invoice to an organization's account.
 * @param tx the open transaction
 * @param organization the organization id
 * @param totalCents the invoice total
 * @param state the invoice state (`paid`, `open`, ...)
 * @throws the database error when the insert fails
 * @example
 * await addInvoice(tx, 5, 9900, 'paid');
 */
export async function addInvoice(
  tx: Tx,
  organization: number,
  totalCents: number,
  state: string,
): Promise<void> {
  const { rows } = await tx.executeSql(
    `SELECT count(*) AS "n" FROM "local billing invoice" WHERE "organization" = $1`,
    [organization],
  );
  const invoiceNumber = `LOCAL-${organization}-${String(Number(rows[0].n) + 1).padStart(4, '0')}`;
  await tx.executeSql(
    `INSERT INTO "local billing invoice"
       ("organization", "invoice number", "uuid", "closed at", "due on", "total in cents", "state")
     VALUES ($1, $2, $3, CASE WHEN $6 = 'paid' THEN now() ELSE NULL END, $4, $5, $6)`,
    [
      organization,
      invoiceNumber,
      randomUUID(),
      new Date(Date.now() + 30 * DAY_MS),
      totalCents,
      state,
    ],
  );
}

/**
 * Loads an organization's account, creating it (with a first paid invoice) on first use.
 * @param tx the open transaction
 * @param organization the organization id
 * @param defaults the details a new account starts with
 * @throws the database error when a statement fails
 * @example
 * const account = await loadAccount(tx, 5, { address: {} });
 */
export async function loadAccount(
  tx: Tx,
  organization: number,
  defaults: AccountDetails,
): Promise<BillingAccount> {
  const select = `SELECT "organization", "state", "details", "tier", "annual", "billing info" AS "billing_info",
      "period end" AS "period_end" FROM "local billing account" WHERE "organization" = $1`;
  const { rows } = await tx.executeSql(select, [organization]);
  if (rows.length > 0) return toAccount(rows[0]);
  await tx.executeSql(
    `INSERT INTO "local billing account" ("organization", "details", "period end") VALUES ($1, $2, $3)`,
    [organization, JSON.stringify(defaults), new Date(Date.now() + 30 * DAY_MS)],
  );
  await addInvoice(tx, organization, 0, 'paid');
  return toAccount((await tx.executeSql(select, [organization])).rows[0]);
}

/**
 * Writes back the changeable parts of an account.
 * @param tx the open transaction
 * @param account the account with its new values
 * @throws the database error when the update fails
 * @example
 * await saveAccount(tx, { ...account, tier: 'pilot' });
 */
export async function saveAccount(tx: Tx, account: BillingAccount): Promise<void> {
  await tx.executeSql(
    `UPDATE "local billing account" SET "details" = $2, "tier" = $3, "annual" = $4, "billing info" = $5
     WHERE "organization" = $1`,
    [
      account.organization,
      JSON.stringify(account.details),
      account.tier,
      account.annual,
      account.billingInfo == null ? null : JSON.stringify(account.billingInfo),
    ],
  );
}

/**
 * Lists an organization's invoices, newest first.
 * @param tx the open transaction
 * @param organization the organization id
 * @throws the database error when the query fails
 * @example
 * const invoices = await listInvoices(tx, 5);
 */
export async function listInvoices(tx: Tx, organization: number): Promise<Invoice[]> {
  const { rows } = await tx.executeSql(
    `SELECT "invoice number" AS "number", "uuid", "created at" AS "created", "closed at" AS "closed",
       "due on" AS "due", "total in cents" AS "total", "state"
     FROM "local billing invoice" WHERE "organization" = $1 ORDER BY "id" DESC`,
    [organization],
  );
  return rows.map((row) => ({
    invoiceNumber: String(row.number),
    uuid: String(row.uuid),
    createdAt: new Date(String(row.created)),
    closedAt: row.closed == null ? null : new Date(String(row.closed)),
    dueOn: new Date(String(row.due)),
    totalCents: Number(row.total),
    state: String(row.state),
  }));
}

/**
 * Deletes an organization's account and invoices (when the organization is deleted).
 * @param tx the open transaction
 * @param organization the organization id
 * @throws the database error when a statement fails
 * @example
 * await deleteAccount(tx, 5);
 */
export async function deleteAccount(tx: Tx, organization: number): Promise<void> {
  await tx.executeSql(`DELETE FROM "local billing invoice" WHERE "organization" = $1`, [
    organization,
  ]);
  await tx.executeSql(`DELETE FROM "local billing account" WHERE "organization" = $1`, [
    organization,
  ]);
}
