// Tiny HTTP helpers for the server's own tests: raw requests with status, text and parsed JSON.

export interface Reply {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
}

/**
 * Sends one request to the API and returns its status, text and (when parseable) JSON body.
 * @param apiUrl the server base URL.
 * @param method the HTTP method.
 * @param path the path and query, already encoded.
 * @param options a bearer token and a JSON body (or raw string body).
 * @example
 * const { status, json } = await request(apiUrl, 'GET', "/v7/device_type?$select=slug");
 */
export async function request(
  apiUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.rawBody;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(apiUrl + path, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

/**
 * GETs an OData collection and returns its `d` array, failing loudly on any other status.
 * @param apiUrl the server base URL.
 * @param path the path and query, already encoded.
 * @param token an optional bearer token.
 * @throws when the status is not 200.
 * @example
 * const types = await getRows(apiUrl, '/v7/device_type?$select=slug');
 */
export async function getRows<T = Record<string, unknown>>(
  apiUrl: string,
  path: string,
  token?: string,
): Promise<T[]> {
  const reply = await request(apiUrl, 'GET', path, { token });
  if (reply.status !== 200) throw new Error(`GET ${path} → ${reply.status} ${reply.text}`);
  return (reply.json as { d: T[] }).d;
}

/** Writes an OData URL readably: spaces become %20 (a literal `+` or space is a malformed URL for pinejs). */
export function odata(path: string): string {
  return path.replace(/ /g, '%20');
}
