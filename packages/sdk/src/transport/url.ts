import type { PreparedRequest } from './types.js';

/**
 * Tells whether a URL string carries its own scheme and host.
 *
 * @param url - the URL to test.
 * @returns true for `https://host/...`-style URLs.
 * @example
 * isAbsoluteUrl('/v7/device'); // false
 */
export function isAbsoluteUrl(url: string): boolean {
  return /^[a-z][a-z\d+\-.]*:\/\//i.test(url);
}

// The `qs` package's default (RFC 3986) encoding: like encodeURIComponent plus !'()*.
function encodeQueryPart(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function appendQueryPairs(pairs: string[], key: string, value: unknown): void {
  if (value === undefined) {
    return;
  }
  if (value === null) {
    pairs.push(`${encodeQueryPart(key)}=`);
  } else if (value instanceof Date) {
    pairs.push(`${encodeQueryPart(key)}=${encodeQueryPart(value.toISOString())}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => appendQueryPairs(pairs, `${key}[${index}]`, item));
  } else if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      appendQueryPairs(pairs, `${key}[${name}]`, item);
    }
  } else {
    pairs.push(`${encodeQueryPart(key)}=${encodeQueryPart(String(value))}`);
  }
}

/**
 * Serialises query parameters the way the `qs` package does by default (used by balena-request):
 * nested objects as `a[b]=c`, arrays as `a[0]=x`, `null` as `a=`, `undefined` skipped.
 *
 * @param query - the parameters.
 * @returns the query string without a leading `?`.
 * @example
 * stringifyQuery({ count: 10, stream: 1 }); // 'count=10&stream=1'
 */
export function stringifyQuery(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    appendQueryPairs(pairs, key, value);
  }
  return pairs.join('&');
}

/**
 * Resolves the URL a request goes to: `url` against `baseUrl` (when relative), plus `qs`.
 *
 * @param request - a prepared request.
 * @returns the absolute URL.
 * @throws {TypeError} when the URL is relative and there is no `baseUrl`.
 * @example
 * resolveRequestUrl({ url: '/ping', baseUrl: 'https://api.x/', ... }); // 'https://api.x/ping'
 */
export function resolveRequestUrl(
  request: Pick<PreparedRequest, 'url' | 'baseUrl' | 'qs'>,
): string {
  let url = request.url;
  if (!isAbsoluteUrl(url)) {
    if (request.baseUrl == null) {
      throw new TypeError(`Cannot resolve the relative URL ${url} without a baseUrl`);
    }
    url = new URL(url, request.baseUrl).href;
  }
  if (request.qs != null) {
    const query = stringifyQuery(request.qs);
    if (query !== '') {
      url += (url.includes('?') ? '&' : '?') + query;
    }
  }
  return url;
}

/**
 * Tells whether a URL points at the API (starts with `apiUrl`).
 *
 * @param url - an absolute URL.
 * @param apiUrl - the SDK's API URL.
 * @returns true when the URL is on the API host and under its path.
 * @example
 * isApiUrl('https://api.x/v7/device', 'https://api.x/'); // true
 */
export function isApiUrl(url: string, apiUrl: string): boolean {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  return url.startsWith(base) || url === base.slice(0, -1);
}
