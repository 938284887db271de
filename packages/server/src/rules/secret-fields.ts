// Defence in depth for credential material: the model keeps password hashes, per-user JWT secrets and API key
// digests out of v7 (so they cannot be selected or filtered), and this hook strips them from any GET response that
// might still carry them (e.g. through a future model change).
import { hooks, permissions } from '@balena/pinejs';
import { API_ROOT, type HookArgs } from './hook-utils.js';

/** Fields that never leave the server, by the resource that holds them. */
const SECRET_FIELDS: Record<string, readonly string[]> = {
  user: ['password', 'jwt_secret'],
  api_key: ['key'],
};
const ALL_SECRET_NAMES = new Set(Object.values(SECRET_FIELDS).flat());

function isRoot(req: HookArgs['req']): boolean {
  return req.user === permissions.root.user || req.user === permissions.rootRead.user;
}

/**
 * Removes secret fields from a response body in place, at any depth (expanded users and keys included).
 * @param value the response body or part of it
 * @throws never
 * @example
 * scrubSecrets({ d: [{ id: 1, password: 'x' }] }); // { d: [{ id: 1 }] }
 */
export function scrubSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) scrubSecrets(item);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      // `key` is only secret on api_key rows, which are the only rows carrying `is_of__actor`.
      if (ALL_SECRET_NAMES.has(key) && (key !== 'key' || 'is_of__actor' in record))
        delete record[key];
      else scrubSecrets(record[key]);
    }
  }
  return value;
}

/**
 * Registers the hook that scrubs secret fields from every v7 GET response.
 * @throws never
 * @example
 * registerSecretFieldRules();
 */
export function registerSecretFieldRules(): void {
  hooks.addPureHook('GET', API_ROOT, 'all', {
    PRERESPOND: ({ req, response }) => {
      if (!isRoot(req)) scrubSecrets(response.body);
    },
  });
}
