// GET /config/vars[?deviceType=<slug or alias>]: configuration-variable rules and schema (no authentication).
import type { Application } from 'express';
import { permissions, sbvrUtils } from '@balena/pinejs';
import { buildConfigVarDefinition } from './schema.js';

async function findDeviceFamily(slugOrAlias: string): Promise<string | undefined> {
  const api = sbvrUtils.api.v7;
  if (api == null) return undefined;
  return await sbvrUtils.db.readTransaction(async (tx) => {
    const [deviceType] = (await api.get({
      resource: 'device_type',
      options: {
        $top: 1,
        $select: 'id',
        $expand: { belongs_to__device_family: { $select: 'slug' } },
        $filter: {
          device_type_alias: {
            $any: { $alias: 'a', $expr: { a: { is_referenced_by__alias: slugOrAlias } } },
          },
        },
      },
      passthrough: { req: permissions.rootRead, tx },
    })) as Array<{ belongs_to__device_family: Array<{ slug: string }> }>;
    return deviceType?.belongs_to__device_family[0]?.slug;
  });
}

/**
 * Installs `GET /config/vars`.
 * @param app the express application.
 * @throws never (database errors go to the express error handler)
 * @example
 * installConfigVars(app);
 */
export function installConfigVars(app: Application): void {
  app.get('/config/vars', async (req, res, next) => {
    try {
      const deviceType =
        typeof req.query.deviceType === 'string' ? req.query.deviceType : undefined;
      // Unknown device types are ignored, as by the real API.
      const family = deviceType ? await findDeviceFamily(deviceType) : undefined;
      res.json(buildConfigVarDefinition(family));
    } catch (err) {
      next(err);
    }
  });
}
