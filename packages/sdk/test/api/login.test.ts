// The first end-to-end check: our SDK against the real local API.
import { describe, expect, inject, it } from 'vitest';
import { createTestUser } from 'balena-local-api/testing';
import { getSdk } from '../../src/index.js';

describe('our SDK against the local API', () => {
  it('logs in with email and password, and knows who it is', async () => {
    const apiUrl = inject('apiUrl');
    const user = await createTestUser(apiUrl);
    const sdk = getSdk({ apiUrl, dataDirectory: false });
    await sdk.auth.login({ email: user.email, password: user.password });
    expect(await sdk.auth.isLoggedIn()).toBe(true);
    const info = await sdk.auth.getUserInfo();
    expect(info).toMatchObject({ id: user.id, email: user.email, username: user.username });
    const orgs = await sdk.pine.get({ resource: 'organization', options: { $select: ['handle'] } });
    expect(orgs.map((org) => org.handle)).toContain(user.username);
  });
});
