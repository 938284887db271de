import type { PreparedRequest, ResponseFormat } from './types.js';
import { BalenaInvalidParameterError } from '../errors/index.js';

/** An encoded request body and the Content-Type it needs (if the SDK must set one). */
export interface EncodedBody {
  body: BodyInit | undefined;
  contentType: string | undefined;
  /** True when the body is a stream: it can be sent once only and needs `duplex: 'half'`. */
  isStream: boolean;
}

/**
 * Tells whether a value is a web `ReadableStream` (or something with the same reader API).
 *
 * @param value - any value.
 * @returns true when the value has a `getReader` function.
 * @example
 * isReadableStream(new Blob(['x']).stream()); // true
 */
export function isReadableStream(value: unknown): value is ReadableStream {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getReader?: unknown }).getReader === 'function'
  );
}

function isRawBody(value: unknown): value is BodyInit {
  return (
    (typeof FormData !== 'undefined' && value instanceof FormData) ||
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof URLSearchParams ||
    isReadableStream(value)
  );
}

function isNamedFile(value: unknown): value is Blob & { name: string } {
  return (
    typeof Blob !== 'undefined' &&
    value instanceof Blob &&
    typeof (value as { name?: unknown }).name === 'string'
  );
}

/**
 * Encodes a request body: raw bodies (FormData, Blob, bytes, streams) pass through; an object
 * holding named files becomes multipart form data; anything else is JSON unless `json` is false.
 *
 * @param request - the prepared request.
 * @returns the body to hand to `fetch`.
 * @example
 * encodeRequestBody({ ...request, body: { name: 'x' } }); // JSON text, application/json
 */
export function encodeRequestBody(request: Pick<PreparedRequest, 'body' | 'json'>): EncodedBody {
  const { body } = request;
  if (body === undefined || body === null) {
    return { body: undefined, contentType: undefined, isStream: false };
  }
  if (isRawBody(body)) {
    return { body, contentType: undefined, isStream: isReadableStream(body) };
  }
  if (typeof body === 'object' && Object.values(body).some(isNamedFile)) {
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) {
      if (isNamedFile(value)) {
        form.append(name, value, value.name);
      } else if (value !== undefined) {
        form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
      }
    }
    return { body: form, contentType: undefined, isStream: false };
  }
  if (request.json) {
    return { body: JSON.stringify(body), contentType: 'application/json', isStream: false };
  }
  return { body: String(body), contentType: undefined, isStream: false };
}

/**
 * Tells whether a request body can be sent again (needed before any retry).
 *
 * @param body - the request's `body` option.
 * @returns false for streams, which are consumed by the first attempt.
 * @example
 * isReplayableBody({ a: 1 }); // true
 */
export function isReplayableBody(body: unknown): boolean {
  return !isReadableStream(body);
}

/**
 * Decodes a response body by `responseFormat`, or by Content-Type when none is given:
 * JSON for `application/json`, a Blob for octet streams, text otherwise.
 *
 * @param response - the fetch response.
 * @param format - the requested format.
 * @returns the decoded body.
 * @throws {BalenaInvalidParameterError} for an unknown format.
 * @example
 * const body = await decodeResponseBody(response, undefined);
 */
export async function decodeResponseBody(
  response: Response,
  format: ResponseFormat | undefined,
): Promise<unknown> {
  if (format === 'none') {
    await response.body?.cancel();
    return null;
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (
    format === 'blob' ||
    (format == null && /(binary|application)\/octet-stream/.test(contentType))
  ) {
    return response.blob();
  }
  if (format != null && format !== 'json' && format !== 'text') {
    throw new BalenaInvalidParameterError('responseFormat', format);
  }
  const text = await response.text();
  if (format === 'json' || (format == null && contentType.includes('json'))) {
    if (text === '') {
      return null;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      // A declared JSON body that does not parse is kept as text for error messages.
      if (response.status >= 400 || format == null) {
        return text;
      }
      throw error;
    }
  }
  return text;
}
