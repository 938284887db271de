/** Query parameters whose values are credentials and must never be shown. */
export const SECRET_QUERY_PARAMS: readonly string[] = [
  'apikey',
  'api_key',
  'token',
  '_token',
  'access_token',
];

/** Request headers whose values are credentials and must never be shown. */
export const SECRET_HEADERS: readonly string[] = ['authorization', 'cookie', 'x-api-key'];

/** Longest error text kept from a response body; longer bodies are cut to an excerpt. */
export const MAX_ERROR_TEXT_LENGTH = 300;

const REDACTED = '<redacted>';
const JWT_PATTERN = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;

/**
 * Replaces anything that looks like a JWT in a text with a placeholder.
 *
 * @param text - any text that may end up in an error message or log line.
 * @returns the text with JWT-shaped substrings replaced.
 * @example
 * redactText('token eyJhbGciOi.eyJpZCI6MX0.sig'); // 'token <redacted>'
 */
export function redactText(text: string): string {
  return text.replace(JWT_PATTERN, REDACTED);
}

/**
 * Returns a URL with credential query parameters and user-info passwords replaced.
 *
 * @param url - an absolute or relative URL.
 * @returns the same URL, safe to show in an error message.
 * @example
 * redactUrl('https://api.x/v7/device?apikey=abc'); // 'https://api.x/v7/device?apikey=<redacted>'
 */
export function redactUrl(url: string): string {
  const redacted = url.replace(
    /([?&])([^=&#]+)=([^&#]*)/g,
    (match, separator: string, name: string) => {
      let decodedName = name;
      try {
        decodedName = decodeURIComponent(name);
      } catch {
        // Keep the raw name when it is not valid percent-encoding.
      }
      return SECRET_QUERY_PARAMS.includes(decodedName.toLowerCase())
        ? `${separator}${name}=${REDACTED}`
        : match;
    },
  );
  return redactText(redacted.replace(/\/\/([^/@:]*):[^/@]*@/, `//$1:${REDACTED}@`));
}

/**
 * Returns a copy of a header record without credential headers.
 *
 * @param headers - request headers as a plain record.
 * @returns a new record in which credential values are replaced.
 * @example
 * redactHeaders({ Authorization: 'Bearer x' }); // { Authorization: '<redacted>' }
 */
export function redactHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    copy[name] = SECRET_HEADERS.includes(name.toLowerCase()) ? REDACTED : value;
  }
  return copy;
}

/**
 * Turns a raw response text into a short, readable excerpt: HTML pages lose their markup and
 * long texts are cut.
 *
 * @param text - the response body as text.
 * @returns at most {@link MAX_ERROR_TEXT_LENGTH} characters of plain text.
 * @example
 * toErrorExcerpt('<html><body><pre>Cannot POST /x</pre></body></html>'); // 'Cannot POST /x'
 */
export function toErrorExcerpt(text: string): string {
  let plain = text;
  if (/^\s*</.test(text) && /<\/?[a-z][\s\S]*>/i.test(text)) {
    plain = text
      .replace(/<(head|script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  plain = redactText(plain.replace(/\s+/g, ' ').trim());
  return plain.length > MAX_ERROR_TEXT_LENGTH
    ? `${plain.slice(0, MAX_ERROR_TEXT_LENGTH - 1)}…`
    : plain;
}
