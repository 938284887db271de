// An editable list of name/value pairs: device environment variables and device tags share it.
import { h, render, showError } from '../dom.js';

/** How the panel reads and writes its pairs. */
export interface KeyValueSource {
  title: string;
  keyLabel: string;
  list(): Promise<Array<{ key: string; value: string }>>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * Builds a panel listing the pairs with inline edit and remove, and a form to add one.
 *
 * @param source - the reads and writes.
 * @returns the panel; it loads itself.
 * @example
 * app.append(keyValuePanel({ title: 'Tags', keyLabel: 'Tag', list, set, remove }));
 */
export function keyValuePanel(source: KeyValueSource): HTMLElement {
  const body = h('tbody');
  const message = h('div');
  const panel = h(
    'section',
    { class: 'card kv', 'data-panel': source.title },
    h('h2', {}, source.title),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, source.keyLabel), h('th', {}, 'Value'), h('th'))),
      body,
    ),
    addForm(),
    message,
  );

  async function run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
      render(message);
      await load();
    } catch (error) {
      showError(message, error);
    }
  }

  function row(key: string, value: string): HTMLElement {
    const input = h('input', { value, 'aria-label': `${key} value` });
    return h(
      'tr',
      { 'data-key': key },
      h('td', { class: 'mono' }, key),
      h('td', {}, input),
      h(
        'td',
        { class: 'actions' },
        h(
          'button',
          { class: 'ghost', onclick: () => void run(() => source.set(key, input.value)) },
          'Save',
        ),
        h(
          'button',
          { class: 'ghost danger', onclick: () => void run(() => source.remove(key)) },
          'Remove',
        ),
      ),
    );
  }

  function addForm(): HTMLElement {
    const key = h('input', { name: 'key', placeholder: source.keyLabel, required: true });
    const value = h('input', { name: 'value', placeholder: 'Value' });
    return h(
      'form',
      {
        class: 'row add',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void run(async () => {
            await source.set(key.value, value.value);
            key.value = '';
            value.value = '';
          });
        },
      },
      key,
      value,
      h('button', { class: 'primary', type: 'submit' }, 'Add'),
    );
  }

  async function load(): Promise<void> {
    const pairs = await source.list();
    render(
      body,
      ...(pairs.length > 0
        ? pairs.map((pair) => row(pair.key, pair.value))
        : [h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'None yet.'))]),
    );
  }

  void load().catch((error: unknown) => showError(message, error));
  return panel;
}
