// The fleet list: every fleet the user can reach directly, with device counts by status.
import { h, render } from '../dom.js';
import { sdk } from '../sdk.js';

/**
 * Shows the fleets as cards.
 *
 * @param app - the main container.
 * @throws {Error} when the API call fails (the router shows it).
 * @example
 * await showFleets(app);
 */
export async function showFleets(app: HTMLElement): Promise<void> {
  render(app, h('p', { class: 'muted' }, 'Loading fleets…'));
  const fleets = await sdk.models.application.getAllDirectlyAccessible({
    $select: ['id', 'app_name', 'slug'],
    $expand: {
      is_for__device_type: { $select: ['name'] },
      owns__device: { $select: ['overall_status'] },
    },
  });
  const cards = fleets.map((fleet) => {
    const devices = fleet.owns__device;
    const online = devices.filter(
      (d) => !['offline', 'inactive'].includes(String(d.overall_status)),
    );
    return h(
      'a',
      { class: 'card fleet', href: `#/fleet/${fleet.id}`, 'data-fleet': fleet.app_name },
      h('h2', {}, fleet.app_name),
      h('p', { class: 'muted' }, fleet.is_for__device_type[0]?.name ?? ''),
      h(
        'p',
        { class: 'counts' },
        h('strong', {}, devices.length),
        ` device${devices.length === 1 ? '' : 's'} · `,
        h('span', { class: 'online' }, `${online.length} online`),
      ),
    );
  });
  render(
    app,
    h('h1', {}, 'Fleets'),
    cards.length > 0
      ? h('div', { class: 'grid' }, ...cards)
      : h('p', { class: 'muted' }, 'No fleets yet.'),
  );
}
