// Authentication for the local API: actor resolution (Bearer JWT / API key), the non-OData identity routes,
// and user creation for seeding and tests.
import express, { type Application } from 'express';
import { ensurePermissionData } from '../permissions/index.js';
import { actorResolutionMiddleware } from './actor-resolution.js';
import { inTransaction, type Tx } from './db.js';
import { installApiKeyRoutes } from './routes-api-keys.js';
import { installDeviceRegisterRoute } from './routes-device-register.js';
import { installSessionRoutes } from './routes-session.js';
import { installTotpRoutes } from './routes-totp.js';
import { installUserProfileRoutes } from './routes-user-profile.js';
import { resetSecretStoreCache } from './secret-store.js';
import { issueSessionToken } from './sessions.js';
import { resetSigningSecretCache } from './signing-secret.js';
import { insertUser, type NewUser } from './users.js';

export { UserConflictError } from './users.js';
export { issueEmailVerificationToken } from './email-verification.js';
export type { NewUser } from './users.js';

/**
 * Installs actor resolution (Bearer JWT / API key / `?apikey=`) and the identity routes (/login_, whoami,
 * refresh-token, register, TOTP, API keys, device registration). Call before pinejs mounts its routes.
 * @param app the express application (body parsers already installed)
 * @throws never
 * @example
 * installIdentity(app);
 * await pine.init(app, config, dbOptions);
 */
export function installIdentity(app: Application): void {
  resetSigningSecretCache();
  resetSecretStoreCache();
  app.use(actorResolutionMiddleware);
  const router = express.Router();
  installSessionRoutes(router);
  installTotpRoutes(router);
  installApiKeyRoutes(router);
  installDeviceRegisterRoute(router);
  installUserProfileRoutes(router);
  app.use(router);
}

/**
 * Creates or updates the roles, permissions and guest permissions the identity layer relies on. Idempotent.
 * @param tx the open transaction
 * @throws Error when the guest user is missing
 * @example
 * await pine.sbvrUtils.db.transaction((tx) => ensureIdentityData(tx));
 */
export async function ensureIdentityData(tx: Tx): Promise<void> {
  await ensurePermissionData(tx);
}

/** A user created by {@link createUser}, with a fresh session token. */
export interface CreatedUser {
  id: number;
  actor: number;
  username: string;
  email: string;
  token: string;
}

/**
 * Creates a user as signup does (actor, scrypt password, `default-user` role, personal organization with the user as
 * administrator) and returns it with a fresh session token. For seeding and tests.
 * @param input e-mail, password and optional username
 * @param options tx: the open transaction to use (otherwise one is opened)
 * @throws UserConflictError when the e-mail or username is taken
 * @example
 * const { token } = await createUser({ email: 'jane@example.com', password: 'secret123' });
 */
export async function createUser(input: NewUser, options: { tx?: Tx } = {}): Promise<CreatedUser> {
  const run = async (tx: Tx): Promise<CreatedUser> => {
    const user = await insertUser(tx, input);
    const token = await issueSessionToken(tx, user, { authTime: Date.now() });
    return { id: user.id, actor: user.actor, username: user.username, email: input.email, token };
  };
  return options.tx != null ? await run(options.tx) : await inTransaction(run);
}
