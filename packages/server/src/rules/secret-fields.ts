// Keeps credential material out of OData: password hashes, per-user JWT secrets and API key digests are never
// returned, and may not be used in queries (a `$filter` on them would let a caller probe the values).
import { errors, hooks, permissions } from '@balena/pinejs';
import { API_ROOT, type HookArgs } from './hook-utils.js';

/** Fields that never leave the server, by the resource that holds them. */
const SECRET_FIELDS: Record<string, readonly string[]> = {
  user: ['password', 'jwt_secret'],
  api_key: ['key'],
};
const ALL_SECRET_NAMES = new Set(Object.values(SECRET_FIELDS).flat());
const QUERY_PATTERN = /(?:^|[^A-Za-z0-9_])(password|jwt_secret)(?:$|[^A-Za-z0-9_])/;
const API_KEY_QUERY_PATTERN = /(?:^|[^A-Za-z0-9_])key(?:$|[^A-Za-z0-9_])/;

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
 * Tells whether a request URL refers to a secret field (in `$select`, `$filter`, `$orderby`, ...).
 * @param url the request URL (decoded or not)
 * @param resourceName the resource the request addresses
 * @throws never
 * @example
 * mentionsSecretField("/v7/user?$filter=startswith(password,'a')", 'user'); // true
 */
export function mentionsSecretField(url: string, resourceName: string): boolean {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Keep the raw URL: pinejs rejects malformed encodings itself.
  }
  const query = decoded.includes('?') ? decoded.slice(decoded.indexOf('?')) : '';
  if (QUERY_PATTERN.test(query)) return true;
  return resourceName === 'api_key' && API_KEY_QUERY_PATTERN.test(query);
}

/**
 * Registers the hooks that scrub secret fields from every v7 GET and refuse queries that mention them.
 * @throws never
 * @example
 * registerSecretFieldRules();
 */
export function registerSecretFieldRules(): void {
  hooks.addPureHook('GET', API_ROOT, 'all', {
    POSTPARSE: ({ req, request }) => {
      if (!isRoot(req) && mentionsSecretField(req.url, request.resourceName)) {
        throw new errors.BadRequestError('Secret fields cannot be queried');
      }
    },
    PRERESPOND: ({ req, response }) => {
      if (!isRoot(req)) scrubSecrets(response.body);
    },
  });
}
