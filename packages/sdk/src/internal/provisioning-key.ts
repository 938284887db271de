/**
 * Creating a fleet's provisioning key (`POST /api-key/v2/`), shared by
 * `application.generateProvisioningKey` and `device.register`, and the short-lived keys
 * `device.register` reuses across registrations.
 */
import type { PineRequestOptions } from '../pine/index.js';
import type { BalenaRequest } from '../transport/transport.js';
import { raceWithSignal } from './abort.js';
import { AUTH_KEY_CHANGE_EVENT } from './cache.js';
import type { PubSub } from './pubsub.js';

/** How long the keys `device.register` creates stay valid. */
export const REGISTRATION_KEY_LIFETIME_MS = 10 * 60 * 1000;

/** How long such a key is reused: half its life, so no registration meets a key about to expire. */
export const REGISTRATION_KEY_REUSE_MS = REGISTRATION_KEY_LIFETIME_MS / 2;

/** What the new key is called and when it expires. */
export interface ProvisioningKeyDetails {
  /** ISO date when the key expires, or null for a key that never expires. */
  keyExpiryDate: string | null;
  keyName?: string;
  keyDescription?: string;
}

/**
 * Creates a provisioning key for a fleet whose id is known.
 *
 * @param request - the SDK's transport.
 * @param applicationId - the fleet id.
 * @param details - expiry, name and description of the key.
 * @param callOptions - `signal`, `headers`, `timeout`.
 * @returns the key.
 * @throws {BalenaRequestError} when the API refuses the key (e.g. no access to the fleet).
 * @example
 * const key = await createProvisioningKey(ctx.request, 12, { keyExpiryDate: null });
 */
export async function createProvisioningKey(
  request: BalenaRequest,
  applicationId: number,
  details: ProvisioningKeyDetails,
  callOptions?: PineRequestOptions,
): Promise<string> {
  const { body } = await request.send<string>(
    {
      method: 'POST',
      url: '/api-key/v2/',
      body: {
        actorType: 'application',
        actorTypeId: applicationId,
        roles: ['provisioning-api-key'],
        name: details.keyName,
        description: details.keyDescription,
        expiryDate: details.keyExpiryDate,
      },
    },
    callOptions,
  );
  return body;
}

/** Short-lived provisioning keys for registrations, one per fleet at a time. */
export interface RegistrationKeys {
  /** A valid key for the fleet: the current one, or a new one when there is none or it is old. */
  get(applicationId: number, callOptions?: PineRequestOptions): Promise<string>;
  /** Stops reusing `key` (the API refused it: revoked, or the fleet changed hands). */
  discard(applicationId: number, key: string): void;
}

/**
 * Creates the registration keys of one SDK instance. Registering many devices then creates one
 * key per fleet every few minutes instead of one key per device. Keys are forgotten when the
 * credentials change, so a key is only ever used by the user who created it.
 *
 * @param request - the SDK's transport.
 * @param pubsub - the SDK's event bus (credential changes).
 * @returns the key source.
 * @throws {Error} never.
 * @example
 * const keys = createRegistrationKeys(ctx.request, ctx.pubsub);
 * const key = await keys.get(fleet.id);
 */
export function createRegistrationKeys(request: BalenaRequest, pubsub: PubSub): RegistrationKeys {
  const current = new Map<
    number,
    { key: Promise<string>; createdAt: number; value?: string | undefined }
  >();
  pubsub.subscribe(AUTH_KEY_CHANGE_EVENT, () => current.clear());

  const create = (applicationId: number, callOptions?: PineRequestOptions) => {
    const createdAt = Date.now();
    // Shared by concurrent registrations: one caller's abort must not fail the others.
    const key = createProvisioningKey(
      request,
      applicationId,
      {
        keyExpiryDate: new Date(createdAt + REGISTRATION_KEY_LIFETIME_MS).toISOString(),
        keyDescription: 'Created by SDK to register a device',
      },
      { headers: callOptions?.headers, timeout: callOptions?.timeout },
    );
    const entry: { key: Promise<string>; createdAt: number; value?: string } = { key, createdAt };
    current.set(applicationId, entry);
    key.then(
      (value) => {
        entry.value = value;
      },
      () => {
        if (current.get(applicationId) === entry) current.delete(applicationId);
      },
    );
    return key;
  };

  return {
    get(applicationId, callOptions) {
      const entry = current.get(applicationId);
      const fresh = entry !== undefined && Date.now() - entry.createdAt < REGISTRATION_KEY_REUSE_MS;
      const key = fresh ? entry.key : create(applicationId, callOptions);
      return raceWithSignal(key, callOptions?.signal);
    },
    discard(applicationId, key) {
      if (current.get(applicationId)?.value === key) current.delete(applicationId);
    },
  };
}
