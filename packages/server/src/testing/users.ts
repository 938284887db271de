// Creating users on a running local API over HTTP, so any test process can do it.

/** What a test needs to act as a user. */
export interface TestUser {
  /** User id (`user.id`). */
  id: number;
  /** Actor id (`user.actor`), what API keys and permissions hang off. */
  actorId: number;
  username: string;
  email: string;
  password: string;
  /** A fresh session JWT, ready for `Authorization: Bearer`. */
  token: string;
}

/** Fields of a new test user; everything has a unique default. */
export interface NewTestUser {
  email?: string;
  password?: string;
  username?: string;
}

let userCounter = 0;

function uniqueSuffix(): string {
  userCounter += 1;
  return `${process.pid}${Date.now().toString(36)}${userCounter}`;
}

/**
 * Registers a new user (with its personal organization) through `POST /user/register` and logs it in.
 * @param apiUrl the server's base URL.
 * @param input optional e-mail, password and username; unique ones are generated when omitted.
 * @throws when registration or the whoami call fails (status and body in the message).
 * @example
 * const alice = await createTestUser(apiUrl, { username: 'alice' });
 * await fetch(`${apiUrl}/v7/application`, { headers: { Authorization: `Bearer ${alice.token}` } });
 */
export async function createTestUser(apiUrl: string, input: NewTestUser = {}): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const username = input.username ?? `user_${suffix}`;
  const email = input.email ?? `${username}@example.com`;
  const password = input.password ?? `pw-${suffix}-Secret!`;
  const registered = await fetch(`${apiUrl}/user/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, username }),
  });
  const token = await registered.text();
  if (!registered.ok) throw new Error(`Registering ${email} failed: ${registered.status} ${token}`);
  const whoami = await fetch(`${apiUrl}/actor/v1/whoami`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!whoami.ok)
    throw new Error(`whoami for ${email} failed: ${whoami.status} ${await whoami.text()}`);
  const actor = (await whoami.json()) as { id: number; actorTypeId: number; username: string };
  return {
    id: actor.actorTypeId,
    actorId: actor.id,
    username: actor.username,
    email,
    password,
    token,
  };
}
