// Runtime smoke suite of the built SDK, written for plain Node (no test runner) so it runs on every supported Node
// version, including those the test runner no longer supports. Exit code 0 when every check passes.
// Usage: node packages/sdk/test/reliability/runtime-smoke.mjs   (after `npm run build -w balena-sdk`)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromPackage = createRequire(path.join(packageDir, 'package.json'));

function base64url(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
const now = () => Math.floor(Date.now() / 1000);
const jwt = (claims) => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2ln`;

async function startApi() {
  const seen = [];
  let failuresLeft = 0;
  const freshToken = jwt({ id: 1, iat: now(), exp: now() + 86_400 });
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url.startsWith('/user/v1/refresh-token')) return reply(200, freshToken);
    if (req.url.startsWith('/v7/flaky') && failuresLeft-- > 0) return reply(503, 'busy');
    if (req.url.startsWith('/v7/missing')) return reply(404, 'Not found');
    return reply(200, { d: [{ id: 1, app_name: 'smoke' }] });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    seen,
    freshToken,
    failNext: (count) => (failuresLeft = count),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

let api;

async function exercise(sdkModule, label) {
  const { getSdk, BalenaRequestError } = sdkModule;
  const sdk = getSdk({
    apiUrl: api.url,
    dataDirectory: false,
    retryTransientErrors: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  });
  assert.deepEqual(await sdk.pine.get({ resource: 'application', options: { $select: 'id' } }), [
    { id: 1, app_name: 'smoke' },
  ]);
  assert.match(api.seen.at(-1).url, /^\/v7\/application\?\$select=id$/);
  api.failNext(2);
  const before = api.seen.length;
  assert.equal((await sdk.pine.get({ resource: 'flaky' })).length, 1, `${label}: retried 503s`);
  assert.equal(api.seen.length - before, 3);
  const error = await sdk.pine.get({ resource: 'missing' }).catch((e) => e);
  assert.ok(error instanceof BalenaRequestError, `${label}: a 404 is a BalenaRequestError`);
  assert.equal(error.statusCode, 404);
  assert.equal(error.code, 'BalenaRequestError');
  // A day-old JWT is refreshed once for concurrent calls.
  await sdk.auth.loginWithToken(jwt({ id: 1, iat: now() - 90_000, exp: now() + 3_600 }));
  const refreshesBefore = api.seen.filter((r) => r.url.startsWith('/user/v1/refresh')).length;
  await Promise.all(Array.from({ length: 20 }, () => sdk.pine.get({ resource: 'device' })));
  const refreshes = api.seen.filter((r) => r.url.startsWith('/user/v1/refresh')).length;
  assert.equal(refreshes - refreshesBefore, 1, `${label}: one refresh`);
  assert.equal(await sdk.auth.getToken(), api.freshToken);
  const streamed = await sdk.request.stream({ url: '/v7/device', baseUrl: api.url });
  let text = '';
  const reader = streamed.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read())
    text += Buffer.from(part.value).toString();
  assert.match(text, /"smoke"/);
}

check(
  'the ESM build (import) talks to an API: pine, retry, typed errors, JWT refresh, streams',
  async () => {
    await exercise(await import(path.join(packageDir, 'dist/node/index.mjs')), 'ESM');
  },
);

check('the CJS build (require("balena-sdk")) does the same', async () => {
  assert.equal(
    requireFromPackage.resolve('balena-sdk'),
    path.join(packageDir, 'dist/node/index.cjs'),
  );
  await exercise(requireFromPackage('balena-sdk'), 'CJS');
});

check('the UMD bundle loads in a bare context and exposes getSdk', async () => {
  const code = await readFile(path.join(packageDir, 'dist/balena-browser.min.js'), 'utf8');
  const sandbox = {
    ReadableStream,
    fetch,
    Headers,
    Request,
    Response,
    AbortController,
    TextDecoder,
  };
  sandbox.globalThis = sandbox;
  sandbox.self = sandbox;
  vm.runInNewContext(code, sandbox, { filename: 'balena-browser.min.js' });
  const umd = sandbox.balenaSdk ?? sandbox.BalenaSdk;
  assert.ok(umd, 'a global balenaSdk');
  assert.equal(typeof umd.getSdk, 'function');
});

api = await startApi();
let failed = 0;
for (const { name, fn } of checks) {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String(error?.stack ?? error).replaceAll('\n', '\n  ')}`);
  }
}
await api.close();
console.log(`# Node ${process.version}: ${checks.length - failed}/${checks.length} passed`);
process.exitCode = failed === 0 ? 0 : 1;
