// The login form: e-mail and password, or an API key / session token.
import { h, render, showError } from '../dom.js';
import { sdk } from '../sdk.js';

/**
 * Shows the login form.
 *
 * @param app - the main container.
 * @param onLoggedIn - called once the SDK holds a credential.
 * @example
 * showLogin(app, () => route());
 */
export function showLogin(app: HTMLElement, onLoggedIn: () => void): void {
  const message = h('div', { class: 'form-message' });
  const email = h('input', {
    name: 'email',
    type: 'email',
    required: true,
    autocomplete: 'username',
  });
  const password = h('input', {
    name: 'password',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  const form = h(
    'form',
    { class: 'card login', onsubmit: (event: Event) => void submit(event) },
    h('h1', {}, 'Log in'),
    h('p', { class: 'muted' }, 'Your local balena API account.'),
    h('label', {}, 'E-mail', email),
    h('label', {}, 'Password', password),
    h('button', { class: 'primary', type: 'submit' }, 'Log in'),
    message,
  );
  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    render(message, 'Logging in…');
    try {
      await sdk.auth.login({ email: email.value, password: password.value });
      onLoggedIn();
    } catch (error) {
      showError(message, error);
    }
  }
  render(app, form);
}
