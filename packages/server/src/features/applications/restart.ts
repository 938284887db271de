// `POST /application/:appId/restart`: restarts the fleet on its online devices through the supervisor relay; a fleet
// without online devices answers 404 `No online device(s) found`, and a device holding an update lock 423.
import { sbvrUtils } from '@balena/pinejs';
import type { Router } from 'express';
import { RouteError, route } from '../../identity/http.js';
import { canAccess } from '../../permissions/can-access.js';
import { relaySupervisorCall } from '../devices/supervisor-proxy.js';

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
      const readable = await sbvrUtils.db.readTransaction((tx) =>
        canAccess(req, tx, 'application', appId, 'read'),
      );
      if (!readable) throw new RouteError(404, 'Application not found');
      const reply = await relaySupervisorCall(req, '/v1/restart', { appId, data: { appId } });
      const replies =
        reply.statusCode === 207 && Array.isArray(reply.body)
          ? (reply.body as Array<{ statusCode: number; body: unknown }>)
          : [reply];
      const locked = replies.find(({ statusCode }) => statusCode === 423);
      if (locked != null) {
        res.status(423).json(locked.body);
        return;
      }
      res.status(200).end();
    }),
  );
}
