// models.key (SSH public keys) against the real local API.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSdk } from '../../src/index.js';
import { loginNewUser, type LoggedInUser } from './helpers.js';

let alice: LoggedInUser;
let bob: LoggedInUser;

const MISSING_ID = 999_999_999;
const invalid = { code: 'BalenaInvalidParameterError' };
const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ7mT0e0vL9rYqGk8k7pX2G0gq3m4b0k2mZ6nH8xYzAb';

beforeAll(async () => {
  [alice, bob] = await Promise.all([loginNewUser(), loginNewUser()]);
});

describe('key.create / getAll / get / remove', () => {
  it('adds a trimmed key for the caller, lists and reads it, then removes it', async () => {
    const { key } = alice.sdk.models;
    const created = await key.create('laptop', `  ${PUBLIC_KEY}\n`);
    expect(created).toMatchObject({
      title: 'laptop',
      public_key: PUBLIC_KEY,
      user: { __id: alice.user.id },
    });
    expect(await key.getAll({ $select: ['id', 'title'] })).toEqual([
      { id: created.id, title: 'laptop' },
    ]);
    expect(await key.get(created.id, { $select: 'public_key' })).toEqual({
      public_key: PUBLIC_KEY,
    });
    expect(await bob.sdk.models.key.getAll()).toEqual([]);
    await key.remove(created.id);
    await expect(key.get(created.id)).rejects.toMatchObject({ code: 'BalenaKeyNotFound' });
  });

  it('pages through and counts the keys of the caller only', async () => {
    const carol = await loginNewUser();
    const { key } = carol.sdk.models;
    expect(await key.countAll()).toBe(0);
    const created = await key.create('tablet', PUBLIC_KEY);
    const titles: string[] = [];
    for await (const row of key.iterateAll({ $select: 'title' }, { pageSize: 1 })) {
      titles.push(row.title);
    }
    expect(titles).toEqual(['tablet']);
    expect(await key.countAll()).toBe(1);
    expect(await key.countAll({ $filter: { title: 'other' } })).toBe(0);
    expect(await bob.sdk.models.key.countAll({ $filter: { id: created.id } })).toBe(0);
  });

  it('raises BalenaKeyNotFound for a missing or foreign key, which removing leaves alone', async () => {
    const created = await alice.sdk.models.key.create('desktop', PUBLIC_KEY);
    await expect(bob.sdk.models.key.get(created.id)).rejects.toMatchObject({
      code: 'BalenaKeyNotFound',
    });
    await expect(alice.sdk.models.key.get(MISSING_ID)).rejects.toMatchObject({
      code: 'BalenaKeyNotFound',
    });
    await bob.sdk.models.key.remove(created.id);
    expect((await alice.sdk.models.key.get(created.id)).title).toBe('desktop');
  });

  it('rejects invalid input before any request, and needs a logged-in user', async () => {
    const { key } = alice.sdk.models;
    await expect(key.get('1' as unknown as number)).rejects.toMatchObject(invalid);
    await expect(key.remove(0)).rejects.toMatchObject(invalid);
    await expect(key.create('', PUBLIC_KEY)).rejects.toMatchObject(invalid);
    await expect(key.create('blank', '   ')).rejects.toMatchObject(invalid);
    const anonymous = getSdk({ apiUrl: alice.apiUrl, dataDirectory: false });
    await expect(anonymous.models.key.create('x', PUBLIC_KEY)).rejects.toMatchObject({
      code: 'BalenaNotLoggedIn',
    });
  });
});
