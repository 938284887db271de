/**
 * Creating a fleet's provisioning key (`POST /api-key/v2/`), shared by
 * `application.generateProvisioningKey` and `device.register`.
 */
import type { PineRequestOptions } from '../pine/index.js';
import type { BalenaRequest } from '../transport/transport.js';

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
