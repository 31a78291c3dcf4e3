import { h, mount } from './dom.js';
import { ApiError, pickUpToken } from './api.js';
import { signInBox } from './signin.js';
import { documentPage, documentsPage } from './pages/documents.js';
import { auditPage, auditsPage } from './pages/audits.js';
import { queuePage } from './pages/queue.js';
import { uploadPage } from './pages/upload.js';
import { progressPage } from './pages/progress.js';

const app = document.getElementById('app') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
let leave: (() => void) | null = null;

mount(
  nav,
  h('a', { href: '#/' }, 'Audits'),
  h('a', { href: '#/queue' }, 'Queue'),
  h('a', { href: '#/documents' }, 'Documents'),
  h('a', { href: '#/progress' }, 'Progress'),
  h('a', { href: '#/upload' }, 'Upload'),
);

async function route(): Promise<void> {
  pickUpToken();
  leave?.();
  leave = null;
  const [path = '', search = ''] = location.hash.replace(/^#/, '').split('?');
  // Audits are the home page, so #/audits/N marks "Audits" as the current section.
  const section = (path.split('/')[1] ?? '').replace(/^audits$/, '');
  for (const a of nav.querySelectorAll('a')) {
    if (a.getAttribute('href')!.slice(2) === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  let m: RegExpExecArray | null;
  try {
    if ((m = /^\/documents\/(\d+)$/.exec(path))) await documentPage(app, Number(m[1]));
    else if (path === '/documents') await documentsPage(app, new URLSearchParams(search));
    else if ((m = /^\/audits\/(\d+)$/.exec(path))) await auditPage(app, Number(m[1]));
    else if (path === '/queue') leave = queuePage(app, new URLSearchParams(search));
    else if (path === '/upload') leave = uploadPage(app);
    else if (path === '/progress') await progressPage(app);
    else await auditsPage(app, new URLSearchParams(search));
  } catch (e) {
    // Every read needs a token: a signed-out visitor gets the sign-in field instead of an empty page.
    if (e instanceof ApiError && e.status === 401)
      mount(
        app,
        h('h1', {}, 'Sign in'),
        h('p', { role: 'alert' }, e.message),
        signInBox(() => void route()),
      );
    else mount(app, h('p', { role: 'alert' }, `Could not load: ${(e as Error).message}`));
  }
}

window.addEventListener('hashchange', () => void route());
void route();
