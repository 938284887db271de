// `POST /application/:appId/restart`: restarts the fleet on its online devices. The local API relays nothing to
// devices yet, so a fleet without online devices answers 404 `No online device(s) found`, as the real API does.
import { sbvrUtils } from '@balena/pinejs';
import type { Router } from 'express';
import { RouteError, route } from '../../identity/http.js';
import { canAccess } from '../../permissions/can-access.js';

/**
 * Installs `POST /application/:appId/restart`: 401 without credentials, 404 for a fleet the caller cannot read or
 * one without online devices, 200 otherwise.
 * @param router the router the feature routes are mounted on
 * @throws never
 * @example
 * installApplicationRestart(router);
 */
export function installApplicationRestart(router: Router): void {
  router.post(
    '/application/:appId/restart',
    route(async (req, res) => {
      if (req.user == null && req.apiKey == null) throw new RouteError(401);
      const appId = Number(req.params.appId);
      if (!Number.isSafeInteger(appId) || appId <= 0)
        throw new RouteError(400, 'Invalid application id');
      const onlineDevices = await sbvrUtils.db.readTransaction(async (tx) => {
        if (!(await canAccess(req, tx, 'application', appId, 'read')))
          throw new RouteError(404, 'Application not found');
        const { rows } = await tx.executeSql(
          `SELECT COUNT(*) AS "count" FROM "device" WHERE "belongs to-application" = $1 AND "is online"`,
          [appId],
        );
        return Number(rows[0].count);
      });
      if (onlineDevices === 0) throw new RouteError(404, 'No online device(s) found');
      res.status(200).end();
    }),
  );
}
