// Hash routes: #/ fleets, #/fleet/<id>, #/device/<uuid>; the login page when logged out.
import './style.css';
import { h, render, showError } from './dom.js';
import { sdk } from './sdk.js';
import { showLogin } from './views/login.js';
import { showFleets } from './views/fleets.js';
import { showFleet } from './views/fleet.js';
import { showDevice } from './views/device.js';

const app = document.querySelector('#app') as HTMLElement;
const session = document.querySelector('#session') as HTMLElement;
// Views register cleanups (live log streams) that must stop when the route changes.
let cleanups: Array<() => void> = [];

async function route(): Promise<void> {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const onLeave = (cleanup: () => void) => cleanups.push(cleanup);
  try {
    if (!(await sdk.auth.isLoggedIn())) {
      render(session);
      showLogin(app, () => void route());
      return;
    }
    const info = await sdk.auth.getUserInfo();
    render(
      session,
      h('span', { class: 'user' }, info.username),
      h('button', { class: 'ghost', onclick: () => void sdk.auth.logout().then(route) }, 'Log out'),
    );
    const [, kind, id] = location.hash.replace(/^#\/?/, '/').split('/');
    if (kind === 'fleet' && id) await showFleet(app, Number(id));
    else if (kind === 'device' && id) await showDevice(app, id, onLeave);
    else await showFleets(app);
  } catch (error) {
    showError(app, error);
  }
}

window.addEventListener('hashchange', () => void route());
void route();
