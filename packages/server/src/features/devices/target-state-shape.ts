// Shapes target states (api-spec §2.6) from loaded rows: the v3 per-device and per-fleet documents and the
// legacy v2 document. Pure functions, so the rules (config filtering, variable precedence) are easy to test.
import type { DeviceData, FleetData, NamedValue, ReleaseData } from './target-state-data.js';

/** The supervisor's default poll interval; the target state never asks for a shorter one. */
export const DEFAULT_POLL_INTERVAL_MS = 900_000;

const HIDDEN_CONFIG = /^(BALENA|RESIN)_UI/;
const POLL_INTERVAL_NAMES = ['RESIN_SUPERVISOR_POLL_INTERVAL', 'BALENA_SUPERVISOR_POLL_INTERVAL'];

type Dict = Record<string, unknown>;

function toDict(values: NamedValue[]): Record<string, string> {
  const dict: Record<string, string> = {};
  for (const { name, value } of values) dict[name] = value;
  return dict;
}

/**
 * Builds the `config` of a target state: fleet config vars overridden by device ones, UI-only and display
 * variables removed, the cloud's defaults injected and the poll interval kept at least the default.
 * @param fleetConfig the fleet's config variables
 * @param deviceConfig the device's config variables (none for a fleet state)
 * @throws never
 * @example
 * buildConfig([{ name: 'RESIN_SUPERVISOR_POLL_INTERVAL', value: '1000' }], []); // ... POLL_INTERVAL: '900000'
 */
export function buildConfig(
  fleetConfig: NamedValue[],
  deviceConfig: NamedValue[],
): Record<string, string> {
  const config: Record<string, string> = {
    RESIN_SUPERVISOR_NATIVE_LOGGER: 'true',
    RESIN_SUPERVISOR_POLL_INTERVAL: String(DEFAULT_POLL_INTERVAL_MS),
    ...toDict(fleetConfig),
    ...toDict(deviceConfig),
  };
  for (const name of Object.keys(config)) {
    if (HIDDEN_CONFIG.test(name) || name === 'RESIN_HOST_LOG_TO_DISPLAY') delete config[name];
  }
  for (const name of POLL_INTERVAL_NAMES) {
    if (name in config) {
      const requested = Number(config[name]);
      const effective = Number.isFinite(requested)
        ? Math.max(requested, DEFAULT_POLL_INTERVAL_MS)
        : DEFAULT_POLL_INTERVAL_MS;
      config[name] = String(effective);
    }
  }
  return config;
}

/** The variables a service's environment is layered from, lowest precedence first. */
export interface EnvironmentLayers {
  fleet: NamedValue[];
  device: NamedValue[];
  deviceService: Map<number, NamedValue[]>;
}

const NO_LAYERS: EnvironmentLayers = { fleet: [], device: [], deviceService: new Map() };

function compositionPart(composition: unknown, key: string): Dict | undefined {
  if (composition == null || typeof composition !== 'object') return undefined;
  const part = (composition as Dict)[key];
  return part != null && typeof part === 'object' ? (part as Dict) : undefined;
}

function imageReference(location: string, contentHash: string | null): string {
  const lower = location.toLowerCase();
  return contentHash ? `${lower}@${contentHash}` : lower;
}

/**
 * Builds the v3 `releases` entry of one release: services keyed by name with their layered environment.
 * @param release the release rows
 * @param layers fleet, device and device-service variables (empty for supervisor and host OS releases)
 * @throws never
 * @example
 * const entry = buildV3Release(release, layers); // { id, services: { main: {...} }, volumes, networks }
 */
export function buildV3Release(release: ReleaseData, layers: EnvironmentLayers = NO_LAYERS): Dict {
  const services: Dict = {};
  const composedServices = compositionPart(release.composition, 'services');
  for (const image of release.images) {
    const service: Dict = {
      id: image.serviceId,
      image_id: image.imageId,
      image: imageReference(image.location, image.contentHash),
      environment: toDict([
        ...image.imageEnvironment,
        ...layers.fleet,
        ...image.serviceEnvironment,
        ...layers.device,
        ...(layers.deviceService.get(image.serviceId) ?? []),
      ]),
      labels: toDict([...image.imageLabels, ...image.serviceLabels]),
    };
    if (image.contract != null) service.contract = image.contract;
    const composition = composedServices?.[image.serviceName];
    if (composition != null) service.composition = composition;
    services[image.serviceName] = service;
  }
  return {
    id: release.id,
    services,
    volumes: compositionPart(release.composition, 'volumes') ?? {},
    networks: compositionPart(release.composition, 'networks') ?? {},
  };
}

/**
 * Builds one v3 `apps` entry: the fleet with its release (none when the fleet has no target release).
 * @param fleet the fleet rows
 * @param release the target release, if any
 * @param layers the environment layers of the release's services
 * @throws never
 * @example
 * const app = buildV3App(fleet, release, layers);
 */
export function buildV3App(
  fleet: FleetData,
  release: ReleaseData | undefined,
  layers: EnvironmentLayers = NO_LAYERS,
): Dict {
  const app: Dict = { id: fleet.id, name: fleet.name, class: fleet.class };
  if (fleet.isHost) app.is_host = true;
  if (release != null) app.releases = { [release.commit]: buildV3Release(release, layers) };
  return app;
}

/** What a device's v3 state is assembled from. */
export interface DeviceStateParts {
  device: DeviceData;
  fleet: FleetData | undefined;
  release: ReleaseData | undefined;
  /** supervisor and host OS releases with their fleets */
  extraApps: Array<{ fleet: FleetData; release: ReleaseData }>;
}

function layersOf(parts: DeviceStateParts): EnvironmentLayers {
  return {
    fleet: parts.fleet?.environmentVariables ?? [],
    device: parts.device.environmentVariables,
    deviceService: parts.device.serviceEnvironment,
  };
}

/**
 * Builds `GET /device/v3/:uuid/state`: `{ <uuid>: { name, config, apps: { <app uuid>: ... } } }`.
 * @param parts the loaded device, fleet, target release and supervisor/host OS apps
 * @throws never
 * @example
 * res.json(buildDeviceStateV3(parts));
 */
export function buildDeviceStateV3(parts: DeviceStateParts): Dict {
  const apps: Dict = {};
  if (parts.fleet != null)
    apps[parts.fleet.uuid] = buildV3App(parts.fleet, parts.release, layersOf(parts));
  for (const extra of parts.extraApps)
    apps[extra.fleet.uuid] = buildV3App(extra.fleet, extra.release);
  return {
    [parts.device.uuid]: {
      name: parts.device.name,
      config: buildConfig(parts.fleet?.configVariables ?? [], parts.device.configVariables),
      apps,
    },
  };
}

/**
 * Builds the legacy `GET /device/v2/:uuid/state`: `{ local: { name, config, apps: { <app id>: ... } }, dependent }`.
 * @param parts the loaded device, fleet and target release
 * @throws never
 * @example
 * res.json(buildDeviceStateV2(parts));
 */
export function buildDeviceStateV2(parts: DeviceStateParts): Dict {
  const apps: Dict = {};
  if (parts.fleet != null) {
    const app: Dict = { name: parts.fleet.name, services: {}, volumes: {}, networks: {} };
    if (parts.release != null) {
      const v3 = buildV3Release(parts.release, layersOf(parts));
      const services: Dict = {};
      for (const [serviceName, value] of Object.entries(v3.services as Dict)) {
        const service = value as Dict;
        services[String(service.id)] = {
          ...((service.composition as Dict | undefined) ?? {}),
          imageId: service.image_id,
          serviceName,
          image: service.image,
          running: true,
          environment: service.environment,
          labels: service.labels,
          ...(service.contract == null ? {} : { contract: service.contract }),
        };
      }
      Object.assign(app, {
        commit: parts.release.commit,
        releaseId: parts.release.id,
        services,
        volumes: v3.volumes,
        networks: v3.networks,
      });
    }
    apps[String(parts.fleet.id)] = app;
  }
  return {
    local: {
      name: parts.device.name,
      config: buildConfig(parts.fleet?.configVariables ?? [], parts.device.configVariables),
      apps,
    },
    dependent: { apps: {}, devices: {} },
  };
}

/**
 * Builds `GET /device/v3/fleet/:appUuid/state/`: the state a generic device of the fleet would get.
 * @param fleet the fleet rows
 * @param release the requested (or target) release, if any
 * @throws never
 * @example
 * res.json(buildFleetStateV3(fleet, release));
 */
export function buildFleetStateV3(fleet: FleetData, release: ReleaseData | undefined): Dict {
  return {
    [fleet.uuid]: {
      name: fleet.name,
      config: buildConfig(fleet.configVariables, []),
      apps: {
        [fleet.uuid]: buildV3App(fleet, release, {
          fleet: fleet.environmentVariables,
          device: [],
          deviceService: new Map(),
        }),
      },
    },
  };
}
