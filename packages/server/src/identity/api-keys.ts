// Creating API keys: a random key is returned once to the caller; only its sha256 digest is stored.
import { permissions, sbvrUtils } from '@balena/pinejs';
import { getRoleId } from '../permissions/index.js';
import { generateApiKey, hashApiKey } from './api-key-secret.js';
import type { Tx } from './db.js';
import { RouteError } from './http.js';

/** The validated common fields of a key-creation body. */
export interface ApiKeyFields {
  name: string | null;
  description: string | null;
  expiryDate: Date | null;
}

function optionalText(value: unknown, field: string, max: number): string | null {
  if (value == null || value === '') return null;
  if (typeof value !== 'string') throw new RouteError(400);
  if (value.length > max)
    throw new RouteError(400, `The API key ${field} must be at most ${max} characters long`);
  return value;
}

/**
 * Validates `name`, `description` and `expiryDate` of a key-creation body (api-spec §2.2).
 * @param body the request body
 * @param expiryRequired whether `expiryDate` must be present (`/api-key/v2` requires it, null allowed)
 * @throws RouteError 400 for wrong types, over-long texts, or an unparsable / missing expiry date
 * @example
 * const fields = parseApiKeyFields(bodyOf(req), true);
 */
export function parseApiKeyFields(
  body: Record<string, unknown>,
  expiryRequired: boolean,
): ApiKeyFields {
  const name = optionalText(body.name, 'name', 50);
  const description = optionalText(body.description, 'description', 150);
  const { expiryDate } = body;
  if (expiryDate === undefined && expiryRequired)
    throw new RouteError(400, 'Key expiry date should be a valid date');
  if (expiryDate == null) return { name, description, expiryDate: null };
  const parsed =
    typeof expiryDate === 'string' || typeof expiryDate === 'number'
      ? new Date(expiryDate)
      : undefined;
  if (parsed == null || Number.isNaN(parsed.getTime()))
    throw new RouteError(400, 'Key expiry date should be a valid date');
  return { name, description, expiryDate: parsed };
}

/**
 * Creates an API key for an actor with one role and returns the plain key (stored hashed).
 * @param tx the open transaction
 * @param actor the owning actor id (user, application or device actor)
 * @param role the role name, e.g. `provisioning-api-key`
 * @param fields name, description and expiry
 * @param requestedKey a caller-chosen key (device registration), else a random 32-character key
 * @throws RouteError 409 `"key" must be unique.` when the requested key already exists
 * @example
 * const key = await createApiKey(tx, app.actor, 'provisioning-api-key', fields);
 */
export async function createApiKey(
  tx: Tx,
  actor: number,
  role: string,
  fields: ApiKeyFields,
  requestedKey?: string,
): Promise<string> {
  const key = requestedKey ?? generateApiKey();
  const hash = hashApiKey(key);
  const api = sbvrUtils.api.Auth.clone({ passthrough: { req: permissions.root, tx } });
  const existing = await tx.executeSql(`SELECT 1 FROM "api key" WHERE "key" = $1`, [hash]);
  if (existing.rows.length > 0) throw new RouteError(409, '"key" must be unique.');
  const created = (await api.post({
    resource: 'api_key',
    body: {
      key: hash,
      is_of__actor: actor,
      name: fields.name,
      description: fields.description,
      expiry_date: fields.expiryDate,
    },
    options: { returnResource: false },
  })) as { id: number };
  await api.post({
    resource: 'api_key__has__role',
    body: { api_key: created.id, role: await getRoleId(tx, role) },
    options: { returnResource: false },
  });
  return key;
}
