import { h, mount } from '../dom.js';
import { getJson, me, postJson } from '../api.js';
import { anchorMarks, decorate, wordDiff, type Mark } from '../highlight.js';
import { severityBadge, stateBadge } from '../flagui.js';
import { downloads } from '../downloads.js';
import { rolesEditor } from './roles.js';
import { apiQuery, labelCells, listState, pager, searchBox, sortHead } from '../listing.js';
import type { AuditList, AuditView, Cell, Flag, ViewVersion } from '../types.js';

export async function auditsPage(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const st = listState(params, 'id');
  const [{ audits, total }, who] = await Promise.all([
    getJson<AuditList>(`/api/audits?${apiQuery(st)}`),
    me().catch(() => null),
  ]);
  // admins assign audits to reviewers from the list; everyone else sees who has each
  const names =
    who?.role === 'admin'
      ? (await getJson<{ reviewers: { name: string }[] }>('/api/progress')).reviewers.map((r) => r.name)
      : null;
  const route = '#/audits';
  mount(
    app,
    h('h1', {}, 'Audits'),
    total === 0 && !st.q
      ? h(
          'p',
          {},
          'No audits yet. ',
          h('a', { href: '#/upload' }, 'Upload a batch'),
          ' or run ',
          h('code', {}, 'npx tapat audit FOLDER'),
          ' to audit a folder of articles.',
        )
      : h(
          'div',
          {},
          searchBox(route, st, 'story name or words in its sentences'),
          pager(route, st, total, 'audits'),
          h(
            'table',
            { class: 'list', 'data-wide': true },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                sortHead(route, st, 'name', 'Story'),
                sortHead(route, st, 'versions', 'Versions'),
                sortHead(route, st, 'flags', 'Flags'),
                sortHead(route, st, 'pending', 'Pending'),
                sortHead(route, st, 'assignee', 'Reviewer'),
                h('th', {}, ''),
              ),
            ),
            h(
              'tbody',
              {},
              ...audits.map((a) =>
                h(
                  'tr',
                  {},
                  h('td', {}, h('a', { href: `#/audits/${a.id}` }, a.name)),
                  h('td', {}, String(a.versions)),
                  h('td', {}, String(a.flags)),
                  h('td', {}, String(a.pending)),
                  h('td', {}, names ? assignSelect(a.id, a.assignee, names) : (a.assignee ?? 'anyone')),
                  h('td', {}, a.flags ? h('a', { href: `#/queue?audit=${a.id}` }, 'Review') : ''),
                ),
              ),
            ),
          ),
        ),
  );
  labelCells(app);
}

function assignSelect(auditId: number, current: string | null, names: string[]): HTMLElement {
  const sel = h(
    'select',
    { class: 'assignee', 'aria-label': `Reviewer of audit ${auditId}`, 'data-audit': auditId },
    h('option', { value: '', selected: current === null }, 'anyone'),
    ...names.map((n) => h('option', { value: n, selected: n === current }, n)),
  );
  sel.addEventListener('change', () => {
    sel.disabled = true;
    postJson(`/api/audits/${auditId}/assignee`, { reviewer: sel.value || null })
      .then(() => sel.setAttribute('data-saved', sel.value))
      .catch((e: Error) => sel.setAttribute('title', `Not saved: ${e.message}`))
      .finally(() => (sel.disabled = false));
  });
  return sel;
}

const cellText = (c: Cell | undefined): string => (c ? c.segments.map((s) => s.text).join(' ') : '');

const baseLabel = (v: ViewVersion): string => `${v.lang} · ${v.role}${v.pivot ? ' · pivot' : ''}`;
const shortName = (v: ViewVersion): string => {
  const name = v.title ?? v.path.split('/').pop() ?? v.path;
  return name.length > 28 ? `${name.slice(0, 27)}…` : name;
};

/** Column labels; versions that share a language and role (two English sources) are told apart by name. */
function versionLabels(versions: ViewVersion[]): Map<number, string> {
  const seen = new Map<string, number>();
  for (const v of versions) seen.set(baseLabel(v), (seen.get(baseLabel(v)) ?? 0) + 1);
  const out = new Map<number, string>();
  for (const v of versions)
    out.set(
      v.document_id,
      (seen.get(baseLabel(v)) ?? 0) > 1 ? `${baseLabel(v)} · ${shortName(v)} (#${v.document_id})` : baseLabel(v),
    );
  return out;
}
let labels = new Map<number, string>();
const versionLabel = (v: ViewVersion): string => labels.get(v.document_id) ?? baseLabel(v);

/** Marks for one cell: differences against the pivot sentence, then the cell's flags (spans, suggestions). */
function cellMarks(v: ViewVersion, cell: Cell, pivotText: string, flags: Map<number, Flag>): Mark[] {
  const text = cellText(cell);
  const marks: Mark[] = [];
  if (pivotText && !v.pivot) {
    if (v.role === 'spin') marks.push(...wordDiff(pivotText, text).b);
    else if (v.lang !== 'en') marks.push(...anchorMarks(text, pivotText));
  }
  // Flag spans are offsets into the document; the cell's text is its sentences joined by one space.
  let offset = 0;
  for (const s of cell.segments) {
    for (const id of cell.flags) {
      const f = flags.get(id);
      if (!f || f.start === null || f.end === null || f.start < s.start || f.start >= s.end) continue;
      marks.push({
        start: offset + f.start - s.start,
        end: offset + Math.min(f.end, s.end) - s.start,
        cls: `flagged flagged-${f.severity}`,
        title: f.message,
        after: f.suggestion ?? undefined,
      });
    }
    offset += s.text.length + 1;
  }
  return marks;
}

function flagChip(f: Flag): HTMLElement {
  return h(
    'li',
    { class: 'chip' },
    severityBadge(f),
    ' ',
    h('a', { href: `#/queue?audit=${f.audit_id ?? ''}&status=all&focus=${f.id}` }, f.detector),
    ' ',
    stateBadge(f),
    ' ',
    h('span', { class: 'chip-msg' }, f.message),
  );
}

export async function auditPage(app: HTMLElement, id: number): Promise<void> {
  const view = await getJson<AuditView>(`/api/audits/${id}`);
  const flags = new Map(view.flags.map((f) => [f.id, f]));
  labels = versionLabels(view.versions);
  const pivot = view.versions.find((v) => v.pivot);
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'rownum' }, '#'),
    ...view.versions.map((v) =>
      h(
        'th',
        { scope: 'col' },
        h('a', { href: `#/documents/${v.document_id}` }, v.title ?? v.path.split('/').pop() ?? v.path),
        h('div', { class: 'muted' }, versionLabel(v)),
      ),
    ),
  );
  const body = view.rows.map((r, i) => {
    const pivotText = pivot ? cellText(r.cells[pivot.document_id]) : '';
    return h(
      'tr',
      { class: r.pivot === null ? 'extra' : undefined },
      h('td', { class: 'rownum muted' }, r.pivot === null ? '+' : String(r.pivot)),
      ...view.versions.map((v) => {
        const cell = r.cells[v.document_id];
        const label = `${versionLabel(v)}, row ${i}`;
        if (!cell || (!cell.continued && cell.segments.length === 0 && cell.flags.length === 0))
          return h(
            'td',
            { class: 'empty', 'data-label': versionLabel(v), 'aria-label': `${label}: nothing aligned` },
            '—',
          );
        if (cell.continued)
          return h(
            'td',
            {
              class: 'empty muted',
              'data-label': versionLabel(v),
              'aria-label': `${label}: joined with the row above`,
            },
            '↑ joined with the row above',
          );
        const boiler = cell.segments.some((s) => s.boilerplate);
        return h(
          'td',
          {
            lang: v.lang === 'other' ? undefined : v.lang,
            class: boiler ? 'boilerplate-cell' : undefined,
            'data-doc': v.document_id,
            'data-label': versionLabel(v),
          },
          h('div', { class: 'text' }, ...decorate(cellText(cell), cellMarks(v, cell, pivotText, flags))),
          cell.flags.length ? h('ul', { class: 'chips' }, ...cell.flags.map((fid) => flagChip(flags.get(fid)!))) : null,
        );
      }),
    );
  });
  const unplaced = view.unplaced.map((fid) => flags.get(fid)!).filter(Boolean);
  mount(
    app,
    h('p', {}, h('a', { href: '#/' }, '← Audits')),
    h('h1', {}, view.audit.name),
    h(
      'p',
      { class: 'toolbar' },
      h('a', { class: 'button', href: `#/queue?audit=${id}` }, `Review ${view.flags.length} flags`),
      h(
        'span',
        { class: 'legend muted' },
        h('span', { class: 'ins' }, 'changed in spun copy'),
        ' ',
        h('span', { class: 'anchor' }, 'shared anchor'),
        ' ',
        h('span', { class: 'miss' }, 'number not on the other side'),
        ' ',
        h('span', { class: 'flagged flagged-major' }, 'flagged'),
        ' ',
        h('span', { class: 'suggestion' }, '→ suggested original'),
      ),
    ),
    rolesEditor(
      id,
      view.versions,
      (v) => `${shortName(v)} (${versionLabel(v)})`,
      () => void auditPage(app, id),
    ),
    downloads(
      id,
      view.versions.map((v) => ({ document_id: v.document_id, label: `${shortName(v)} (${versionLabel(v)})` })),
    ),
    h(
      'div',
      { class: 'threeway-wrap' },
      h('table', { class: 'threeway' }, h('thead', {}, head), h('tbody', {}, ...body)),
    ),
    unplaced.length
      ? h(
          'section',
          {},
          h('h2', {}, 'Flags not tied to a sentence'),
          h('ul', { class: 'chips' }, ...unplaced.map(flagChip)),
        )
      : null,
  );
}
