import { h, mount } from '../dom.js';
import { getJson } from '../api.js';
import type { Segment } from '../types.js';

interface DocSummary {
  id: number;
  path: string;
  title: string | null;
  lang: string;
  sentences: number;
  boilerplate: number;
}

const docName = (d: { title: string | null; path: string }): string => d.title ?? d.path.split('/').pop() ?? d.path;

export async function documentsPage(app: HTMLElement): Promise<void> {
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
            h('td', {}, h('a', { href: `#/documents/${d.id}` }, docName(d))),
            h('td', {}, d.lang),
            h('td', {}, String(d.sentences)),
            h('td', {}, String(d.boilerplate)),
          ),
        ),
      ),
    ),
  );
}

export async function documentPage(app: HTMLElement, id: number): Promise<void> {
  const { document: doc, segments } = await getJson<{ document: DocSummary; segments: Segment[] }>(`/api/documents/${id}`);
  mount(
    app,
    h('p', {}, h('a', { href: '#/documents' }, '← Documents')),
    h('h1', {}, docName(doc)),
    h('p', { class: 'muted' }, `${doc.path} · ${doc.lang} · ${segments.length} sentences`),
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
