// What a simulated device tells the API (its state report and routine logs) and the supervisor status it answers
// with.
import type { LogOptions } from './options.js';
import type { ReleaseState } from './release-state.js';

/** The device facts both reports are made of. */
export interface DeviceFacts {
  status: string;
  osVersion: string;
  supervisorVersion: string;
  ipAddress: string;
}

/**
 * Builds the device's part of a `PATCH /device/v3/state` report, with fixed plausible metrics.
 * @param facts the device facts, its uuid, MAC address, OS variant and the `apps` part (if it knows its fleet)
 * @throws never
 * @example
 * const report = buildStateReport({ uuid, status: 'Idle', osVersion, osVariant: 'prod', ... });
 */
export function buildStateReport(
  facts: DeviceFacts & { uuid: string; osVariant: string; macAddress: string; apps?: unknown },
): Record<string, unknown> {
  return {
    status: facts.status,
    os_version: facts.osVersion,
    os_variant: facts.osVariant,
    supervisor_version: facts.supervisorVersion,
    ip_address: facts.ipAddress,
    mac_address: facts.macAddress,
    memory_usage: 512,
    memory_total: 4096,
    storage_block_device: '/dev/mmcblk0',
    storage_usage: 1200,
    storage_total: 30000,
    cpu_usage: 12,
    cpu_temp: 48,
    cpu_id: facts.uuid.slice(0, 16),
    is_undervolted: false,
    ...(facts.apps == null ? {} : { apps: facts.apps }),
  };
}

/**
 * Builds the body of the supervisor's `GET /v1/device`.
 * @param facts the device facts, the running commit and whether an update is pending
 * @throws never
 * @example
 * buildSupervisorStatus({ status: 'Idle', osVersion, supervisorVersion, ipAddress, runningCommit: null, updatePending: false });
 */
export function buildSupervisorStatus(
  facts: DeviceFacts & { runningCommit: string | null; updatePending: boolean },
): Record<string, unknown> {
  return {
    api_port: 48484,
    ip_address: facts.ipAddress,
    os_version: facts.osVersion,
    supervisor_version: facts.supervisorVersion,
    update_pending: facts.updatePending,
    update_failed: false,
    update_downloaded: false,
    status: facts.status,
    ...(facts.runningCommit == null ? {} : { commit: facts.runningCommit }),
    ...(facts.updatePending ? { download_progress: 0 } : {}),
  };
}

/**
 * The routine log lines of a device: one per running service with its status, or a supervisor line without a
 * release.
 * @param release what the device runs
 * @param uptimeSeconds the device's uptime
 * @throws never
 * @example
 * routineLogLines(state, 42); // [{ message: '[main] Running, uptime 42s', options: { serviceId: 3 } }]
 */
export function routineLogLines(
  release: Pick<ReleaseState, 'running' | 'serviceStatus'>,
  uptimeSeconds: number,
): Array<{ message: string; options: LogOptions }> {
  const services = release.running?.services ?? [];
  if (services.length === 0) {
    return [
      {
        message: `Supervisor: no release to run (uptime ${uptimeSeconds}s)`,
        options: { isSystem: true },
      },
    ];
  }
  return services.map((service) => ({
    message: `[${service.name}] ${release.serviceStatus.get(service.imageId) ?? 'Running'}, uptime ${uptimeSeconds}s`,
    options: service.serviceId == null ? { isSystem: true } : { serviceId: service.serviceId },
  }));
}
