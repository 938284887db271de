// What a simulated device runs: it follows its target release, "downloading" a new one over a number of polls,
// and reports each service's status in the shape of a supervisor state report.

/** One service of a release the device knows. */
export interface ServiceImage {
  name: string;
  imageId: number;
  /** the service id, when the target state gives it */
  serviceId?: number;
}

/** A release the device runs or downloads. */
export interface DeviceRelease {
  commit: string;
  services: ServiceImage[];
}

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Finds the fleet release in a v3 target state.
 * @param state the v3 target state document
 * @param uuid the device uuid
 * @param fleetUuid the uuid of the device's fleet
 * @throws never
 * @example
 * targetReleaseOf(state, uuid, fleetUuid); // { commit, services: [{ name: 'main', imageId: 4 }] }
 */
export function targetReleaseOf(
  state: Dict,
  uuid: string,
  fleetUuid: string | undefined,
): DeviceRelease | null {
  const device = state[uuid];
  if (!isDict(device) || !isDict(device.apps) || fleetUuid == null) return null;
  const app = device.apps[fleetUuid];
  if (!isDict(app) || !isDict(app.releases)) return null;
  const [entry] = Object.entries(app.releases);
  if (entry == null) return null;
  const [commit, release] = entry;
  const services: ServiceImage[] = [];
  if (isDict(release) && isDict(release.services)) {
    for (const [name, service] of Object.entries(release.services)) {
      if (isDict(service) && typeof service.image_id === 'number') {
        const serviceId = typeof service.id === 'number' ? service.id : undefined;
        services.push({
          name,
          imageId: service.image_id,
          ...(serviceId == null ? {} : { serviceId }),
        });
      }
    }
  }
  return { commit, services };
}

/**
 * The config of a v3 target state, as a name → value map.
 * @param state the v3 target state document
 * @param uuid the device uuid
 * @throws never
 * @example
 * configOf(state, uuid).RESIN_OVERRIDE_LOCK; // '1'
 */
export function configOf(state: Dict, uuid: string): Record<string, string> {
  const device = state[uuid];
  if (!isDict(device) || !isDict(device.config)) return {};
  const config: Record<string, string> = {};
  for (const [name, value] of Object.entries(device.config)) config[name] = String(value);
  return config;
}

/** The releases a device runs and downloads, and its services' statuses. */
export class ReleaseState {
  running: DeviceRelease | null = null;
  pending: { release: DeviceRelease; step: number } | undefined;
  /** statuses set by service commands (stop → exited), by image id */
  readonly serviceStatus = new Map<number, string>();

  /**
   * Creates the state.
   * @param downloadSteps polls a new release spends downloading before it runs (0 = at once)
   * @throws never
   * @example
   * new ReleaseState(2);
   */
  constructor(private readonly downloadSteps: number) {}

  /**
   * Moves one poll toward the target release.
   * @param target the target release, or null when the fleet has none
   * @throws never
   * @example
   * state.advance(targetReleaseOf(doc, uuid, fleetUuid));
   */
  advance(target: DeviceRelease | null): void {
    if (target == null) {
      this.running = null;
      this.pending = undefined;
      return;
    }
    if (this.running?.commit === target.commit) {
      this.pending = undefined;
      return;
    }
    if (this.pending?.release.commit !== target.commit) this.pending = { release: target, step: 0 };
    this.pending.step += 1;
    if (this.pending.step > this.downloadSteps) {
      this.running = this.pending.release;
      this.pending = undefined;
      this.serviceStatus.clear();
    }
  }

  /**
   * The `apps` part of a state report for the device's fleet.
   * @param fleetUuid the fleet uuid
   * @throws never
   * @example
   * report.apps = state.appsReport(fleetUuid);
   */
  appsReport(fleetUuid: string): Dict {
    const releases: Dict = {};
    if (this.running != null) {
      const services: Dict = {};
      for (const service of this.running.services) {
        services[service.name] = {
          image_id: service.imageId,
          status: this.serviceStatus.get(service.imageId) ?? 'Running',
          download_progress: null,
        };
      }
      releases[this.running.commit] = { services };
    }
    if (this.pending != null) {
      const progress = Math.round((100 * this.pending.step) / (this.downloadSteps + 1));
      const services: Dict = {};
      for (const service of this.pending.release.services) {
        services[service.name] = {
          image_id: service.imageId,
          status: 'Downloading',
          download_progress: progress,
        };
      }
      releases[this.pending.release.commit] = { services };
    }
    return { [fleetUuid]: { release_uuid: this.running?.commit ?? null, releases } };
  }
}
