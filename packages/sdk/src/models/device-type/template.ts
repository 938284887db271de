/**
 * The small part of Handlebars that device-type contract partials use: `{{path}}` (HTML-escaped),
 * `{{{path}}}` (raw), `{{#each path}}…{{this}}…{{/each}}`, `{{#if path}}…{{/if}}` and helper
 * calls `{{helper path}}`. Paths are dotted, with `.[n]` for array items.
 */

/** A helper callable from a template: `{{name arg}}`. */
export type TemplateHelper = (value: unknown) => string;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c] ?? c);
}

function lookup(context: unknown, thisValue: unknown, path: string): unknown {
  if (path === 'this' || path === '.') return thisValue;
  const segments = path
    .replace(/^this\./, '')
    .split('.')
    .map((segment) => segment.replace(/^\[(.*)\]$/, '$1'));
  let value: unknown = path.startsWith('this.') ? thisValue : context;
  for (const segment of segments) {
    if (value == null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function toText(value: unknown): string {
  if (value == null || value === false) return '';
  if (typeof value === 'string') return value;
  // Handlebars prints arrays the way JavaScript joins them.
  if (Array.isArray(value)) return value.map(toText).join(',');
  return typeof value === 'object' ? '[object Object]' : String(value);
}

function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

const BLOCK = /\{\{#(each|if)\s+([^}\s]+)\s*\}\}([\s\S]*?)\{\{\/\1\}\}/;

/**
 * Renders a template against a context.
 *
 * @param template - the template text.
 * @param context - the data paths resolve against.
 * @param helpers - named helpers usable as `{{name path}}`.
 * @param thisValue - what `this` means (inside `#each`).
 * @returns the rendered text.
 * @throws {Error} never; unknown paths render as empty text.
 * @example
 * renderTemplate('Hello {{user.name}}', { user: { name: 'Ann' } }); // 'Hello Ann'
 */
export function renderTemplate(
  template: string,
  context: unknown,
  helpers: Record<string, TemplateHelper> = {},
  thisValue: unknown = context,
): string {
  let rest = template;
  let output = '';
  for (let block = BLOCK.exec(rest); block !== null; block = BLOCK.exec(rest)) {
    const [whole, kind, path, body] = block;
    output += renderTags(rest.slice(0, block.index), context, helpers, thisValue);
    const value = lookup(context, thisValue, path ?? '');
    if (kind === 'each') {
      const items = Array.isArray(value) ? value : [];
      output += items.map((item) => renderTemplate(body ?? '', context, helpers, item)).join('');
    } else if (isTruthy(value)) {
      output += renderTemplate(body ?? '', context, helpers, thisValue);
    }
    rest = rest.slice(block.index + whole.length);
  }
  return output + renderTags(rest, context, helpers, thisValue);
}

function renderTags(
  text: string,
  context: unknown,
  helpers: Record<string, TemplateHelper>,
  thisValue: unknown,
): string {
  return text.replace(
    /\{\{(\{?)\s*([^{}]+?)\s*\}?\}\}/g,
    (_whole, raw: string, expression: string) => {
      const [first = '', argument] = expression.split(/\s+/, 2);
      const helper = argument === undefined ? undefined : helpers[first];
      const value =
        helper === undefined
          ? lookup(context, thisValue, first)
          : helper(lookup(context, thisValue, argument ?? ''));
      const rendered = toText(value);
      return raw === '{' ? rendered : escapeHtml(rendered);
    },
  );
}
