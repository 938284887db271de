import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sbvrUtils } from '@balena/pinejs';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { createUser, issueEmailVerificationToken } from '../src/identity/index.js';
import { setPassword, findUserById } from '../src/identity/users.js';
import { totpCode, decodeBase32 } from '../src/identity/totp.js';
import { getSigningSecret, resetSigningSecretCache } from '../src/identity/signing-secret.js';
import { request, type Reply } from './support/odata-client.js';

let server: TestServer;
let api: string;

const call = (method: string, path: string, token?: string, body?: unknown): Promise<Reply> =>
  request(api, method, path, { token, body });

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

beforeAll(async () => {
  server = await startTestServer();
  api = server.apiUrl;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('POST /login_', () => {
  it('answers a signed session JWT as text for e-mail or username, case-insensitively', async () => {
    const user = await createUser({ email: 'Login.Case@example.com', password: 'password-one' });
    const byEmail = await call('POST', '/login_', undefined, {
      username: 'login.case@EXAMPLE.com',
      password: 'password-one',
    });
    expect(byEmail.status).toBe(200);
    expect(byEmail.headers.get('content-type')).toMatch(/^text\/plain/);
    const claims = claimsOf(byEmail.text);
    expect(claims.id).toBe(user.id);
    expect(typeof claims.jwt_secret).toBe('string');
    expect(claims).not.toHaveProperty('twoFactorRequired');
    expect(Math.abs(Number(claims.authTime) - Date.now())).toBeLessThan(60_000);
    const byUsername = await call('POST', '/login_', undefined, {
      username: user.username,
      password: 'password-one',
    });
    expect(byUsername.status).toBe(200);
  });

  it('answers 401 with an empty body for every failure', async () => {
    await createUser({ email: 'login.fail@example.com', password: 'password-two' });
    for (const body of [
      { username: 'login.fail@example.com', password: 'wrong' },
      { username: 'nobody@example.com', password: 'password-two' },
      { username: 'login.fail@example.com' },
      {},
      { username: 'guest', password: ' ' },
    ]) {
      const reply = await call('POST', '/login_', undefined, body);
      expect(reply.status).toBe(401);
      expect(reply.text).toBe('');
    }
  });

  it('rate-limits brute force per username with 429 and Retry-After', async () => {
    await createUser({ email: 'brute@example.com', password: 'password-three' });
    for (let i = 0; i < 10; i++) {
      expect(
        (
          await call('POST', '/login_', undefined, {
            username: 'brute@example.com',
            password: `x${i}`,
          })
        ).status,
      ).toBe(401);
    }
    const blocked = await call('POST', '/login_', undefined, {
      username: 'brute@example.com',
      password: 'password-three',
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(3000);
  });
});

describe('whoami', () => {
  it('describes a user session on /actor/v1/whoami and /user/v1/whoami', async () => {
    const user = await createUser({ email: 'who@example.com', password: 'password-four' });
    const actor = await call('GET', '/actor/v1/whoami', user.token);
    expect(actor.status).toBe(200);
    expect(actor.json).toEqual({
      id: user.actor,
      actorType: 'user',
      actorTypeId: user.id,
      username: user.username,
      email: 'who@example.com',
    });
    const legacy = await call('GET', '/user/v1/whoami', user.token);
    expect(legacy.json).toEqual({ id: user.id, username: user.username, email: 'who@example.com' });
  });

  it('answers 401 without credentials, with a bad signature, or an unknown key', async () => {
    const user = await createUser({ email: 'who2@example.com', password: 'password-five' });
    const [header, payload] = user.token.split('.');
    expect((await call('GET', '/actor/v1/whoami')).status).toBe(401);
    expect((await call('GET', '/actor/v1/whoami', `${header}.${payload}.AAAA`)).status).toBe(401);
    expect((await call('GET', '/actor/v1/whoami', 'NotARealKeyNotARealKeyNotARealK1')).status).toBe(
      401,
    );
    expect((await call('GET', '/user/v1/whoami')).status).toBe(401);
  });

  it('revokes every session token when the password changes (jwt_secret rotation)', async () => {
    const user = await createUser({ email: 'rotate@example.com', password: 'password-six' });
    expect((await call('GET', '/actor/v1/whoami', user.token)).status).toBe(200);
    await sbvrUtils.db.transaction((tx) => setPassword(tx, user.id, 'password-seven'));
    expect((await call('GET', '/actor/v1/whoami', user.token)).status).toBe(401);
    expect((await call('GET', '/v7/organization', user.token)).status).toBe(401);
    const login = await call('POST', '/login_', undefined, {
      username: 'rotate@example.com',
      password: 'password-seven',
    });
    expect(login.status).toBe(200);
  });
});

describe('/user/v1/refresh-token', () => {
  it('issues a new token with the same claims and a fresh iat, on GET and POST', async () => {
    const user = await createUser({ email: 'refresh@example.com', password: 'password-eight' });
    const old = claimsOf(user.token);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const refreshed = await call('GET', '/user/v1/refresh-token', user.token);
    expect(refreshed.status).toBe(200);
    const claims = claimsOf(refreshed.text);
    expect(claims.id).toBe(user.id);
    expect(claims.authTime).toBe(old.authTime);
    expect(Number(claims.iat)).toBeGreaterThan(Number(old.iat));
    expect((await call('POST', '/user/v1/refresh-token', user.token, {})).status).toBe(200);
  });

  it('resets authTime with the right password and refuses a wrong one', async () => {
    const user = await createUser({ email: 'refresh2@example.com', password: 'password-nine' });
    const ok = await call('POST', '/user/v1/refresh-token', user.token, {
      password: 'password-nine',
    });
    expect(ok.status).toBe(200);
    expect(Number(claimsOf(ok.text).authTime)).toBeGreaterThanOrEqual(
      Number(claimsOf(user.token).authTime),
    );
    expect(
      (await call('POST', '/user/v1/refresh-token', user.token, { password: 'nope' })).status,
    ).toBe(401);
  });

  it('refuses API keys and anonymous callers', async () => {
    const user = await createUser({ email: 'refresh3@example.com', password: 'password-ten' });
    const key = await call('POST', '/api-key/user/full', user.token, {
      name: 'k',
      expiryDate: null,
    });
    expect(key.status).toBe(200);
    expect((await call('GET', '/user/v1/refresh-token', key.json as string)).status).toBe(401);
    expect((await call('GET', '/user/v1/refresh-token')).status).toBe(401);
  });
});

describe('POST /user/register', () => {
  it('creates the user with a personal organization and answers a session token', async () => {
    const reply = await call('POST', '/user/register', undefined, {
      email: 'new.person@example.com',
      password: 'long-password',
    });
    expect(reply.status).toBe(201);
    const token = reply.text;
    const orgs = await call('GET', '/v7/organization?$select=handle,name', token);
    expect(orgs.json).toEqual({ d: [{ handle: 'new_person', name: 'new_person' }] });
  });

  it('rejects invalid and taken e-mails with the real texts', async () => {
    expect(
      (
        await call('POST', '/user/register', undefined, {
          email: 'nope',
          password: 'long-password',
        })
      ).text,
    ).toBe('Invalid email');
    await call('POST', '/user/register', undefined, {
      email: 'taken@example.com',
      password: 'long-password',
    });
    const again = await call('POST', '/user/register', undefined, {
      email: 'TAKEN@example.com',
      password: 'long-password',
    });
    expect(again.status).toBe(409);
    expect(again.text).toBe('This email is already taken');
    expect(
      (
        await call('POST', '/user/register', undefined, {
          email: 'short@example.com',
          password: 'x',
        })
      ).status,
    ).toBe(400);
  });
});

describe('POST /user/v1/verify-email', () => {
  it('exchanges a valid token once for a session token', async () => {
    const user = await createUser({ email: 'verify@example.com', password: 'password-verify' });
    const token = await sbvrUtils.db.transaction((tx) => issueEmailVerificationToken(tx, user.id));
    const wrong = await call('POST', '/user/v1/verify-email', undefined, {
      verificationToken: 'x',
      email: 'verify@example.com',
    });
    expect(wrong.status).toBe(401);
    const ok = await call('POST', '/user/v1/verify-email', undefined, {
      verificationToken: token,
      email: 'verify@example.com',
    });
    expect(ok.status).toBe(200);
    expect(claimsOf(ok.text).id).toBe(user.id);
    const again = await call('POST', '/user/v1/verify-email', undefined, {
      verificationToken: token,
      email: 'verify@example.com',
    });
    expect(again.status).toBe(401);
    expect((await call('POST', '/user/v1/verify-email', undefined, {})).status).toBe(400);
  });
});

describe('requesting a verification e-mail', () => {
  it('accepts PATCH user(<own id>) {has_been_sent_verification_email} and refuses other writes', async () => {
    const user = await createUser({ email: 'reverify@example.com', password: 'password-reverify' });
    const other = await createUser({
      email: 'reverify2@example.com',
      password: 'password-reverify',
    });
    const body = { has_been_sent_verification_email: true };
    expect((await call('PATCH', `/v7/user(${user.id})`, user.token, body)).status).toBe(200);
    expect((await call('PATCH', `/v7/user(${other.id})`, user.token, body)).status).not.toBe(200);
    expect(
      (await call('PATCH', `/v7/user(${user.id})`, user.token, { username: 'renamed' })).status,
    ).toBe(401);
  });

  it('refuses blacklisted usernames at signup', async () => {
    const reply = await call('POST', '/user/register', undefined, {
      email: 'admin-wannabe@example.com',
      password: 'long-password',
      username: 'Admin',
    });
    expect(reply.status).toBe(409);
    expect(reply.text).toBe('This username is blacklisted');
  });
});

describe('JWT signing secret', () => {
  it('is persisted in the database, so tokens outlive the in-memory cache (a restart)', async () => {
    const user = await createUser({ email: 'persist@example.com', password: 'password-persist' });
    const before = await sbvrUtils.db.transaction((tx) => getSigningSecret(tx));
    resetSigningSecretCache();
    const after = await sbvrUtils.db.transaction((tx) => getSigningSecret(tx));
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    expect((await call('GET', '/actor/v1/whoami', user.token)).status).toBe(200);
  });

  it('comes from JWT_SECRET when set', async () => {
    const user = await createUser({ email: 'envsecret@example.com', password: 'password-env' });
    process.env.JWT_SECRET = 'a-secret-from-the-environment';
    resetSigningSecretCache();
    try {
      const secret = await sbvrUtils.db.transaction((tx) => getSigningSecret(tx));
      expect(new TextDecoder().decode(secret)).toBe('a-secret-from-the-environment');
      expect((await call('GET', '/actor/v1/whoami', user.token)).status).toBe(401);
    } finally {
      delete process.env.JWT_SECRET;
      resetSigningSecretCache();
    }
    expect((await call('GET', '/actor/v1/whoami', user.token)).status).toBe(200);
  });
});

describe('stored credentials', () => {
  it('stores passwords as scrypt hashes and API keys as sha256 digests only', async () => {
    const user = await createUser({ email: 'stored@example.com', password: 'plain-password-123' });
    const record = await sbvrUtils.db.readTransaction((tx) => findUserById(tx, user.id));
    expect(record?.password).toMatch(/^\$s\$[A-Za-z0-9_-]{16}\$[A-Za-z0-9_-]{40}$/);
    expect(record?.password).not.toContain('plain-password-123');
    const key = (
      await call('POST', '/api-key/user/full', user.token, { name: 'stored', expiryDate: null })
    ).json as string;
    const { rows } = await sbvrUtils.db.executeSql(
      `SELECT "key" FROM "api key" WHERE "key" LIKE 'sha256:%' OR "key" = $1`,
      [key],
    );
    expect(rows.map((row) => row.key)).not.toContain(key);
    const listed = await call('GET', '/v7/api_key', user.token);
    expect(JSON.stringify(listed.json)).not.toContain('sha256:');
    expect((await call('GET', '/v7/user?$select=password', user.token)).status).toBe(400);
    const users = (await call('GET', '/v7/user', user.token)).json as {
      d: Array<Record<string, unknown>>;
    };
    expect(users.d.length).toBeGreaterThan(0);
    for (const row of users.d) {
      expect(row).not.toHaveProperty('password');
      expect(row).not.toHaveProperty('jwt_secret');
    }
  });
});

describe('two-factor authentication (TOTP)', () => {
  it('enables, challenges, and disables 2FA through the token claim', async () => {
    const user = await createUser({ email: 'totp@example.com', password: 'password-totp' });
    const setup = await call('GET', '/auth/totp/setup', user.token);
    expect(setup.status).toBe(200);
    const secret = setup.text;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const code = () => totpCode(decodeBase32(secret), Date.now() / 1000);
    expect(
      (
        await call('POST', '/auth/totp/verify', user.token, {
          code: '000000' === code() ? '111111' : '000000',
        })
      ).status,
    ).toBe(401);
    const enabled = await call('POST', '/auth/totp/verify', user.token, { code: code() });
    expect(enabled.status).toBe(200);
    expect(claimsOf(enabled.text).twoFactorRequired).toBe(false);

    const login = await call('POST', '/login_', undefined, {
      username: 'totp@example.com',
      password: 'password-totp',
    });
    const partial = login.text;
    expect(claimsOf(partial).twoFactorRequired).toBe(true);
    expect((await call('GET', '/actor/v1/whoami', partial)).status).toBe(401);
    expect((await call('GET', '/v7/organization', partial)).status).toBe(401);
    expect((await call('GET', '/user/v1/refresh-token', partial)).status).toBe(200);
    const passed = await call('POST', '/auth/totp/verify', partial, { code: code() });
    expect(passed.status).toBe(200);
    expect(claimsOf(passed.text).twoFactorRequired).toBe(false);
    expect((await call('GET', '/actor/v1/whoami', passed.text)).status).toBe(200);

    expect(
      (await call('POST', '/auth/totp/disable', passed.text, { password: 'wrong' })).status,
    ).toBe(401);
    const disabled = await call('POST', '/auth/totp/disable', passed.text, {
      password: 'password-totp',
    });
    expect(disabled.status).toBe(200);
    expect(claimsOf(disabled.text)).not.toHaveProperty('twoFactorRequired');
    const plain = await call('POST', '/login_', undefined, {
      username: 'totp@example.com',
      password: 'password-totp',
    });
    expect(claimsOf(plain.text)).not.toHaveProperty('twoFactorRequired');
  });

  it('needs a user session for setup', async () => {
    expect((await call('GET', '/auth/totp/setup')).status).toBe(401);
  });
});
