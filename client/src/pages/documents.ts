import { h, mount } from '../dom.js';
import { getJson } from '../api.js';
import { downloads } from '../downloads.js';
import { apiQuery, labelCells, listState, pager, searchBox, sortHead } from '../listing.js';
import type { DocumentAlignment, DocumentDetail, DocumentList } from '../types.js';

const docName = (d: { title: string | null; path: string }): string => d.title ?? d.path.split('/').pop() ?? d.path;

export async function documentsPage(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const st = listState(params, 'id');
  const { documents, total } = await getJson<DocumentList>(`/api/documents?${apiQuery(st)}`);
  const route = '#/documents';
  mount(
    app,
    h('h1', {}, 'Documents'),
    searchBox(route, st, 'title, file name or words in its sentences'),
    pager(route, st, total, 'documents'),
    h(
      'table',
      { class: 'list', 'data-wide': true },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          sortHead(route, st, 'title', 'Document'),
          sortHead(route, st, 'lang', 'Language'),
          sortHead(route, st, 'roles', 'Role'),
          sortHead(route, st, 'sentences', 'Sentences'),
          sortHead(route, st, 'flags', 'Flags'),
          sortHead(route, st, 'pending', 'Pending'),
        ),
      ),
      h(
        'tbody',
        {},
        ...documents.map((d) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `#/documents/${d.id}` }, docName(d))),
            h('td', {}, d.lang),
            h('td', {}, d.roles ?? '—'),
            h('td', {}, String(d.sentences)),
            h('td', {}, String(d.flags)),
            h('td', {}, d.pending ? h('a', { href: `#/queue?document=${d.id}` }, String(d.pending)) : '0'),
          ),
        ),
      ),
    ),
  );
  labelCells(app);
}

/** The sentence(s) of the other version aligned to this one, or a note that it has no counterpart there. */
function counterpart(al: DocumentAlignment, idx: number): HTMLElement {
  const other = al.links[String(idx)] ?? [];
  const label = other.length ? `↔ ${other.map((o) => o.idx).join(',')}: ` : '↔ no counterpart';
  return h(
    'div',
    { class: 'counterpart muted' },
    h('span', { class: 'tag' }, label),
    ' ',
    other.map((o) => o.text).join(' '),
  );
}

export async function documentPage(app: HTMLElement, id: number): Promise<void> {
  const { document: doc, segments, alignments } = await getJson<DocumentDetail>(`/api/documents/${id}`);
  // Sentences are shown with their counterpart in the first aligned version (the audit view has them all).
  const shown = alignments[0];
  mount(
    app,
    h('p', {}, h('a', { href: '#/documents' }, '← Documents')),
    h('h1', {}, docName(doc)),
    h('p', { class: 'muted' }, `${doc.path} · ${doc.lang} · ${segments.length} sentences`),
    alignments.length
      ? h(
          'ul',
          { class: 'alignments', 'aria-label': 'Aligned versions' },
          ...alignments.map((a) =>
            h(
              'li',
              {},
              `${a.role} in `,
              h('a', { href: `#/audits/${a.auditId}` }, a.auditName),
              ', aligned with ',
              h('a', { href: `#/documents/${a.otherDocumentId}` }, a.otherName),
              ` (${Object.values(a.links).filter((l) => l.length).length} of ${segments.length} sentences linked)`,
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Not aligned with another version yet (it is in no audit).'),
    ...[...new Set(alignments.map((a) => a.auditId))].map((auditId) =>
      downloads(auditId, [{ document_id: id, label: docName(doc) }], id),
    ),
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
          shown && !s.boilerplate ? counterpart(shown, s.index) : null,
        ),
      ),
    ),
  );
}
