// Bad input to the OData API is answered with a 4xx and a readable message, never a 500 or a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, sbvrUtils } from '@balena/pinejs';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { createUser } from '../src/identity/index.js';
import { odata, request } from './support/odata-client.js';

let server: TestServer;
let apiUrl: string;
let token: string;
let organizationId: number;
let deviceTypeId: number;

beforeAll(async () => {
  server = await startTestServer();
  apiUrl = server.apiUrl;
  token = (
    await createUser({
      email: 'bad-input@example.com',
      password: 'bad-input-1',
      username: 'bad_input',
    })
  ).token;
  const [organization] = (await sbvrUtils.api.v7.get({
    resource: 'organization',
    options: { $select: 'id', $filter: { handle: 'bad_input' } },
    passthrough: { req: permissions.root },
  })) as Array<{ id: number }>;
  organizationId = organization.id;
  const [deviceType] = (await sbvrUtils.api.v7.get({
    resource: 'device_type',
    options: { $select: 'id', $filter: { slug: 'intel-nuc' } },
    passthrough: { req: permissions.root },
  })) as Array<{ id: number }>;
  deviceTypeId = deviceType.id;
});

afterAll(async () => {
  await server?.close();
});

describe('malformed queries', () => {
  it('rejects a truncated $filter with "Malformed url"', async () => {
    const reply = await request(apiUrl, 'GET', odata('/v7/device_type?$filter=slug eq'));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatch(/^Malformed url/);
  });

  it.each([
    ['an unknown field in $filter', '/v7/device_type?$filter=no_such_field eq 1'],
    ['an unknown field in $select', '/v7/device_type?$select=no_such_field'],
    ['an unknown navigation in $expand', '/v7/device_type?$expand=no_such_navigation'],
    ['an unknown field in $orderby', '/v7/device_type?$orderby=no_such_field asc'],
  ])('answers 400 with a message for %s', async (_label, path) => {
    const reply = await request(apiUrl, 'GET', odata(path));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatch(/unknown field or navigation/);
  });

  it.each([
    [
      'a text literal for an integer field',
      "/v7/device_type?$filter=id eq 'abc'",
      /invalid input syntax for type integer/,
    ],
    ['an id above 2^31-1', '/v7/device_type(99999999999)', /out of range/],
    ['a string function on a number', "/v7/device_type?$filter=contains(id,'1')", /Invalid query/],
  ])('answers 400 for %s', async (_label, path, message) => {
    const reply = await request(apiUrl, 'GET', odata(path));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatch(message);
  });

  it('answers an unknown resource with a 4xx, not a 500', async () => {
    const reply = await request(apiUrl, 'GET', '/v7/no_such_resource', { token });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
  });

  it('answers an unknown route with 404', async () => {
    const reply = await request(apiUrl, 'GET', '/no/such/route');
    expect(reply.status).toBe(404);
  });
});

describe('malformed bodies', () => {
  it('rejects a body that is not JSON', async () => {
    const reply = await request(apiUrl, 'POST', '/v7/application', {
      token,
      rawBody: '{"app_name": ',
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatch(/not valid JSON/);
  });

  it('rejects an oversized body with 413', async () => {
    const reply = await request(apiUrl, 'POST', '/v7/application', {
      token,
      body: { note: 'x'.repeat(600 * 1024) },
    });
    expect(reply.status).toBe(413);
  });

  it('rejects a wrongly typed field', async () => {
    const reply = await request(apiUrl, 'POST', '/v7/application', {
      token,
      body: {
        app_name: 'typed-fleet',
        organization: 'not-a-number',
        is_for__device_type: deviceTypeId,
      },
    });
    expect(reply.status).toBe(400);
  });

  it('rejects an invalid date', async () => {
    const reply = await request(apiUrl, 'POST', '/v7/application', {
      token,
      body: {
        app_name: 'dated-fleet',
        organization: organizationId,
        is_for__device_type: deviceTypeId,
        is_accessible_by_support_until__date: 'not a date',
      },
    });
    // pinejs answers this validation failure with an empty body.
    expect(reply.status).toBe(400);
  });

  it('rejects a missing required field with "cannot be null"', async () => {
    const reply = await request(apiUrl, 'POST', '/v7/application', {
      token,
      body: { app_name: 'headless-fleet', organization: organizationId },
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatch(/"is_for__device_type" cannot be null/);
  });

  it('rejects an empty PATCH with "No fields to update"', async () => {
    const reply = await request(
      apiUrl,
      'PATCH',
      `/v7/application?$filter=organization%20eq%20${organizationId}`,
      { token, body: {} },
    );
    expect(reply.status).toBe(400);
    expect(reply.json).toBe('No fields to update');
  });

  it('keeps serving after all of the above', async () => {
    const reply = await request(apiUrl, 'GET', '/ping');
    expect(reply).toMatchObject({ status: 200, text: 'OK' });
  });
});

describe('secret columns', () => {
  it('never returns password hashes, JWT secrets or API key values', async () => {
    const users = await request(apiUrl, 'GET', '/v7/user', { token });
    expect(users.status).toBe(200);
    const [me] = (users.json as { d: Array<Record<string, unknown>> }).d;
    expect(me).toHaveProperty('username');
    expect(me).not.toHaveProperty('password');
    expect(me).not.toHaveProperty('jwt_secret');
    const selected = await request(apiUrl, 'GET', '/v7/user?$select=password', { token });
    expect(selected.status).toBe(400);
    const keys = await request(apiUrl, 'GET', '/v7/api_key?$select=key', { token });
    expect(keys.status).toBe(400);
  });
});
