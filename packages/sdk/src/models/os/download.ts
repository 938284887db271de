/**
 * `os.download`, `os.getDownloadSize` and `os.getConfig`: OS images and their config.json.
 */
import { OSImageNotFound } from '../../errors/index.js';
import { isBalenaError } from '../../errors/index.js';
import { valid } from '../../internal/semver.js';
import type { Cache } from '../../internal/cache.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import type { OpenImage, OsImageDownloadStream } from './download-stream.js';
import {
  OsTypes,
  type DownloadBehaviour,
  type ImageConfigOptions,
  type ImgConfigOptions,
  type OsVersion,
} from './types.js';

/** Reconnections after a dropped connection, by default. */
const DEFAULT_MAX_RESUME_ATTEMPTS = 5;

/** What the download methods need from the rest of the OS model. */
export interface DownloadDependencies {
  normalizeSlug(slug: string, callOptions?: PineRequestOptions): Promise<string>;
  availableVersions(slug: string, callOptions?: PineRequestOptions): Promise<OsVersion[]>;
  sizeCache: Cache;
}

function normalizeVersion(version: string): string {
  if (!version) throw new Error(`Invalid version: ${version}`);
  if (version === 'latest') return version;
  const withoutPrefix = version.startsWith('v') ? version.substring(1) : version;
  // balena-semver would accept a `balenaOS ` prefix; image versions must start with a digit.
  if (!valid(withoutPrefix) || !/^\d/.test(withoutPrefix)) {
    throw new Error(`Invalid semver version: ${version}`);
  }
  return withoutPrefix;
}

/**
 * Builds the download methods of `sdk.models.os`.
 *
 * @param ctx - the model context.
 * @param deps - slug normalisation, available versions and the download-size cache.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const { download } = createOsDownload(ctx, deps);
 */
export function createOsDownload(ctx: SdkModelContext, deps: DownloadDependencies) {
  const { request } = ctx;

  /**
   * The download size of an OS image, cached per device type and version until the login changes.
   *
   * @param deviceType - the normalised device type slug.
   * @param version - the exact version or `'latest'`.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the size in bytes.
   * @throws {BalenaRequestError} when the API has no such image (404).
   * @example
   * await sdk.models.os._getDownloadSize('raspberrypi3', '6.0.10');
   */
  function _getDownloadSize(
    deviceType: string,
    version: string,
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    return deps.sizeCache.get(JSON.stringify([deviceType, version]), async () => {
      const { body } = await request.send<{ size: number }>(
        { method: 'GET', url: `/device-types/v1/${deviceType}/images/${version}/download-size` },
        callOptions,
      );
      return body.size;
    });
  }

  /**
   * The download size of an OS image in bytes.
   *
   * @param deviceType - the device type slug (or an alias).
   * @param version - the exact version, or `'latest'` (default).
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the size in bytes.
   * @throws {BalenaInvalidDeviceType} for an unknown device type.
   * @throws {BalenaRequestError} when the API has no image for the version.
   * @example
   * const size = await sdk.models.os.getDownloadSize('raspberrypi3', '6.0.10');
   */
  async function getDownloadSize(
    deviceType: string,
    version = 'latest',
    callOptions?: PineRequestOptions,
  ): Promise<number> {
    const slug = await deps.normalizeSlug(deviceType, callOptions);
    return await _getDownloadSize(slug, version, callOptions);
  }

  /**
   * Downloads an OS image as a web `ReadableStream` with progress, resume and checksum verification.
   *
   * The stream emits `'progress'` events (`{percent, total, received, eta}`); a dropped connection is
   * resumed with `Range` from the received offset (at most `maxResumeAttempts` times); when the API
   * sends `X-Checksum-Sha256`, the bytes are hashed as they pass and the stream errors with
   * `OsImageChecksumError` at the end if they differ. Aborting `callOptions.signal` errors the stream.
   * @param options - device type, version (`'latest'` by default) and image options; plus `onProgress`,
   * `maxResumeAttempts` and `verifyChecksum`.
   * @param callOptions - `signal`, `headers`, `timeout` (the timeout covers each response's headers).
   * @returns the image stream (`mime`, `total`, `checksum`, `on('progress')`).
   * @throws {OSImageNotFound} when no such image exists.
   * @throws {Error} `Invalid semver version: <v>` for a malformed version.
   * @example
   * const stream = await sdk.models.os.download({ deviceType: 'raspberrypi3', version: '6.0.10' });
   * stream.on('progress', (p) => console.log(p.percent));
   * await stream.pipeTo(Writable.toWeb(fs.createWriteStream('balena.img')));
   */
  async function download(
    options: ImgConfigOptions & DownloadBehaviour,
    callOptions?: PineRequestOptions,
  ): Promise<OsImageDownloadStream> {
    const {
      deviceType,
      version: requestedVersion = 'latest',
      onProgress,
      maxResumeAttempts = DEFAULT_MAX_RESUME_ATTEMPTS,
      verifyChecksum = true,
      ...imageOptions
    } = options;
    let version = requestedVersion;
    try {
      const slug = await deps.normalizeSlug(deviceType, callOptions);
      if (version === 'latest') {
        const found = (await deps.availableVersions(slug, callOptions)).find(
          (candidate) => candidate.osType === OsTypes.DEFAULT,
        );
        if (found === undefined) {
          throw new OSImageNotFound(deviceType, version, imageOptions.imageType);
        }
        version = found.raw_version;
      } else {
        version = normalizeVersion(version);
      }
      const qs = { ...imageOptions, deviceType, version };
      const open: OpenImage = (offset) =>
        request.stream(
          {
            method: 'GET',
            url: '/download',
            qs,
            headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
          },
          callOptions,
        );
      const { OsImageDownloadStream } = await import('./download-stream.js');
      return new OsImageDownloadStream({
        first: await open(0),
        open,
        maxResumeAttempts,
        verifyChecksum,
        signal: callOptions?.signal,
        onProgress,
      });
    } catch (error) {
      if (isBalenaError(error, 'BalenaRequestError') && error.statusCode === 404) {
        throw new OSImageNotFound(deviceType, version, imageOptions.imageType);
      }
      throw error;
    }
  }

  /**
   * The config.json of a fleet's device for an OS version (the API creates a provisioning key).
   *
   * @param slugOrUuidOrId - the fleet slug, uuid or id.
   * @param options - `version` (required), network, wifi, static IP, poll interval and key options.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the config.json object.
   * @throws {Error} `An OS version is required when calling os.getConfig` without a version.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const config = await sdk.models.os.getConfig('myorg/myfleet', { version: '6.0.10' });
   */
  async function getConfig(
    slugOrUuidOrId: string | number,
    options: ImageConfigOptions,
    callOptions?: PineRequestOptions,
  ): Promise<Record<string, unknown>> {
    if (!options?.version) {
      throw new Error('An OS version is required when calling os.getConfig');
    }
    const body = { ...options, network: options.network ?? 'ethernet' };
    const { id } = await ctx.models.application.get(
      slugOrUuidOrId,
      { $select: 'id' },
      undefined,
      callOptions,
    );
    const response = await request.send<Record<string, unknown>>(
      { method: 'POST', url: '/download-config', body: { ...body, appId: id } },
      callOptions,
    );
    return response.body;
  }

  return { _getDownloadSize, getDownloadSize, download, getConfig };
}
