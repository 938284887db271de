// OS images and config.json: GET /download (a generated, deterministic image per device type and version, with
// Range support and an `X-Checksum-Sha256` header), GET /device-types/v1/:slug/images/:version/download-size and
// POST/GET /download-config.
import type { Application } from 'express';
import { inReadTransaction } from '../../identity/db.js';
import { route, RouteError } from '../../identity/http.js';
import { buildDownloadConfig } from './download-config.js';
import { findHostOsRelease, type HostOsRelease } from './host-releases.js';
import { syntheticImage } from './image-bytes.js';
import { sendImage } from './image-response.js';

export { CHECKSUM_HEADER, DOWNLOAD_RATE_ENV } from './image-response.js';
export { IMAGE_BASE_BYTES_ENV, syntheticImage } from './image-bytes.js';

async function releaseFor(
  deviceType: unknown,
  version: unknown,
): Promise<HostOsRelease | undefined> {
  if (typeof deviceType !== 'string' || typeof version !== 'string') return undefined;
  if (deviceType === '' || version === '') return undefined;
  return await inReadTransaction((tx) => findHostOsRelease(tx, deviceType, version));
}

/**
 * Installs the OS image and config.json routes.
 * @param app the express application.
 * @throws never (database errors go to the express error handler)
 * @example
 * installOsFeatures(app);
 */
export function installOsFeatures(app: Application): void {
  app.get(
    '/download',
    route(async (req, res) => {
      const { deviceType, version } = req.query;
      const release = await releaseFor(deviceType, version ?? 'latest');
      if (release == null) throw new RouteError(404, 'Not Found');
      const image = syntheticImage(release.deviceType, release.rawVersion);
      await sendImage(req, res, image, `balena-${release.deviceType}-${release.rawVersion}.img`);
    }),
  );
  app.get(
    '/device-types/v1/:slug/images/:version/download-size',
    route(async (req, res) => {
      const { slug, version } = req.params;
      const release = await releaseFor(slug, version);
      if (release == null)
        throw new RouteError(404, `Device ${slug} not found for ${version} version`);
      res.json({ size: syntheticImage(release.deviceType, release.rawVersion).size });
    }),
  );
  const downloadConfig = route(async (req, res) => {
    res.json(await buildDownloadConfig(req));
  });
  app.post('/download-config', downloadConfig);
  app.get('/download-config', downloadConfig);
}
