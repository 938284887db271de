// pinejs checks a PATCH's permission filter against the rows BEFORE the update only. This hook re-checks every
// updated row AFTER the update (same transaction) against the caller's update permission, so nobody can move a
// row they may edit into a scope they may not (e.g. a device into another user's fleet). Violations roll back: 401.
import { errors, hooks, permissions, sbvrUtils } from '@balena/pinejs';
import { canAccess } from '../permissions/can-access.js';
import { API_ROOT, type HookArgs, type Tx } from './hook-utils.js';

function isRestrictedCaller(req: HookArgs['req']): boolean {
  if (req.user === permissions.root.user || req.user === permissions.rootRead.user) return false;
  return req.user != null || req.apiKey != null;
}

async function recheckUpdatedRows(args: HookArgs & { tx: Tx }): Promise<void> {
  const { req, request, tx } = args;
  if (!isRestrictedCaller(req) || Object.keys(request.values).length === 0) return;
  const ids = request.affectedIds ?? [];
  for (const id of ids) {
    if (
      !(await canAccess(
        { user: req.user, apiKey: req.apiKey },
        tx,
        request.resourceName,
        id,
        'update',
      ))
    ) {
      throw new errors.UnauthorizedError();
    }
  }
}

/**
 * Registers the post-update scope check on every v7 resource.
 * @throws never
 * @example
 * registerWriteScopeRules();
 */
export function registerWriteScopeRules(): void {
  for (const method of ['PATCH', 'PUT'] as const) {
    hooks.addPureHook(method, API_ROOT, 'all', {
      PRERUN: async (args) => {
        if (isRestrictedCaller(args.req)) await sbvrUtils.getAffectedIds(args);
      },
      POSTRUN: recheckUpdatedRows,
    });
  }
}
