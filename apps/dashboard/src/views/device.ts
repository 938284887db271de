// One device: summary, supervisor actions, environment variables, tags and live logs.
import { h, relativeTime, render, showError, statusPill } from '../dom.js';
import { sdk } from '../sdk.js';
import { keyValuePanel } from './key-value-panel.js';
import { logsPanel } from './logs.js';

function fact(label: string, value: Node | string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, value));
}

function actionsPanel(uuid: string): HTMLElement {
  const message = h('p', { class: 'muted action-status', role: 'status' });
  const action = (label: string, pending: string, run: () => Promise<unknown>) =>
    h(
      'button',
      {
        class: 'primary',
        onclick: async (event: Event) => {
          const button = event.currentTarget as HTMLButtonElement;
          button.disabled = true;
          render(message, pending);
          try {
            await run();
            render(message, `${label}: sent to the device.`);
          } catch (error) {
            showError(message, error);
          } finally {
            button.disabled = false;
          }
        },
      },
      label,
    );
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Actions'),
    h(
      'div',
      { class: 'row' },
      action('Reboot', 'Rebooting…', () => sdk.models.device.reboot(uuid)),
      action('Restart application', 'Restarting…', () =>
        sdk.models.device.restartApplication(uuid),
      ),
      action('Identify', 'Blinking…', () => sdk.models.device.identify(uuid)),
    ),
    message,
  );
}

/**
 * Shows a device.
 *
 * @param app - the main container.
 * @param uuid - the device uuid.
 * @param onLeave - registers cleanups (the live logs) for when the page changes.
 * @throws {BalenaDeviceNotFound} when the device is not visible (the router shows it).
 * @example
 * await showDevice(app, uuid, onLeave);
 */
export async function showDevice(
  app: HTMLElement,
  uuid: string,
  onLeave: (cleanup: () => void) => void,
): Promise<void> {
  render(app, h('p', { class: 'muted' }, 'Loading device…'));
  const device = await sdk.models.device.get(uuid, {
    $select: [
      'id',
      'uuid',
      'device_name',
      'overall_status',
      'os_version',
      'supervisor_version',
      'ip_address',
      'last_connectivity_event',
    ],
    $expand: { belongs_to__application: { $select: ['id', 'app_name'] } },
  });
  const fleet = device.belongs_to__application[0];
  const envVar = sdk.models.device.envVar;
  const tags = sdk.models.device.tags;
  render(
    app,
    h(
      'p',
      { class: 'crumbs' },
      h('a', { href: '#/' }, 'Fleets'),
      ' / ',
      fleet ? h('a', { href: `#/fleet/${fleet.id}` }, fleet.app_name) : '',
      ' / ',
      device.device_name,
    ),
    h(
      'div',
      { class: 'row spread' },
      h('h1', {}, device.device_name),
      statusPill(device.overall_status),
    ),
    h(
      'section',
      { class: 'card' },
      h(
        'dl',
        { class: 'facts' },
        fact('UUID', h('span', { class: 'mono' }, device.uuid)),
        fact('OS', device.os_version ?? '—'),
        fact('Supervisor', device.supervisor_version ?? '—'),
        fact('IP address', device.ip_address ?? '—'),
        fact('Last seen', relativeTime(device.last_connectivity_event)),
      ),
    ),
    actionsPanel(uuid),
    h(
      'div',
      { class: 'columns' },
      keyValuePanel({
        title: 'Environment variables',
        keyLabel: 'Name',
        list: async () =>
          (await envVar.getAllByDevice(device.id)).map((v) => ({ key: v.name, value: v.value })),
        set: (key, value) => envVar.set(device.id, key, value),
        remove: (key) => envVar.remove(device.id, key),
      }),
      keyValuePanel({
        title: 'Tags',
        keyLabel: 'Tag',
        list: async () =>
          (await tags.getAllByDevice(device.id)).map((t) => ({ key: t.tag_key, value: t.value })),
        set: (key, value) => tags.set(device.id, key, value),
        remove: (key) => tags.remove(device.id, key),
      }),
    ),
    logsPanel(uuid, onLeave),
  );
}
