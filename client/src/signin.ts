import { h, mount } from './dom.js';
import { getToken, setToken, whoAmI } from './api.js';

/**
 * "Signed in as NAME · Sign out", or a labelled field to paste a token into. Checks the stored token.
 * onSignedIn runs after a pasted token is accepted (a page that could not load without one reloads).
 */
export function signInBox(onSignedIn?: () => void): HTMLElement {
  const box = h('div', { class: 'signin', 'aria-live': 'polite' });
  const render = async (): Promise<boolean> => {
    const name = await whoAmI().catch(() => null);
    if (name) {
      const out = h('button', { type: 'button', class: 'link' }, 'Sign out');
      out.addEventListener('click', () => {
        setToken(null);
        void render();
      });
      mount(box, h('span', {}, 'Signed in as ', h('strong', {}, name)), ' · ', out);
      return true;
    }
    const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', placeholder: 'tpt_…', size: 36 });
    const form = h(
      'form',
      { class: 'signin-form' },
      h('label', { for: 'token' }, getToken() ? 'That token is not valid; paste another' : 'Reviewer token'),
      input,
      h('button', { type: 'submit' }, 'Sign in'),
      h('span', { class: 'muted' }, 'npm start prints a sign-in link; tapat reviewer add NAME prints a token.'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      setToken(input.value.trim() || null);
      void render().then((ok) => {
        if (ok) onSignedIn?.();
      });
    });
    mount(box, form);
    return false;
  };
  void render();
  return box;
}
