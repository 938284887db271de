// `/billing/v1/account/:orgId/...`: a local billing account per organization, for its administrators. Unknown or
// inaccessible organizations answer 404, malformed input 400, missing credentials 401.
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { sbvrUtils, type dbModule } from '@balena/pinejs';
import { RouteError, bodyOf, route } from '../../identity/http.js';
import { callerActor, findUserByActor, isOrganizationAdministrator } from '../caller.js';
import {
  accountInfo,
  cardBillingInfo,
  invoiceInfo,
  invoicePdf,
  periodCostCents,
  planByTier,
  planInfo,
} from './plans.js';
import {
  type AccountDetails,
  type BillingAccount,
  addInvoice,
  listInvoices,
  loadAccount,
  saveAccount,
} from './store.js';

type Tx = dbModule.Tx;

const ADDRESS_FIELDS = ['address1', 'address2', 'city', 'state', 'zip', 'country', 'phone'];

/** Runs a billing handler in one transaction, with the caller's administered organization's account. */
function withAccount(
  handler: (tx: Tx, account: BillingAccount, req: Request, res: Response) => Promise<void>,
) {
  return route(async (req, res) => {
    const actor = callerActor(req);
    if (actor == null) throw new RouteError(401);
    const orgId = String(req.params.orgId);
    if (!/^\d+$/.test(orgId)) throw new RouteError(400, 'Organization id must be a number');
    await sbvrUtils.db.transaction(async (tx) => {
      const user = await findUserByActor(tx, actor);
      if (user == null || !(await isOrganizationAdministrator(tx, user.id, Number(orgId))))
        throw new RouteError(404, 'Billing account not found');
      const { rows } = await tx.executeSql(
        `SELECT "company name" AS "company" FROM "organization" WHERE "id" = $1`,
        [Number(orgId)],
      );
      const defaults: AccountDetails = {
        email: user.email ?? undefined,
        company_name: typeof rows[0]?.company === 'string' ? rows[0].company : undefined,
        address: {},
        tax_id: null,
      };
      await handler(tx, await loadAccount(tx, Number(orgId), defaults), req, res);
    });
  });
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new RouteError(400, `${field} must be a string`);
  return value;
}

function updatedDetails(details: AccountDetails, body: Record<string, unknown>): AccountDetails {
  const next: AccountDetails = { ...details, address: { ...details.address } };
  const email = optionalString(body, 'email');
  if (email !== undefined) next.email = email;
  const company = optionalString(body, 'company_name');
  if (company !== undefined) next.company_name = company;
  if (body.address !== undefined) {
    if (typeof body.address !== 'object' || body.address === null || Array.isArray(body.address))
      throw new RouteError(400, 'address must be an object');
    const address = body.address as Record<string, unknown>;
    for (const [field, value] of Object.entries(address)) {
      if (!ADDRESS_FIELDS.includes(field) || typeof value !== 'string')
        throw new RouteError(400, `Invalid address field: ${field}`);
      next.address[field] = value;
    }
  }
  if (body.tax_id !== undefined) {
    const tax = body.tax_id as { type?: unknown; value?: unknown } | null;
    if (tax !== null && (typeof tax?.type !== 'string' || typeof tax.value !== 'string'))
      throw new RouteError(400, 'tax_id must be null or {type, value}');
    next.tax_id = tax === null ? null : { type: String(tax.type), value: String(tax.value) };
  }
  return next;
}

/**
 * Installs the billing routes.
 * @param router the router the feature routes are mounted on
 * @throws never
 * @example
 * installBillingRoutes(router);
 */
export function installBillingRoutes(router: Router): void {
  const billing = express.Router({ mergeParams: true });
  billing.use(express.json());
  billing.get(
    '/',
    withAccount(async (_tx, account, _req, res) => {
      res.json(accountInfo(account));
    }),
  );
  billing.patch(
    '/',
    withAccount(async (tx, account, req, res) => {
      await saveAccount(tx, { ...account, details: updatedDetails(account.details, bodyOf(req)) });
      res.status(200).end();
    }),
  );
  billing.get(
    '/plan',
    withAccount(async (_tx, account, _req, res) => {
      res.json(planInfo(account));
    }),
  );
  billing.patch(
    '/plan',
    withAccount(async (tx, account, req, res) => {
      const { tier, annual, planChangeReason } = bodyOf(req);
      if (typeof tier !== 'string' || planByTier(tier) == null)
        throw new RouteError(400, `Unknown plan tier: ${String(tier)}`);
      if (typeof annual !== 'boolean') throw new RouteError(400, 'annual must be a boolean');
      if (planChangeReason !== undefined && typeof planChangeReason !== 'string')
        throw new RouteError(400, 'planChangeReason must be a string');
      await saveAccount(tx, { ...account, tier, annual });
      const cost = periodCostCents(tier, annual);
      if (cost > 0) await addInvoice(tx, account.organization, cost, 'paid');
      res.status(200).end();
    }),
  );
  billing.get(
    '/info',
    withAccount(async (_tx, account, _req, res) => {
      res.json(account.billingInfo ?? {});
    }),
  );
  billing.patch(
    '/info',
    withAccount(async (tx, account, req, res) => {
      const body = bodyOf(req);
      const tokenId = optionalString(body, 'token_id');
      if (tokenId == null || tokenId === '') throw new RouteError(400, 'token_id is required');
      const tokenType = optionalString(body, 'token_type');
      if (tokenType !== undefined && !['payment_method', 'setup_intent'].includes(tokenType))
        throw new RouteError(400, 'token_type must be payment_method or setup_intent');
      const billingInfo = cardBillingInfo(
        tokenId,
        tokenType,
        account,
        body.setAsCompanyAddress === true,
      );
      await saveAccount(tx, { ...account, billingInfo });
      res.json(billingInfo);
    }),
  );
  billing.delete(
    '/info',
    withAccount(async (tx, account, _req, res) => {
      await saveAccount(tx, { ...account, billingInfo: null });
      res.json({});
    }),
  );
  billing.post(
    '/setup-intent',
    withAccount(async (_tx, _account, _req, res) => {
      const id = `seti_${randomBytes(12).toString('hex')}`;
      res.json({ id, client_secret: `${id}_secret_${randomBytes(12).toString('hex')}` });
    }),
  );
  billing.get(
    '/invoices',
    withAccount(async (tx, account, _req, res) => {
      res.json((await listInvoices(tx, account.organization)).map(invoiceInfo));
    }),
  );
  billing.get(
    '/invoices/:invoiceNumber/download',
    withAccount(async (tx, account, req, res) => {
      const invoice = (await listInvoices(tx, account.organization)).find(
        (candidate) => candidate.invoiceNumber === req.params.invoiceNumber,
      );
      if (invoice == null) throw new RouteError(404, 'Invoice not found');
      res
        .status(200)
        .type('application/pdf')
        .setHeader('Content-Disposition', `attachment; filename="${invoice.invoiceNumber}.pdf"`)
        .send(invoicePdf(invoice));
    }),
  );
  router.use('/billing/v1/account/:orgId', billing);
}
