// A tiny element builder: enough DOM for the dashboard without a framework.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

/**
 * Creates an element with attributes (`on<event>` keys become listeners) and children.
 *
 * @param tag - the tag name.
 * @param attributes - attributes, `class`, `dataset`-style `data-*` and `onclick`-style listeners.
 * @param children - nodes or text; `null`, `undefined` and `false` are skipped.
 * @returns the element.
 * @example
 * h('button', { class: 'primary', onclick: () => save() }, 'Save');
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * Replaces the children of a container.
 *
 * @param container - the element to fill.
 * @param children - its new children.
 * @example
 * render(app, h('p', {}, 'Loading…'));
 */
export function render(container: Element, ...children: Child[]): void {
  container.replaceChildren(
    ...children
      .filter((c): c is Node | string => c !== null && c !== undefined && c !== false)
      .map((c) => (c instanceof Node ? c : String(c))),
  );
}

/**
 * Formats a date for tables ("2 min ago" for the last hour, else a short date and time).
 *
 * @param value - a date or ISO string, or nothing.
 * @returns the text, `—` without a date.
 * @example
 * relativeTime(device.last_connectivity_event);
 */
export function relativeTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A status pill coloured by the device's `overall_status`.
 *
 * @param status - the status text.
 * @returns the pill element.
 * @example
 * statusPill('idle');
 */
export function statusPill(status: string | null | undefined): HTMLElement {
  const text = status ?? 'unknown';
  return h('span', { class: `pill status-${text.replace(/[^a-z-]/gi, '')}` }, text);
}

/**
 * Shows an error message in a container.
 *
 * @param container - where to show it.
 * @param error - what went wrong.
 * @example
 * showError(panel, error);
 */
export function showError(container: Element, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  render(container, h('p', { class: 'error', role: 'alert' }, message));
}
