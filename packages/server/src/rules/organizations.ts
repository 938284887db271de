// Organization rules: handle format and generation, creator membership, and slug maintenance on handle changes.
import { randomBytes } from 'node:crypto';
import { hooks, sbvrUtils } from '@balena/pinejs';
import {
  API_ROOT,
  type HookArgs,
  type Tx,
  check,
  isExternalCaller,
  rootApi,
  withTx,
} from './hook-utils.js';
import { recomputeSlugs } from './slugs.js';
import { checkOrganizationHandle, normalizeHandle } from './validators.js';

async function uniqueHandle(tx: Tx, name: string): Promise<string> {
  const base = normalizeHandle(name).slice(0, 90) || 'org';
  let candidate = base;
  for (;;) {
    const { rows } = await tx.executeSql(`SELECT 1 FROM "organization" WHERE "handle" = $1`, [
      candidate,
    ]);
    if (rows.length === 0) return candidate;
    candidate = `${base}_${randomBytes(3).toString('hex')}`;
  }
}

async function addCreatorAsAdministrator(
  args: HookArgs & { tx: Tx; result: unknown },
): Promise<void> {
  const { req, tx, result } = args;
  const actor = req.user?.actor;
  if (!isExternalCaller(args) || actor == null || typeof result !== 'number') return;
  const { rows } = await tx.executeSql(`SELECT "id" FROM "user" WHERE "actor" = $1`, [actor]);
  if (rows.length === 0) return;
  const api = rootApi(tx);
  const roles = (await api.get({
    resource: 'organization_membership_role',
    options: { $select: 'id', $filter: { name: 'administrator' } },
  })) as Array<{ id: number }>;
  if (roles.length === 0) return;
  await api.post({
    resource: 'organization_membership',
    body: {
      user: Number(rows[0].id),
      is_member_of__organization: result,
      organization_membership_role: roles[0].id,
    },
    options: { returnResource: false },
  });
}

/**
 * Registers the organization hooks (api-spec §1.4 Organizations).
 * @throws Error when the model lacks the organization resource
 * @example
 * registerOrganizationRules();
 */
export function registerOrganizationRules(): void {
  hooks.addPureHook('POST', API_ROOT, 'organization', {
    POSTPARSE: async ({ request, tx }) => {
      const { values } = request;
      if (values.handle == null || values.handle === '') {
        const name = typeof values.name === 'string' ? values.name : 'org';
        values.handle = await withTx(tx, (t) => uniqueHandle(t, name));
      }
      check(checkOrganizationHandle(values.handle));
    },
    POSTRUN: addCreatorAsAdministrator,
  });
  for (const method of ['PATCH', 'PUT'] as const) {
    hooks.addPureHook(method, API_ROOT, 'organization', {
      POSTPARSE: ({ request }) => {
        if ('handle' in request.values) check(checkOrganizationHandle(request.values.handle));
      },
      PRERUN: async (args) => {
        if ('handle' in args.request.values) await sbvrUtils.getAffectedIds(args);
      },
      POSTRUN: async (args) => {
        if (!('handle' in args.request.values)) return;
        const ids = args.request.affectedIds ?? [];
        if (ids.length === 0) return;
        const { rows } = await args.tx.executeSql(
          `SELECT "id" FROM "application" WHERE "organization" = ANY($1::integer[])`,
          [ids],
        );
        await recomputeSlugs(
          args.tx,
          rows.map((row) => Number(row.id)),
        );
      },
    });
  }
}
