// Asks pinejs whether a caller may perform an action on one row, through its `canAccess` action.
import { errors, permissions, sbvrUtils, type dbModule } from '@balena/pinejs';

/** The credentials pinejs evaluates permissions for. */
export interface PermissionSubject {
  user?: sbvrUtils.User;
  apiKey?: sbvrUtils.ApiKey;
}

/**
 * Tells whether the caller may perform an action on one row (evaluated inside the given transaction, so it sees
 * the transaction's own uncommitted changes).
 * @param subject the caller's user / apiKey
 * @param tx the open transaction
 * @param resource the v7 resource name, e.g. `application`
 * @param id the row id
 * @param action a verb (`read`, `update`, ...) or custom action such as `create-provisioning-api-key`
 * @throws the database error when the query fails
 * @example
 * if (!(await canAccess(req, tx, 'device', 5, 'update'))) throw new errors.UnauthorizedError();
 */
export async function canAccess(
  subject: PermissionSubject,
  tx: dbModule.Tx,
  resource: string,
  id: number,
  action: string,
): Promise<boolean> {
  try {
    await sbvrUtils.api.v7.request({
      method: 'POST',
      url: `${resource}(${id})/canAccess`,
      body: { action },
      passthrough: { req: { user: subject.user, apiKey: subject.apiKey }, tx },
    });
    return true;
  } catch (err) {
    if (err instanceof permissions.PermissionError || err instanceof errors.UnauthorizedError)
      return false;
    throw err;
  }
}
