// Live device logs: the last lines, then new ones as they arrive.
import type { LogMessage } from 'balena-sdk';
import { h, render, showError } from '../dom.js';
import { sdk } from '../sdk.js';

const MAX_LINES = 500;

/**
 * Builds the live logs panel and subscribes.
 *
 * @param uuid - the device uuid.
 * @param onLeave - registers the unsubscribe for when the page changes.
 * @returns the panel.
 * @example
 * app.append(logsPanel(uuid, onLeave));
 */
export function logsPanel(uuid: string, onLeave: (cleanup: () => void) => void): HTMLElement {
  const lines = h('ol', { class: 'log-lines' });
  const state = h('span', { class: 'pill' }, 'connecting');
  const panel = h(
    'section',
    { class: 'card logs' },
    h('div', { class: 'row spread' }, h('h2', {}, 'Logs'), state),
    lines,
  );
  const append = (line: LogMessage) => {
    const time = new Date(line.timestamp).toLocaleTimeString();
    lines.append(
      h(
        'li',
        { class: line.isStdErr ? 'stderr' : line.isSystem ? 'system' : '' },
        h('time', {}, time),
        line.message,
      ),
    );
    while (lines.childElementCount > MAX_LINES) lines.firstElementChild?.remove();
    lines.scrollTop = lines.scrollHeight;
  };
  let stopped = false;
  onLeave(() => {
    stopped = true;
  });
  sdk.logs
    .subscribe(uuid, { count: 100 })
    .then((subscription) => {
      if (stopped) return subscription.unsubscribe();
      onLeave(() => subscription.unsubscribe());
      render(state, 'live');
      state.className = 'pill status-idle';
      subscription.on('line', append);
      subscription.on('disconnect', () => render(state, 'reconnecting'));
      subscription.on('connect', () => render(state, 'live'));
      subscription.on('error', (error) => showError(panel, error));
    })
    .catch((error: unknown) => showError(lines, error));
  return panel;
}
