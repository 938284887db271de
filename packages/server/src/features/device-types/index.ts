// GET /device-types/v1 and /device-types/v1/:slug: device-type.json manifests of the device types the caller sees.
import type { Application, Request } from 'express';
import { sbvrUtils } from '@balena/pinejs';
import { toManifest, type DeviceTypeRow } from './manifest.js';

async function readDeviceTypes(req: Request, slugOrAlias?: string): Promise<DeviceTypeRow[]> {
  const api = sbvrUtils.api.v7;
  if (api == null) throw new Error('The v7 model is not initialised');
  // pinejs evaluates a request without user or API key with the guest user's permissions. No transaction is
  // passed: pinejs loads the guest permissions in a transaction of its own first (nesting would deadlock).
  const caller = { user: req.user, apiKey: req.apiKey };
  return (await api.get({
    resource: 'device_type',
    options: {
      $select: ['slug', 'name', 'logo', 'is_private', 'contract'],
      $expand: {
        is_of__cpu_architecture: { $select: 'slug' },
        device_type_alias: { $select: 'is_referenced_by__alias' },
      },
      ...(slugOrAlias == null
        ? {}
        : {
            $filter: {
              device_type_alias: {
                $any: { $alias: 'a', $expr: { a: { is_referenced_by__alias: slugOrAlias } } },
              },
            },
          }),
      $orderby: { name: 'asc' },
    },
    passthrough: { req: caller },
  })) as DeviceTypeRow[];
}

/**
 * Installs the device-type manifest routes.
 * @param app the express application.
 * @throws never (database errors go to the express error handler)
 * @example
 * installDeviceTypeManifests(app);
 */
export function installDeviceTypeManifests(app: Application): void {
  app.get('/device-types/v1', async (req, res, next) => {
    try {
      res.json((await readDeviceTypes(req)).map(toManifest));
    } catch (err) {
      next(err);
    }
  });
  app.get('/device-types/v1/:slug', async (req, res, next) => {
    try {
      const { slug } = req.params;
      if (!/^[\w-]+$/.test(slug)) {
        res.status(400).type('text/plain').send('Invalid device type');
        return;
      }
      const [row] = await readDeviceTypes(req, slug);
      if (row == null) {
        res.status(404).type('text/plain').send(`Unknown device type ${slug}`);
        return;
      }
      res.json(toManifest(row));
    } catch (err) {
      next(err);
    }
  });
}
