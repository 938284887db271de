// A simulated balena device: registers, polls its target state (its heartbeat), reports the release and services
// it runs, answers supervisor commands relayed by the API (recording each), can hold an update lock, and can be
// taken offline and back.
import { EventEmitter } from 'node:events';
import { DeviceApiClient } from './api-client.js';
import { randomHex, randomIpAddress, randomMac } from './random.js';
import { buildStateReport, buildSupervisorStatus, routineLogLines } from './reports.js';
import {
  SIMULATION_DEFAULTS,
  type LogOptions,
  type RecordedCommand,
  type SimulatedDeviceOptions,
} from './options.js';
import { ReleaseState, configOf, targetReleaseOf } from './release-state.js';
import { answerSupervisorCall, type DeviceEffect } from './supervisor-commands.js';
import {
  startSupervisorServer,
  type SupervisorAnswer,
  type SupervisorCall,
  type SupervisorServer,
} from './supervisor-server.js';

/** One simulated device. Create it with {@link startSimulatedDevice}. */
export class SimulatedDevice extends EventEmitter {
  /** Every supervisor command received, oldest first. */
  readonly commands: RecordedCommand[] = [];
  /** The last error of a poll cycle, if the last one failed. */
  lastError: Error | undefined;
  osVersion: string;
  readonly #client: DeviceApiClient;
  readonly #options: Required<
    Omit<
      SimulatedDeviceOptions,
      'provisioningKey' | 'applicationId' | 'deviceApiKey' | 'uuid' | 'deviceType'
    >
  >;
  readonly #release: ReleaseState;
  readonly #secret = randomHex(24);
  readonly #ipAddress = randomIpAddress();
  readonly #macAddress = randomMac();
  #server: SupervisorServer | undefined;
  #online = false;
  #locked = false;
  #lockOverride = false;
  #fleetUuid: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #logTimer: ReturnType<typeof setInterval> | undefined;
  #logging = false;
  readonly #startedAt = Date.now();
  #queue: Promise<void> = Promise.resolve();
  #lastReport = '';
  #status = 'Idle';

  /**
   * Wraps a registered device; use {@link startSimulatedDevice} instead.
   * @param id the device id
   * @param uuid the device uuid
   * @param apiKey the device API key
   * @param options the simulation options
   * @throws never
   * @example
   * // see startSimulatedDevice
   */
  constructor(
    readonly id: number,
    readonly uuid: string,
    readonly apiKey: string,
    options: SimulatedDeviceOptions,
  ) {
    super();
    this.#options = {
      apiUrl: options.apiUrl,
      pollIntervalMs: options.pollIntervalMs ?? SIMULATION_DEFAULTS.pollIntervalMs,
      osVersion: options.osVersion ?? SIMULATION_DEFAULTS.osVersion,
      osVariant: options.osVariant ?? SIMULATION_DEFAULTS.osVariant,
      supervisorVersion: options.supervisorVersion ?? SIMULATION_DEFAULTS.supervisorVersion,
      downloadSteps: options.downloadSteps ?? SIMULATION_DEFAULTS.downloadSteps,
      osUpdateDurationMs: options.osUpdateDurationMs ?? SIMULATION_DEFAULTS.osUpdateDurationMs,
      logIntervalMs: options.logIntervalMs ?? SIMULATION_DEFAULTS.logIntervalMs,
    };
    this.osVersion = this.#options.osVersion;
    this.#release = new ReleaseState(this.#options.downloadSteps);
    this.#client = new DeviceApiClient(options.apiUrl, { uuid, apiKey });
  }

  /** Whether the device is connected (polling and reachable through the supervisor proxy). */
  get online(): boolean {
    return this.#online;
  }

  /** The commit of the release the device runs, if any. */
  get runningCommit(): string | null {
    return this.#release.running?.commit ?? null;
  }

  /**
   * Holds an update lock: reboot, shutdown, purge, restart and stop/restart service answer 423 unless forced or
   * the lock override config variable (`RESIN_OVERRIDE_LOCK=1`) is set.
   * @throws never
   * @example
   * device.holdUpdateLock();
   */
  holdUpdateLock(): void {
    this.#locked = true;
  }

  /**
   * Releases the update lock.
   * @throws never
   * @example
   * device.releaseUpdateLock();
   */
  releaseUpdateLock(): void {
    this.#locked = false;
  }

  /**
   * Waits for a supervisor command on a path (already received ones count).
   * @param path e.g. `/v1/reboot`
   * @param timeoutMs how long to wait; default 10 s
   * @throws Error when no such command arrives in time
   * @example
   * const reboot = await device.waitForCommand('/v1/reboot');
   */
  async waitForCommand(path: string, timeoutMs = 10_000): Promise<RecordedCommand> {
    const seen = this.commands.find((command) => command.path === path);
    if (seen != null) return seen;
    return await new Promise((resolve, reject) => {
      const onCommand = (command: RecordedCommand) => {
        if (command.path !== path) return;
        clearTimeout(timer);
        this.off('command', onCommand);
        resolve(command);
      };
      const timer = setTimeout(() => {
        this.off('command', onCommand);
        reject(new Error(`No ${path} command within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on('command', onCommand);
    });
  }

  /**
   * Runs one poll cycle now (target state, tunnel, state report) and waits for it.
   * @throws the cycle's error (also kept in `lastError`)
   * @example
   * await device.pollNow();
   */
  async pollNow(): Promise<void> {
    const run = this.#queue.then(() => this.#cycle());
    this.#queue = run.catch(() => {});
    await run;
  }

  /**
   * Takes the device offline: it stops polling and the API sees it disconnected.
   * @throws the API error when the disconnect cannot be reported
   * @example
   * await device.goOffline();
   */
  async goOffline(): Promise<void> {
    if (!this.#online) return;
    this.#online = false;
    if (this.#timer != null) clearTimeout(this.#timer);
    if (this.#logTimer != null) clearInterval(this.#logTimer);
    await this.#queue;
    await this.#client.disconnectTunnel();
  }

  /**
   * Brings the device back: it polls at once, reconnects and reports, then keeps polling.
   * @throws the API error of the first poll
   * @example
   * await device.goOnline();
   */
  async goOnline(): Promise<void> {
    if (this.#online) return;
    this.#server ??= await startSupervisorServer(this.#secret, (call) => this.#answer(call));
    this.#online = true;
    await this.pollNow();
    if (this.#options.logIntervalMs > 0) {
      this.#logTimer = setInterval(() => {
        this.#sendRoutineLogs().catch(() => {});
      }, this.#options.logIntervalMs);
      this.#logTimer.unref();
    }
  }

  async #sendRoutineLogs(): Promise<void> {
    // A slow API must not make ticks overlap (their lines would interleave).
    if (this.#logging) return;
    this.#logging = true;
    try {
      const uptimeSeconds = Math.round((Date.now() - this.#startedAt) / 1000);
      for (const line of routineLogLines(this.#release, uptimeSeconds)) {
        await this.sendLog(line.message, line.options);
      }
    } finally {
      this.#logging = false;
    }
  }

  /**
   * Sends one log line through the device logs endpoint (`POST /device/v2/:uuid/logs`).
   * @param message the log text
   * @param options stderr/system flags, service id and timestamp
   * @returns the HTTP status the API answered (404 while the API has no logs endpoint)
   * @throws when the API cannot be reached
   * @example
   * await device.sendLog('service started', { serviceId: 3 });
   */
  async sendLog(message: string, options: LogOptions = {}): Promise<number> {
    return await this.#client.sendLogs([
      {
        message,
        timestamp: options.timestamp ?? Date.now(),
        isStdErr: options.isStdErr ?? false,
        isSystem: options.isSystem ?? options.serviceId == null,
        ...(options.serviceId == null ? {} : { serviceId: options.serviceId }),
      },
    ]);
  }

  /**
   * Stops the device: offline, supervisor API closed.
   * @throws never (a failed disconnect report is ignored)
   * @example
   * await device.stop();
   */
  async stop(): Promise<void> {
    await this.goOffline().catch(() => {});
    await this.#server?.close();
    this.#server = undefined;
  }

  async #cycle(): Promise<void> {
    if (!this.#online) return;
    try {
      const state = await this.#client.getTargetState();
      if (this.#server != null) {
        await this.#client.connectTunnel({
          address: this.#server.address,
          secret: this.#secret,
          pollIntervalMs: this.#options.pollIntervalMs,
        });
      }
      this.#fleetUuid = (await this.#client.readSelf()).fleetUuid;
      const config = configOf(state, this.uuid);
      this.#lockOverride =
        config.BALENA_OVERRIDE_LOCK === '1' || config.RESIN_OVERRIDE_LOCK === '1';
      this.#release.advance(targetReleaseOf(state, this.uuid, this.#fleetUuid));
      await this.#report();
      this.lastError = undefined;
    } catch (err) {
      this.lastError = err instanceof Error ? err : new Error(String(err));
      throw this.lastError;
    } finally {
      this.#scheduleNext();
    }
  }

  #scheduleNext(): void {
    if (this.#timer != null) clearTimeout(this.#timer);
    if (!this.#online) return;
    this.#timer = setTimeout(() => {
      this.pollNow().catch(() => {});
    }, this.#options.pollIntervalMs);
    this.#timer.unref();
  }

  async #report(): Promise<void> {
    const report = buildStateReport({
      uuid: this.uuid,
      status: this.#status,
      osVersion: this.osVersion,
      osVariant: this.#options.osVariant,
      supervisorVersion: this.#options.supervisorVersion,
      ipAddress: this.#ipAddress,
      macAddress: this.#macAddress,
      apps: this.#fleetUuid == null ? undefined : this.#release.appsReport(this.#fleetUuid),
    });
    const text = JSON.stringify(report);
    if (text === this.#lastReport) return;
    await this.#client.reportState(report);
    this.#lastReport = text;
  }

  async #answer(call: SupervisorCall): Promise<SupervisorAnswer> {
    // The public web port (reached through the device URL relay) is not a supervisor command.
    if (call.path === '/public' || call.path.startsWith('/public/')) {
      return {
        status: 200,
        body: `Hello from simulated device ${this.uuid} (${call.path.slice(7) || '/'})`,
      };
    }
    const locked = this.#locked && !this.#lockOverride;
    const { answer, effect } = answerSupervisorCall(
      call,
      locked,
      buildSupervisorStatus({
        status: this.#status,
        osVersion: this.osVersion,
        supervisorVersion: this.#options.supervisorVersion,
        ipAddress: this.#ipAddress,
        runningCommit: this.runningCommit,
        updatePending: this.#release.pending != null,
      }),
    );
    const recorded: RecordedCommand = { ...call, at: new Date(), status: answer.status };
    this.commands.push(recorded);
    this.emit('command', recorded);
    // Effects run after the answer is on its way, as a real supervisor acts after accepting a command.
    if (effect != null) setImmediate(() => this.#playEffect(effect).catch(() => {}));
    return answer;
  }

  async #playEffect(effect: DeviceEffect): Promise<void> {
    switch (effect.kind) {
      case 'shutdown':
        await this.goOffline();
        return;
      case 'update':
        await this.pollNow();
        return;
      case 'service':
        this.#release.serviceStatus.set(
          effect.imageId,
          effect.action === 'stop' ? 'exited' : 'Running',
        );
        await this.pollNow();
        return;
      case 'os-update':
        this.#status = 'Updating OS';
        await this.pollNow();
        await new Promise((resolve) => setTimeout(resolve, this.#options.osUpdateDurationMs));
        // Devices report the variant in os_variant, not as part of the version (`2.48.0+rev1.prod` → `2.48.0+rev1`).
        this.osVersion = `balenaOS ${effect.targetVersion.replace(/\.(prod|dev)$/, '')}`;
        this.#status = 'Idle';
        this.emit('os-updated', this.osVersion);
        await this.pollNow();
        return;
      default:
        return;
    }
  }
}
