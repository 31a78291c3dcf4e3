import { h, mount } from './dom.js';
import { getJson } from './api.js';

interface DocSummary {
  id: number;
  path: string;
  title: string | null;
  lang: string;
  sentences: number;
  boilerplate: number;
}
interface Segment {
  index: number;
  paragraph: number;
  text: string;
  lang: string;
  boilerplate: false | string;
}

const app = document.getElementById('app') as HTMLElement;

async function documentsPage(): Promise<void> {
  const { documents } = await getJson<{ documents: DocSummary[] }>('/api/documents');
  mount(
    app,
    h('h1', {}, 'Documents'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Document'), h('th', {}, 'Language'), h('th', {}, 'Sentences'), h('th', {}, 'Boilerplate'))),
      h(
        'tbody',
        {},
        ...documents.map((d) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `#/documents/${d.id}` }, d.title ?? d.path.split('/').pop() ?? d.path)),
            h('td', {}, d.lang),
            h('td', {}, String(d.sentences)),
            h('td', {}, String(d.boilerplate)),
          ),
        ),
      ),
    ),
  );
}

async function documentPage(id: number): Promise<void> {
  const { document: doc, segments } = await getJson<{ document: DocSummary; segments: Segment[] }>(`/api/documents/${id}`);
  mount(
    app,
    h('p', {}, h('a', { href: '#/' }, '← Documents')),
    h('h1', {}, doc.title ?? doc.path),
    h(
      'ol',
      { start: 0, class: 'segments' },
      ...segments.map((s) =>
        h(
          'li',
          { class: s.boilerplate ? 'boilerplate' : undefined, 'data-paragraph': s.paragraph },
          h('span', { class: 'tag' }, s.lang),
          ' ',
          s.boilerplate ? h('span', { class: 'tag' }, `boilerplate: ${s.boilerplate}`) : null,
          ' ',
          s.text,
        ),
      ),
    ),
  );
}

async function route(): Promise<void> {
  const m = /^#\/documents\/(\d+)$/.exec(location.hash);
  try {
    if (m) await documentPage(Number(m[1]));
    else await documentsPage();
  } catch (e) {
    mount(app, h('p', { role: 'alert' }, `Could not load: ${(e as Error).message}`));
  }
}

window.addEventListener('hashchange', () => void route());
void route();
