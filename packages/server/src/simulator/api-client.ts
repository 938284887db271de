// The calls a simulated device makes to the API: registration, target state, state reports, the local tunnel
// announcement and logs. Plain fetch with the device's API key.

/** A failed API call, with the status and body text. */
export class DeviceApiError extends Error {
  /**
   * Creates the error.
   * @param status the HTTP status
   * @param body the response text
   * @param what the call that failed
   * @throws never
   * @example
   * throw new DeviceApiError(401, '', 'GET state');
   */
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} failed: ${status} ${body}`.trim());
    this.name = 'DeviceApiError';
  }
}

/** The identity a registered device uses. */
export interface DeviceCredentials {
  id: number;
  uuid: string;
  apiKey: string;
}

async function call(
  apiUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Response> {
  return await fetch(apiUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}

async function expectOk(response: Response, what: string): Promise<string> {
  const text = await response.text();
  if (!response.ok) throw new DeviceApiError(response.status, text, what);
  return text;
}

/** Registration details of a new device. */
export interface RegistrationRequest {
  provisioningKey: string;
  applicationId?: number;
  uuid: string;
  deviceType: string;
  osVersion: string;
  osVariant: string;
  supervisorVersion: string;
  macAddress: string;
}

/**
 * Registers a device with a provisioning key (`POST /device/register`); finds the key's fleet when no id is given.
 * @param apiUrl the API base URL
 * @param request the provisioning key and device details
 * @throws DeviceApiError when the fleet cannot be read or the registration is refused
 * @example
 * const creds = await registerDevice(apiUrl, { provisioningKey, uuid, deviceType: 'raspberrypi4-64', ... });
 */
export async function registerDevice(
  apiUrl: string,
  request: RegistrationRequest,
): Promise<DeviceCredentials> {
  let application = request.applicationId;
  if (application == null) {
    const text = await expectOk(
      await call(apiUrl, 'GET', '/actor/v1/whoami', request.provisioningKey),
      'Reading the provisioning key fleet',
    );
    const actor = JSON.parse(text) as { actorType?: string; actorTypeId?: number };
    if (actor.actorType !== 'application' || actor.actorTypeId == null)
      throw new DeviceApiError(400, 'not a provisioning key', 'Reading the provisioning key fleet');
    application = actor.actorTypeId;
  }
  const text = await expectOk(
    await call(apiUrl, 'POST', '/device/register', request.provisioningKey, {
      application,
      uuid: request.uuid,
      device_type: request.deviceType,
      os_version: request.osVersion,
      os_variant: request.osVariant,
      supervisor_version: request.supervisorVersion,
      mac_address: request.macAddress,
    }),
    'Registering the device',
  );
  const created = JSON.parse(text) as { id: number; uuid: string; api_key: string };
  return { id: created.id, uuid: created.uuid, apiKey: created.api_key };
}

/** The device API of one registered device. */
export class DeviceApiClient {
  /**
   * Creates a client.
   * @param apiUrl the API base URL
   * @param credentials the device's uuid and API key
   * @throws never
   * @example
   * const client = new DeviceApiClient(apiUrl, { id, uuid, apiKey });
   */
  constructor(
    readonly apiUrl: string,
    readonly credentials: Pick<DeviceCredentials, 'uuid' | 'apiKey'>,
  ) {}

  /**
   * Reads the device's own row (fleet uuid and device id).
   * @throws DeviceApiError when the key cannot read its device
   * @example
   * const { id, fleetUuid } = await client.readSelf();
   */
  async readSelf(): Promise<{ id: number; fleetUuid: string | undefined }> {
    const path =
      `/v7/device?$select=id&$filter=uuid%20eq%20'${this.credentials.uuid}'` +
      `&$expand=belongs_to__application($select=uuid)`;
    const text = await expectOk(await this.#call('GET', path), 'Reading the device');
    const [row] = (
      JSON.parse(text) as {
        d: Array<{ id: number; belongs_to__application: Array<{ uuid: string }> }>;
      }
    ).d;
    if (row == null) throw new DeviceApiError(404, '', 'Reading the device');
    return { id: row.id, fleetUuid: row.belongs_to__application[0]?.uuid };
  }

  /**
   * Fetches the v3 target state (a heartbeat for the API).
   * @throws DeviceApiError on any non-2xx answer
   * @example
   * const state = await client.getTargetState();
   */
  async getTargetState(): Promise<Record<string, unknown>> {
    const text = await expectOk(
      await this.#call('GET', `/device/v3/${this.credentials.uuid}/state`),
      'Fetching the target state',
    );
    return JSON.parse(text) as Record<string, unknown>;
  }

  /**
   * Sends a state report (`PATCH /device/v3/state`).
   * @param report the report of this device (wrapped under its uuid here)
   * @throws DeviceApiError on any non-2xx answer
   * @example
   * await client.reportState({ status: 'Idle' });
   */
  async reportState(report: Record<string, unknown>): Promise<void> {
    await expectOk(
      await this.#call('PATCH', '/device/v3/state', { [this.credentials.uuid]: report }),
      'Reporting the state',
    );
  }

  /**
   * Announces where the device's supervisor API listens (the local stand-in for the VPN).
   * @param tunnel the loopback address, the secret relayed calls carry, and the poll interval
   * @throws DeviceApiError on any non-2xx answer
   * @example
   * await client.connectTunnel({ address: 'http://127.0.0.1:4000', secret, pollIntervalMs: 1000 });
   */
  async connectTunnel(tunnel: {
    address: string;
    secret: string;
    pollIntervalMs: number;
  }): Promise<void> {
    await expectOk(
      await this.#call('PUT', `/local/v1/devices/${this.credentials.uuid}/tunnel`, tunnel),
      'Connecting the tunnel',
    );
  }

  /**
   * Tells the API the device is going away (VPN disconnected, heartbeat offline).
   * @throws DeviceApiError on any non-2xx answer
   * @example
   * await client.disconnectTunnel();
   */
  async disconnectTunnel(): Promise<void> {
    await expectOk(
      await this.#call('DELETE', `/local/v1/devices/${this.credentials.uuid}/tunnel`),
      'Disconnecting the tunnel',
    );
  }

  /**
   * Sends log lines (`POST /device/v2/:uuid/logs`, at most 10 per call).
   * @param logs the log lines
   * @returns the HTTP status the API answered
   * @throws when the API cannot be reached
   * @example
   * await client.sendLogs([{ message: 'hello', timestamp: Date.now() }]);
   */
  async sendLogs(logs: unknown[]): Promise<number> {
    const response = await this.#call('POST', `/device/v2/${this.credentials.uuid}/logs`, logs);
    await response.text();
    return response.status;
  }

  async #call(method: string, path: string, body?: unknown): Promise<Response> {
    return await call(this.apiUrl, method, path, this.credentials.apiKey, body);
  }
}
