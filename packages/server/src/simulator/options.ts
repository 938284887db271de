// Options and records of simulated devices.
import type { SupervisorCall } from './supervisor-server.js';

/** Options of {@link startSimulatedDevice}. */
export interface SimulatedDeviceOptions {
  /** Base URL of the API. */
  apiUrl: string;
  /** Registers a new device with this provisioning key (its fleet unless `applicationId` is given). */
  provisioningKey?: string;
  applicationId?: number;
  /** Or runs an existing device with its API key and uuid. */
  deviceApiKey?: string;
  /** uuid of the device (generated for a new one when absent). */
  uuid?: string;
  /** Device type slug, required to register. */
  deviceType?: string;
  /** Target state poll interval; default 10 s. */
  pollIntervalMs?: number;
  /** Reported OS version; default `balenaOS 6.0.13`. */
  osVersion?: string;
  osVariant?: 'prod' | 'dev';
  /** Reported supervisor version; default `16.7.2`. */
  supervisorVersion?: string;
  /** Polls a new release spends downloading before it runs; default 0. */
  downloadSteps?: number;
  /** How long an OS update takes before the device reports the new version; default 200 ms. */
  osUpdateDurationMs?: number;
  /** Sends a log line per running service (or a supervisor line) this often; default 0 = no automatic logs. */
  logIntervalMs?: number;
}

/** A supervisor command the device received. */
export interface RecordedCommand extends SupervisorCall {
  at: Date;
  /** the HTTP status it answered */
  status: number;
}

/** Options of {@link SimulatedDevice.sendLog}. */
export interface LogOptions {
  isStdErr?: boolean;
  isSystem?: boolean;
  serviceId?: number;
  timestamp?: number;
}

/** Defaults of the simulation options. */
export const SIMULATION_DEFAULTS = {
  pollIntervalMs: 10_000,
  osVersion: 'balenaOS 6.0.13',
  osVariant: 'prod',
  supervisorVersion: '16.7.2',
  downloadSteps: 0,
  osUpdateDurationMs: 200,
  logIntervalMs: 0,
} as const;
