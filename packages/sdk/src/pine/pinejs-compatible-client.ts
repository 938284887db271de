/**
 * `sdk.pine`: the pine client plus the members pinejs-client-core's client has beyond the query
 * methods (`retry`, `callWithRetry`, `canRetryDefaultHandler`, `transformGetResult`), with
 * pine-level retries of every request. A separate factory, so that modular clients built with
 * `createPineClient` alone do not carry the retry code.
 */
import { createPineClient } from './client.js';
import type { PineClient } from './client-interface.js';
import type { PinejsCompatibleClient, PinejsCompatibleClientConfig } from './client-internals.js';
import type { PineTransport } from './client-types.js';
import type { AnyModel, ModelShape } from './query-types.js';
import { transformGetResult, type PineSend } from './request.js';
import { callWithRetry, canRetryDefaultHandler } from './retry.js';

/**
 * Creates a pine client with pinejs-client-core's retry members and per-request retries.
 *
 * Requests are sent once unless the client's `retry` setting or a call's `retry` parameter asks
 * for retries, as in pinejs-client-core (whose default is no retries).
 *
 * @param config - as for `createPineClient`, plus the client-wide `retry` setting.
 * @returns the client.
 * @throws {TypeError} when `apiUrl` is not a valid URL.
 * @example
 * const pine = createPinejsCompatibleClient<BalenaModel>({ apiUrl, apiVersion: 'v7', transport });
 * const devices = await pine.get({ resource: 'device', retry: { minDelayMs: 200, maxDelayMs: 2000, maxAttempts: 3 } });
 */
export function createPinejsCompatibleClient<Model extends ModelShape<Model> = AnyModel>(
  config: PinejsCompatibleClientConfig,
): PinejsCompatibleClient<Model> {
  const client = createPineClient<Model>(config, addRetryMembers);
  const compatible = client as unknown as PinejsCompatibleClient<Model>;
  compatible.retry = config.retry ?? false;
  return compatible;
}

/** The extension behind `createPinejsCompatibleClient`; it also runs for every clone. */
function addRetryMembers(core: PineClient<AnyModel>, transport: PineTransport): PineSend {
  const client = core as unknown as PinejsCompatibleClient<AnyModel>;
  const cloneCore = core.clone;
  client.retry = false;
  client.callWithRetry = (fnCall, retry, requestOptions) =>
    callWithRetry(fnCall, client.retry, retry, requestOptions?.signal);
  client.canRetryDefaultHandler = canRetryDefaultHandler;
  client.transformGetResult = transformGetResult as PinejsCompatibleClient['transformGetResult'];
  client.clone = (params, backendParams) => {
    const clone = cloneCore(params, backendParams) as unknown as PinejsCompatibleClient<AnyModel>;
    clone.retry = (typeof params === 'string' ? undefined : params?.retry) ?? client.retry;
    return clone;
  };
  return (request, params) =>
    callWithRetry(() => transport(request), client.retry, params.retry, request.signal);
}
