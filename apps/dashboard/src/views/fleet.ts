// One fleet: its devices with status, OS version and last activity, and an OS image download.
import { h, relativeTime, render, statusPill } from '../dom.js';
import { sdk } from '../sdk.js';
import { osDownloadPanel } from './os-download.js';

/**
 * Shows a fleet's devices.
 *
 * @param app - the main container.
 * @param fleetId - the fleet id.
 * @throws {BalenaApplicationNotFound} when the fleet is not visible (the router shows it).
 * @example
 * await showFleet(app, 12);
 */
export async function showFleet(app: HTMLElement, fleetId: number): Promise<void> {
  render(app, h('p', { class: 'muted' }, 'Loading devices…'));
  const fleet = await sdk.models.application.get(fleetId, {
    $select: ['id', 'app_name', 'slug'],
    $expand: { is_for__device_type: { $select: ['slug', 'name'] } },
  });
  const devices = await sdk.models.device.getAllByApplication(fleetId, {
    $select: ['uuid', 'device_name', 'overall_status', 'os_version', 'last_connectivity_event'],
  });
  const rows = devices.map((device) =>
    h(
      'tr',
      { 'data-device': device.device_name },
      h('td', {}, h('a', { href: `#/device/${device.uuid}` }, device.device_name)),
      h('td', {}, statusPill(device.overall_status)),
      h('td', { class: 'muted' }, device.os_version ?? '—'),
      h('td', { class: 'muted' }, relativeTime(device.last_connectivity_event)),
    ),
  );
  const deviceType = fleet.is_for__device_type[0];
  render(
    app,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Fleets'), ' / ', fleet.app_name),
    h('h1', {}, fleet.app_name),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, `Devices (${devices.length})`),
      rows.length > 0
        ? h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', {}, 'Name'),
                h('th', {}, 'Status'),
                h('th', {}, 'OS'),
                h('th', {}, 'Last seen'),
              ),
            ),
            h('tbody', {}, ...rows),
          )
        : h('p', { class: 'muted' }, 'No devices in this fleet yet.'),
    ),
    deviceType ? osDownloadPanel(deviceType.slug, deviceType.name) : null,
  );
}
