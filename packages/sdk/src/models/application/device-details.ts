/**
 * `getWithDeviceServiceDetails`: a fleet with its devices, each carrying what runs on it grouped
 * by fleet slug and service name (`current_services_by_app`).
 */
import { APPLICATION_LOOKUP, findOne } from '../../internal/ids.js';
import type { PineRequestOptions } from '../../pine/index.js';
import type { SdkModelContext } from '../index.js';
import { withExtraOptions } from '../../internal/collection.js';
import type { ApplicationOptions, ApplicationRow, SlugOrUuidOrId } from './core.js';
import { SERVICE_DETAILS_EXPAND } from '../../internal/service-details.js';

/** One service as installed on a device. */
export interface CurrentService {
  id: number;
  image_id: number;
  service_id: number;
  download_progress: number | null;
  status: string;
  install_date: string;
  commit: string;
  raw_version: string | null;
  release_id: number;
}

/** Services of a device by fleet slug, then service name, newest install first. */
export type CurrentServicesByApp = Record<string, Record<string, CurrentService[]>>;

const DETAILS_OPTIONS = { $expand: { owns__device: { $expand: SERVICE_DETAILS_EXPAND } } } as const;

type FleetWithInstalls = ApplicationRow<typeof DETAILS_OPTIONS>;

/** A fleet read by `getWithDeviceServiceDetails`: each of its devices with the services it runs. */
export type ApplicationWithDeviceServiceDetails = Omit<FleetWithInstalls, 'owns__device'> & {
  owns__device: Array<
    FleetWithInstalls['owns__device'][number] & { current_services_by_app: CurrentServicesByApp }
  >;
};

type DeviceWithInstalls = {
  image_install: Array<{
    id: number;
    download_progress: number | null;
    status: string;
    install_date: string;
    installs__image: Array<{
      id: number;
      is_a_build_of__service: Array<{ id: number; service_name: string }>;
    }>;
    is_provided_by__release: Array<{
      id: number;
      commit: string;
      raw_version: string | null;
      belongs_to__application: Array<{ slug: string }>;
    }>;
  }>;
};

/**
 * Groups a device's image installs into `current_services_by_app`.
 *
 * @param device - a device read with the service-details expand.
 * @returns the services by fleet slug and service name, newest install first.
 * @example
 * const byApp = groupServicesByApp(device);
 */
export function groupServicesByApp(device: DeviceWithInstalls): CurrentServicesByApp {
  const byApp: CurrentServicesByApp = {};
  for (const install of device.image_install) {
    const image = install.installs__image[0];
    const service = image?.is_a_build_of__service[0];
    const release = install.is_provided_by__release[0];
    const slug = release?.belongs_to__application[0]?.slug;
    if (
      image === undefined ||
      service === undefined ||
      release === undefined ||
      slug === undefined
    ) {
      continue;
    }
    const services = (byApp[slug] ??= {});
    (services[service.service_name] ??= []).push({
      id: install.id,
      image_id: image.id,
      service_id: service.id,
      download_progress: install.download_progress,
      status: install.status,
      install_date: install.install_date,
      commit: release.commit,
      raw_version: release.raw_version,
      release_id: release.id,
    });
  }
  for (const services of Object.values(byApp)) {
    for (const list of Object.values(services)) {
      list.sort((a, b) => b.install_date.localeCompare(a.install_date));
    }
  }
  return byApp;
}

/**
 * Builds `getWithDeviceServiceDetails` of `sdk.models.application`.
 *
 * @param ctx - the model context.
 * @returns the method.
 * @throws {Error} never at build time.
 * @example
 * const { getWithDeviceServiceDetails } = createDeviceDetails(ctx);
 */
export function createDeviceDetails(ctx: SdkModelContext) {
  const { pine } = ctx;
  /**
   * A fleet with its devices and, on each device, the services it runs.
   *
   * @param slugOrUuidOrId - the fleet id, slug or uuid.
   * @param options - pine options merged with the details expand.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns the fleet; each of its `owns__device` has `current_services_by_app`.
   * @throws {BalenaApplicationNotFound} when the fleet does not exist.
   * @example
   * const fleet = await sdk.models.application.getWithDeviceServiceDetails('myorg/myfleet');
   * console.log(fleet.owns__device[0].current_services_by_app);
   */
  async function getWithDeviceServiceDetails(
    slugOrUuidOrId: SlugOrUuidOrId,
    options?: ApplicationOptions,
    callOptions?: PineRequestOptions,
  ): Promise<ApplicationWithDeviceServiceDetails> {
    const fleet = await findOne(
      pine,
      APPLICATION_LOOKUP,
      slugOrUuidOrId,
      withExtraOptions(DETAILS_OPTIONS, options),
      callOptions,
    );
    return {
      ...fleet,
      owns__device: fleet.owns__device.map((device) => ({
        ...device,
        current_services_by_app: groupServicesByApp(device),
      })),
    };
  }
  return { getWithDeviceServiceDetails };
}
