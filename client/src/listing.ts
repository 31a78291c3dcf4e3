import { h } from './dom.js';

// Search, sort and paging for the audit and document lists. The state lives in the address (#/?q=…&sort=…),
// so a view can be saved as a link, and Back walks through earlier views.

export const PER_PAGE = 50;

export interface ListState {
  q: string;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
}

export function listState(params: URLSearchParams, defaultSort: string): ListState {
  return {
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? defaultSort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** The API query of a list state. */
export function apiQuery(s: ListState): string {
  const q = new URLSearchParams({
    sort: s.sort,
    order: s.order,
    offset: String((s.page - 1) * PER_PAGE),
    limit: String(PER_PAGE),
  });
  if (s.q) q.set('q', s.q);
  return q.toString();
}

function go(route: string, s: ListState): void {
  const q = new URLSearchParams();
  if (s.q) q.set('q', s.q);
  q.set('sort', s.sort);
  q.set('order', s.order);
  if (s.page > 1) q.set('page', String(s.page));
  location.hash = `${route}?${q.toString()}`;
}

export function searchBox(route: string, s: ListState, placeholder: string): HTMLElement {
  const input = h('input', {
    type: 'search',
    name: 'q',
    id: 'list-q',
    value: s.q,
    placeholder,
    'aria-label': 'Search',
  });
  const form = h(
    'form',
    { class: 'filters list-search', role: 'search' },
    h('label', { for: 'list-q' }, 'Search', input),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(route, { ...s, q: input.value.trim(), page: 1 });
  });
  return form;
}

/** A column head that sorts by `key` (a second click turns the order round). */
export function sortHead(route: string, s: ListState, key: string, label: string): HTMLElement {
  const on = s.sort === key;
  const b = h(
    'button',
    { type: 'button', class: 'link sort', 'data-sort': key },
    label,
    on ? (s.order === 'asc' ? ' ▲' : ' ▼') : '',
  );
  b.addEventListener('click', () =>
    go(route, {
      ...s,
      sort: key,
      order:
        on && s.order === 'asc'
          ? 'desc'
          : on
            ? 'asc'
            : key === 'name' || key === 'title' || key === 'id'
              ? 'asc'
              : 'desc',
      page: 1,
    }),
  );
  return h('th', { scope: 'col', 'aria-sort': on ? (s.order === 'asc' ? 'ascending' : 'descending') : undefined }, b);
}

export function pager(route: string, s: ListState, total: number, what: string): HTMLElement {
  const first = total === 0 ? 0 : (s.page - 1) * PER_PAGE + 1;
  const last = Math.min(total, s.page * PER_PAGE);
  const prev = h('button', { type: 'button', class: 'prev', disabled: s.page <= 1 }, '← Previous');
  const next = h('button', { type: 'button', class: 'next', disabled: last >= total }, 'Next →');
  prev.addEventListener('click', () => go(route, { ...s, page: s.page - 1 }));
  next.addEventListener('click', () => go(route, { ...s, page: s.page + 1 }));
  return h(
    'p',
    { class: 'pager' },
    h('span', { class: 'range' }, `${first}–${last} of ${total} ${what}${s.q ? ` matching “${s.q}”` : ''}`),
    ' ',
    prev,
    ' ',
    next,
  );
}

/** Each cell of the lists under `root` names its column, for the narrow layout where rows become cards. */
export function labelCells(root: HTMLElement): void {
  for (const table of root.querySelectorAll('table.list')) {
    const heads = [...table.querySelectorAll('thead th')].map((th) =>
      (th.textContent ?? '').replace(/[▲▼]/g, '').trim(),
    );
    for (const tr of table.querySelectorAll('tbody tr')) {
      [...tr.children].forEach((td, i) => {
        if (i > 0 && heads[i]) td.setAttribute('data-label', heads[i]!);
      });
    }
  }
}
