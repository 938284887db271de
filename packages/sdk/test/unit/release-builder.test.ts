// release.createFromUrl against a loopback builder: the request it sends, and the builder answers it maps.
import { afterEach, describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';
import { reply, startServer, type TestServer } from './helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A loopback API + builder: the fleet lookup, then the builder answer given. */
async function sdkWithBuilder(status: number, builderBody: unknown) {
  server = await startServer((req, res) => {
    if (req.url.startsWith('/v7/application(5)')) {
      reply(res, 200, { d: [{ app_name: 'myFleet', organization: [{ handle: 'my_org' }] }] });
    } else if (req.url.startsWith('/builder/v3/buildFromUrl')) {
      reply(res, status, builderBody);
    } else {
      reply(res, 404, '');
    }
  });
  return getSdk({ apiUrl: server.url, builderUrl: `${server.url}builder`, dataDirectory: false });
}

describe('release.createFromUrl', () => {
  it('posts the tarball URL with shouldFlatten defaulting to true, owner and app in the query', async () => {
    const sdk = await sdkWithBuilder(200, { started: true, releaseId: 42 });
    expect(await sdk.models.release.createFromUrl(5, { url: 'https://example.com/a.tar' })).toBe(
      42,
    );
    const build = server!.requests.find((r) => r.url.startsWith('/builder/'));
    expect(build?.method).toBe('POST');
    expect(build?.url).toBe('/builder/v3/buildFromUrl?headless=true&owner=my_org&app=myFleet');
    expect(JSON.parse(build?.body ?? '')).toEqual({
      url: 'https://example.com/a.tar',
      shouldFlatten: true,
    });
  });

  it('keeps an explicit shouldFlatten: false', async () => {
    const sdk = await sdkWithBuilder(200, { started: true, releaseId: 7 });
    await sdk.models.release.createFromUrl(5, {
      url: 'https://example.com/a.tar',
      shouldFlatten: false,
    });
    const build = server!.requests.find((r) => r.url.startsWith('/builder/'));
    expect(JSON.parse(build?.body ?? '').shouldFlatten).toBe(false);
  });

  it('throws a BalenaError with the message when the builder did not start', async () => {
    const sdk = await sdkWithBuilder(200, { started: false, message: 'Project type unsupported' });
    await expect(
      sdk.models.release.createFromUrl(5, { url: 'https://example.com/a.tar' }),
    ).rejects.toMatchObject({
      code: 'BalenaError',
      message: 'Project type unsupported',
    });
  });

  it("replaces a request error's message with the builder's own", async () => {
    const sdk = await sdkWithBuilder(500, {
      started: false,
      error: 'Internal',
      message: 'Builder is busy',
    });
    await expect(
      sdk.models.release.createFromUrl(5, { url: 'https://example.com/a.tar' }),
    ).rejects.toMatchObject({
      code: 'BalenaRequestError',
      statusCode: 500,
      message: 'Builder is busy',
    });
  });
});
