// The fixture shared by the business-rule tests (rules-*.test.ts): one server per test file, one logged-in user with
// their organization, the `raspberrypi3` device type, and helpers to call the API and create fleets and releases.
//
// The state is exported as live bindings (`token`, `orgId`, ...): they are set by the `beforeAll` that
// `useRulesApi()` registers, so test bodies read them as plain names.
import { afterAll, beforeAll } from 'vitest';
import { createUser } from '../../src/identity/index.js';
import { startTestServer, type TestServer } from '../../src/testing/index.js';
import { request, type Reply } from './odata-client.js';

let server: TestServer | undefined;
let api: string;
/** The test user's session token. */
export let token: string;
/** The test user's organization id. */
export let orgId: number;
/** The test user's organization handle. */
export let handle: string;
/** The id of the `raspberrypi3` device type. */
export let deviceTypeId: number;

/**
 * Starts a server before the file's tests (and closes it after) with one user, `rules@example.com`.
 * @throws never; the registered hooks fail the file when the server does not start
 * @example
 * useRulesApi();
 * it('...', async () => expect((await newApp('fleet')).status).toBe(201));
 */
export function useRulesApi(): void {
  beforeAll(async () => {
    server = await startTestServer();
    api = server.apiUrl;
    token = (await createUser({ email: 'rules@example.com', password: 'a-long-password' })).token;
    const org = rows(await call('GET', '/v7/organization?$select=id,handle', token))[0];
    orgId = org.id as number;
    handle = org.handle as string;
    deviceTypeId = rows(
      await call('GET', "/v7/device_type?$select=id&$filter=slug%20eq%20'raspberrypi3'"),
    )[0].id as number;
  }, 90_000);
  afterAll(async () => {
    await server?.close();
  });
}

/**
 * Sends one request to the test server.
 * @param method the HTTP method
 * @param path the path and query, already encoded
 * @param bearer an optional bearer token
 * @param body an optional JSON body
 * @example
 * const reply = await call('GET', '/v7/application', token);
 */
export const call = (
  method: string,
  path: string,
  bearer?: string,
  body?: unknown,
): Promise<Reply> => request(api, method, path, { token: bearer, body });

/**
 * The rows of an OData collection reply.
 * @param reply the reply of a GET
 * @example
 * const [app] = rows(await call('GET', '/v7/application?$select=id', token));
 */
export const rows = (reply: Reply) => (reply.json as { d: Array<Record<string, unknown>> }).d;

/**
 * The id of the row a POST created.
 * @param reply the reply of a POST
 * @example
 * const appId = idOf(await newApp('fleet'));
 */
export const idOf = (reply: Reply) => (reply.json as { id: number }).id;

/**
 * Creates a fleet of the test organization on `raspberrypi3`.
 * @param appName the fleet name
 * @param extra more fields of the POST body
 * @example
 * const appId = idOf(await newApp('fleet', { is_host: true }));
 */
export async function newApp(appName: string, extra: Record<string, unknown> = {}): Promise<Reply> {
  return await call('POST', '/v7/application', token, {
    app_name: appName,
    organization: orgId,
    is_for__device_type: deviceTypeId,
    ...extra,
  });
}

/**
 * Creates a `raspberrypi3` device in a fleet.
 * @param app the fleet id
 * @param extra more fields of the POST body
 * @example
 * const deviceId = idOf(await newDevice(appId, { device_name: 'edge' }));
 */
export async function newDevice(app: number, extra: Record<string, unknown> = {}): Promise<Reply> {
  return await call('POST', '/v7/device', token, {
    belongs_to__application: app,
    is_of__device_type: deviceTypeId,
    ...extra,
  });
}

/**
 * Creates a successful cloud release of a fleet with a random commit.
 * @param app the fleet id
 * @param extra more fields of the POST body (they win)
 * @example
 * const releaseId = idOf(await newRelease(appId, { status: 'running' }));
 */
export async function newRelease(app: number, extra: Record<string, unknown> = {}): Promise<Reply> {
  return await call('POST', '/v7/release', token, {
    belongs_to__application: app,
    commit: `c${Math.random().toString(16).slice(2)}`,
    composition: {},
    status: 'success',
    source: 'cloud',
    start_timestamp: new Date().toISOString(),
    ...extra,
  });
}
