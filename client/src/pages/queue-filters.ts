import { h, mount } from '../dom.js';
import type { Stats } from '../types.js';
import { CATEGORIES } from '../../../contract/categories.js';

// The queue's filter bar. The filters live in the address (a saved view is a link); values are kept as the
// API takes them, and min. confidence is typed as the page shows it: 85 means 85%.

export const FILTERS = [
  'status',
  'detector',
  'severity',
  'category',
  'audit',
  'document',
  'min_confidence',
  'max_confidence',
  'q',
  'assignee',
  'sort',
] as const;
/** The queue's orders as GET /api/flags names them; '' is the default (most severe first), left out of the address. */
const SORTS: [string, string][] = [
  ['', 'Most severe first'],
  ['least-confident', 'Least confident first'],
  ['most-confident', 'Most confident first'],
  ['newest', 'Newest first'],
  ['document', 'By document order'],
];
const STATUSES: [string, string][] = [
  ['pending', 'Pending'],
  ['active', 'All active'],
  ['decided', 'Decided'],
  ['approved', 'Approved'],
  ['rejected', 'Rejected'],
  ['corrected', 'Corrected'],
  ['stale', 'Stale'],
  ['all', 'Everything'],
];

export type Filters = Map<string, string>;

export function filtersFrom(params: URLSearchParams): Filters {
  return new Map<string, string>(FILTERS.map((k) => [k, params.get(k) ?? (k === 'status' ? 'pending' : '')]));
}

/** The query string of the filters; `withStatus: false` for the counts, which cover every status in no order. */
export function filterQuery(filters: Filters, withStatus = true): string {
  const q = new URLSearchParams();
  for (const [k, v] of filters) if (v && (withStatus || (k !== 'status' && k !== 'sort'))) q.set(k, v);
  return q.toString();
}

/** "85" or "85%" → "0.85"; "" → ""; anything else (or outside 0–100) → null. */
export function percentToApi(typed: string): string | null {
  const t = typed.trim().replace(/%$/, '').trim();
  if (t === '') return '';
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (!(n >= 0 && n <= 100)) return null;
  return String(Math.round(n * 100) / 10000);
}
const apiToPercent = (v: string | undefined): string => (v ? String(Math.round(Number(v) * 10000) / 100) : '');

export interface FilterBar {
  form: HTMLFormElement;
  render(stats: Stats | null): void;
}

/** The form; onChange runs after a valid change, onInvalid with a one-line message (the box is put back). */
export function filterBar(filters: Filters, onChange: () => void, onInvalid: (msg: string) => void): FilterBar {
  const form = h('form', { class: 'filters', role: 'search' });
  function select(label: string, name: string, options: [string, string][]): HTMLElement {
    const s = h(
      'select',
      { name, id: `f-${name}` },
      ...options.map(([v, t]) => h('option', { value: v, selected: filters.get(name) === v }, t)),
    );
    return h('label', { for: `f-${name}` }, label, s);
  }
  let last: Stats | null = null;
  function render(stats: Stats | null): void {
    last = stats ?? last;
    const detectors = (last?.detectors ?? []).map((d): [string, string] => [d.detector, d.detector]);
    const current = filters.get('detector');
    if (current && !detectors.some(([d]) => d === current)) detectors.push([current, current]);
    const conf = h('input', {
      type: 'text',
      name: 'min_confidence',
      id: 'f-min_confidence',
      value: apiToPercent(filters.get('min_confidence')),
      inputmode: 'decimal',
      size: 4,
      placeholder: '0–100',
      'aria-describedby': 'f-min_confidence-unit',
    });
    const search = h('input', {
      type: 'search',
      name: 'q',
      id: 'f-q',
      value: filters.get('q') ?? '',
      placeholder: 'words in messages or sentences',
    });
    mount(
      form,
      select('Status', 'status', STATUSES),
      h('label', { for: 'f-q' }, 'Search', search),
      select('Detector', 'detector', [['', 'Any'], ...detectors]),
      select('Severity', 'severity', [
        ['', 'Any'],
        ['critical', 'Critical'],
        ['major', 'Major'],
        ['minor', 'Minor'],
      ]),
      select('Category', 'category', [['', 'Any'], ...CATEGORIES.map((c): [string, string] => [c, c])]),
      h(
        'label',
        { for: 'f-min_confidence' },
        'Min. confidence',
        h('span', { class: 'unit' }, conf, h('span', { id: 'f-min_confidence-unit' }, '%')),
      ),
      select('Sort', 'sort', SORTS),
      filters.get('assignee')
        ? h('span', { class: 'tag' }, 'assigned audits only', ' ', h('a', { href: '#/queue' }, '(everything)'))
        : null,
      filters.get('audit')
        ? h('span', { class: 'tag' }, `audit ${filters.get('audit')}`, ' ', h('a', { href: '#/queue' }, '(all audits)'))
        : null,
    );
  }
  const apply = (t: HTMLInputElement | HTMLSelectElement): void => {
    if (t.name === 'min_confidence') {
      const v = percentToApi(t.value);
      if (v === null) {
        t.value = apiToPercent(filters.get('min_confidence'));
        onInvalid(
          'Min. confidence is a percentage from 0 to 100 (85 means 85%); the list still follows the previous value.',
        );
        return;
      }
      if (v === (filters.get('min_confidence') ?? '')) return;
      filters.set('min_confidence', v);
    } else {
      if (t.value === (filters.get(t.name) ?? '')) return;
      filters.set(t.name, t.value);
    }
    onChange();
  };
  form.addEventListener('change', (e) => apply(e.target as HTMLInputElement | HTMLSelectElement));
  form.addEventListener('submit', (e) => e.preventDefault());
  // Enter applies a typed value at once (a form with two text boxes is not submitted by Enter)
  form.addEventListener('keydown', (e) => {
    const t = e.target as HTMLInputElement;
    if (e.key !== 'Enter' || t.tagName !== 'INPUT') return;
    e.preventDefault();
    apply(t);
  });
  render(null);
  return { form, render };
}
