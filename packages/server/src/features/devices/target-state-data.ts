// Reads what a target state is made of (device, fleet, releases, variables) with root rights: the routes check
// the caller's access first, then build the state from these rows.
import type { dbModule } from '@balena/pinejs';
import { rootApi } from '../../identity/db.js';

type Tx = dbModule.Tx;

/** A name/value pair of a variable or label resource. */
export interface NamedValue {
  name: string;
  value: string;
}

/** One service image of a release, with everything its environment and labels are made of. */
export interface ReleaseImageData {
  imageId: number;
  location: string;
  contentHash: string | null;
  contract: unknown;
  serviceId: number;
  serviceName: string;
  imageEnvironment: NamedValue[];
  imageLabels: NamedValue[];
  serviceEnvironment: NamedValue[];
  serviceLabels: NamedValue[];
}

/** A release as the target state needs it. */
export interface ReleaseData {
  id: number;
  commit: string;
  composition: unknown;
  images: ReleaseImageData[];
}

/** A fleet (application) as the target state needs it. */
export interface FleetData {
  id: number;
  uuid: string;
  name: string;
  class: string;
  isHost: boolean;
  configVariables: NamedValue[];
  environmentVariables: NamedValue[];
}

/** A device as the target state needs it. */
export interface DeviceData {
  id: number;
  uuid: string;
  name: string;
  fleetId: number | null;
  targetReleaseId: number | null;
  supervisorReleaseId: number | null;
  hostOsReleaseId: number | null;
  configVariables: NamedValue[];
  environmentVariables: NamedValue[];
  /** device-service variables keyed by service id */
  serviceEnvironment: Map<number, NamedValue[]>;
}

type Row = Record<string, unknown>;

function fk(value: unknown): number | null {
  if (value == null) return null;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return fk(value[0]);
  if (typeof value === 'object') {
    const record = value as Row;
    return fk(record.__id ?? record.id);
  }
  return null;
}

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}

function pairs(value: unknown, key = 'name'): NamedValue[] {
  return rows(value).map((row) => ({ name: String(row[key]), value: String(row.value) }));
}

const NAME_VALUE = { $select: ['name', 'value'] };
const LABEL_VALUE = { $select: ['label_name', 'value'] };

/**
 * Loads a device with its variables and target release ids.
 * @param tx the open transaction
 * @param deviceId the device id
 * @throws the database error when the query fails
 * @example
 * const device = await loadDeviceData(tx, 5);
 */
export async function loadDeviceData(tx: Tx, deviceId: number): Promise<DeviceData | undefined> {
  const device = (await rootApi(tx).get({
    resource: 'device',
    id: deviceId,
    options: {
      $select: [
        'id',
        'uuid',
        'device_name',
        'belongs_to__application',
        'should_be_running__release',
        'should_be_managed_by__release',
        'should_be_operated_by__release',
      ],
      $expand: {
        device_config_variable: NAME_VALUE,
        device_environment_variable: NAME_VALUE,
        service_install: {
          $select: ['id', 'installs__service'],
          $expand: { device_service_environment_variable: NAME_VALUE },
        },
      },
    },
  })) as Row | undefined;
  if (device == null) return undefined;
  const serviceEnvironment = new Map<number, NamedValue[]>();
  for (const install of rows(device.service_install)) {
    const serviceId = fk(install.installs__service);
    if (serviceId != null)
      serviceEnvironment.set(serviceId, pairs(install.device_service_environment_variable));
  }
  return {
    id: Number(device.id),
    uuid: String(device.uuid),
    name: String(device.device_name),
    fleetId: fk(device.belongs_to__application),
    targetReleaseId: fk(device.should_be_running__release),
    supervisorReleaseId: fk(device.should_be_managed_by__release),
    hostOsReleaseId: fk(device.should_be_operated_by__release),
    configVariables: pairs(device.device_config_variable),
    environmentVariables: pairs(device.device_environment_variable),
    serviceEnvironment,
  };
}

/**
 * Loads a fleet with its config and environment variables.
 * @param tx the open transaction
 * @param fleetId the application id
 * @throws the database error when the query fails
 * @example
 * const fleet = await loadFleetData(tx, 3);
 */
export async function loadFleetData(tx: Tx, fleetId: number): Promise<FleetData | undefined> {
  const app = (await rootApi(tx).get({
    resource: 'application',
    id: fleetId,
    options: {
      $select: ['id', 'uuid', 'app_name', 'is_of__class', 'is_host'],
      $expand: {
        application_config_variable: NAME_VALUE,
        application_environment_variable: NAME_VALUE,
      },
    },
  })) as Row | undefined;
  if (app == null) return undefined;
  return {
    id: Number(app.id),
    uuid: String(app.uuid),
    name: String(app.app_name),
    class: String(app.is_of__class),
    isHost: app.is_host === true,
    configVariables: pairs(app.application_config_variable),
    environmentVariables: pairs(app.application_environment_variable),
  };
}

/**
 * Loads a release with its images, services, labels and variables; `filter` picks it by id or commit.
 * @param tx the open transaction
 * @param filter `{ id }` or `{ commit, belongs_to__application }`
 * @throws the database error when the query fails
 * @example
 * const release = await loadReleaseData(tx, { id: 12 });
 */
export async function loadReleaseData(
  tx: Tx,
  filter: { id: number } | { commit: string; belongs_to__application: number },
): Promise<(ReleaseData & { fleetId: number }) | undefined> {
  const [release] = (await rootApi(tx).get({
    resource: 'release',
    options: {
      $select: ['id', 'commit', 'composition', 'belongs_to__application'],
      $filter: filter,
      $expand: {
        release_image: {
          $select: ['id', 'image'],
          $expand: {
            image_label: LABEL_VALUE,
            image_environment_variable: NAME_VALUE,
            image: {
              $select: ['id', 'is_stored_at__image_location', 'content_hash', 'contract'],
              $expand: {
                is_a_build_of__service: {
                  $select: ['id', 'service_name'],
                  $expand: {
                    service_label: LABEL_VALUE,
                    service_environment_variable: NAME_VALUE,
                  },
                },
              },
            },
          },
        },
      },
    },
  })) as Row[];
  if (release == null) return undefined;
  const images: ReleaseImageData[] = [];
  for (const releaseImage of rows(release.release_image)) {
    const [image] = rows(releaseImage.image);
    const [service] = rows(image?.is_a_build_of__service);
    if (image == null || service == null) continue;
    images.push({
      imageId: Number(image.id),
      location: String(image.is_stored_at__image_location),
      contentHash: typeof image.content_hash === 'string' ? image.content_hash : null,
      contract: image.contract ?? null,
      serviceId: Number(service.id),
      serviceName: String(service.service_name),
      imageEnvironment: pairs(releaseImage.image_environment_variable),
      imageLabels: pairs(releaseImage.image_label, 'label_name'),
      serviceEnvironment: pairs(service.service_environment_variable),
      serviceLabels: pairs(service.service_label, 'label_name'),
    });
  }
  return {
    id: Number(release.id),
    commit: String(release.commit),
    composition: release.composition ?? null,
    fleetId: fk(release.belongs_to__application) ?? 0,
    images,
  };
}
