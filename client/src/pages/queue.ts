import { h, mount } from '../dom.js';
import { ApiError, getJson, getToken, postJson } from '../api.js';
import { severityBadge, stateBadge, stateOf, pct, PAST, type Action } from '../flagui.js';
import { flagDetail } from './flag-detail.js';
import { signInBox } from '../signin.js';
import type { Flag, Stats, Verdict } from '../types.js';

// The review queue, keyboard-first: j/k move, a approve, r reject, e edit a correction inline
// (Enter saves, Esc cancels), u undo, / filters. Everything happens in place, without page loads.

const FILTERS = ['status', 'detector', 'severity', 'category', 'audit', 'document', 'min_confidence', 'max_confidence'] as const;
const STATUSES: [string, string][] = [
  ['pending', 'Pending'], ['active', 'All active'], ['decided', 'Decided'], ['approved', 'Approved'],
  ['rejected', 'Rejected'], ['corrected', 'Corrected'], ['stale', 'Stale'], ['all', 'Everything'],
];
const CATEGORIES = [
  'accuracy/mistranslation', 'accuracy/omission', 'accuracy/addition', 'accuracy/untranslated', 'fluency/grammar',
  'fluency/inconsistency', 'fluency/mt-artifact', 'style/spin', 'source/boilerplate', 'source/misalignment',
];

export function queuePage(app: HTMLElement, params: URLSearchParams): () => void {
  const filters = new Map<string, string>(FILTERS.map((k) => [k, params.get(k) ?? (k === 'status' ? 'pending' : '')]));
  let items: Flag[] = [];
  let next: number | null = null;
  let sel = 0;
  let editing = false;
  let busy = false;
  let stats: Stats | null = null;
  const histories = new Map<number, Verdict[]>();
  let focusId = Number(params.get('focus')) || null;

  const statusLine = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const alertLine = h('p', { class: 'alert', role: 'alert' });
  const counts = h('p', { class: 'counts', 'aria-live': 'polite' });
  const precision = h('section', { class: 'precision', 'aria-label': 'Precision by detector' });
  const list = h('ol', { class: 'items', 'aria-label': 'Flags' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  const detail = h('section', { class: 'detail', 'aria-label': 'Selected flag' });
  const form = h('form', { class: 'filters', role: 'search' });

  const say = (msg: string): void => {
    alertLine.textContent = '';
    statusLine.textContent = msg;
  };
  const warn = (msg: string): void => {
    statusLine.textContent = '';
    alertLine.textContent = msg;
  };
  const query = (): string => {
    const q = new URLSearchParams();
    for (const [k, v] of filters) if (v) q.set(k, v);
    return q.toString();
  };

  function select(label: string, name: string, options: [string, string][]): HTMLElement {
    const s = h('select', { name, id: `f-${name}` }, ...options.map(([v, t]) => h('option', { value: v, selected: filters.get(name) === v }, t)));
    return h('label', { for: `f-${name}` }, label, s);
  }
  function renderFilters(): void {
    const detectors = (stats?.detectors ?? []).map((d): [string, string] => [d.detector, d.detector]);
    const current = filters.get('detector');
    if (current && !detectors.some(([d]) => d === current)) detectors.push([current, current]);
    const conf = h('input', { type: 'number', name: 'min_confidence', id: 'f-min_confidence', min: 0, max: 1, step: 0.05, value: filters.get('min_confidence') ?? '', inputmode: 'decimal' });
    mount(
      form,
      select('Status', 'status', STATUSES),
      select('Detector', 'detector', [['', 'Any'], ...detectors]),
      select('Severity', 'severity', [['', 'Any'], ['critical', 'Critical'], ['major', 'Major'], ['minor', 'Minor']]),
      select('Category', 'category', [['', 'Any'], ...CATEGORIES.map((c): [string, string] => [c, c])]),
      h('label', { for: 'f-min_confidence' }, 'Min. confidence', conf),
      filters.get('audit') ? h('span', { class: 'tag' }, `audit ${filters.get('audit')}`, ' ', h('a', { href: '#/queue' }, '(all audits)')) : null,
    );
  }
  form.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    filters.set(t.name, t.value);
    history.replaceState(null, '', `#/queue?${query()}`);
    void load();
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  function renderStats(): void {
    if (!stats) return;
    counts.textContent = `${stats.pending} pending · ${stats.decided} decided · ${stats.flags} flags`;
    mount(
      precision,
      h('h2', {}, 'Precision by detector'),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Detector'), h('th', { scope: 'col' }, 'Decided'), h('th', { scope: 'col' }, 'Pending'), h('th', { scope: 'col' }, 'Precision'))),
        h(
          'tbody',
          {},
          ...stats.detectors.map((d) =>
            h('tr', {}, h('td', {}, d.detector), h('td', {}, String(d.decided)), h('td', {}, String(d.pending)), h('td', {}, d.precision === null ? '—' : pct(d.precision))),
          ),
        ),
      ),
    );
  }
  async function refreshStats(): Promise<void> {
    const audit = filters.get('audit');
    stats = await getJson<Stats>(`/api/stats${audit ? `?audit=${audit}` : ''}`);
    renderStats();
  }

  function renderList(): void {
    mount(
      list,
      ...items.map((f, i) => {
        const b = h(
          'button',
          { type: 'button', class: `item${i === sel ? ' sel' : ''}`, 'aria-current': i === sel ? 'true' : undefined, 'data-flag': f.id },
          h('span', { class: 'item-head' }, severityBadge(f), ' ', h('span', { class: 'det' }, f.detector), ' ', stateBadge(f)),
          h('span', { class: 'item-msg' }, f.message),
        );
        b.addEventListener('click', () => choose(i));
        return h('li', {}, b);
      }),
    );
    more.hidden = next === null;
  }

  function renderDetail(): void {
    const f = items[sel];
    if (!f) {
      mount(detail, h('p', { class: 'empty-queue' }, items.length === 0 ? 'Nothing to review with these filters.' : 'Select a flag.'));
      return;
    }
    mount(
      detail,
      flagDetail(f, {
        history: histories.get(f.id),
        editing,
        onAction: (action) => (action === 'correct' ? startEdit() : void act(action)),
        onSave: (text) => {
          editing = false;
          void act('correct', text);
        },
        onCancel: () => {
          editing = false;
          renderDetail();
          focusSelected();
          say('Correction cancelled.');
        },
        onInvalid: warn,
      }),
    );
  }
  function focusSelected(): void {
    const b = list.querySelector<HTMLElement>('button.sel');
    if (!b) return;
    b.focus({ preventScroll: true });
    // Scroll the list only, never the page, so the selected flag's detail stays where the eyes are.
    const top = b.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + b.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top + b.offsetHeight - list.clientHeight;
  }
  async function loadHistory(f: Flag): Promise<void> {
    const r = await getJson<{ flag: Flag; history: Verdict[] }>(`/api/flags/${f.id}`);
    histories.set(f.id, r.history);
    const i = items.findIndex((x) => x.id === f.id);
    if (i >= 0) items[i] = r.flag;
    if (items[sel]?.id === f.id && !editing) renderDetail();
  }
  function choose(i: number): void {
    if (i < 0 || i >= items.length) return;
    sel = i;
    editing = false;
    renderList();
    renderDetail();
    focusSelected();
    const f = items[sel]!;
    void loadHistory(f).catch(() => undefined);
    if (sel >= items.length - 3 && next !== null) void loadMore();
  }
  function startEdit(): void {
    const f = items[sel];
    if (!f || f.status === 'stale') return;
    editing = true;
    renderDetail();
  }

  async function act(action: Action, text?: string): Promise<void> {
    const f = items[sel];
    if (!f || busy) return;
    if (!getToken()) return warn('Sign in first: paste your token above (npm start prints a sign-in link).');
    busy = true;
    try {
      const r = await postJson<{ flag: Flag; history: Verdict[] }>(`/api/flags/${f.id}/verdicts`, { action, version: f.version, ...(text === undefined ? {} : { text }) });
      items[sel] = r.flag;
      histories.set(f.id, r.history);
      say(`Flag #${f.id} ${PAST[action]}.`);
      if (action !== 'undo') {
        const after = items.findIndex((x, i) => i > sel && stateOf(x) === 'pending');
        if (after >= 0) sel = after;
        else if (sel + 1 < items.length) sel++;
      }
      renderList();
      renderDetail();
      focusSelected();
      void refreshStats();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body.flag) {
        items[sel] = e.body.flag as Flag;
        histories.set(f.id, (e.body.history as Verdict[] | undefined) ?? []);
        renderList();
        renderDetail();
        warn(`Flag #${f.id} was changed by someone else — reloaded. Check it and decide again.`);
      } else if (e instanceof ApiError && e.status === 401) {
        warn('Your sign-in token is missing or not valid: paste a token above.');
      } else warn(`Could not save: ${(e as Error).message}`);
      void refreshStats();
    } finally {
      busy = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (next === null) return;
    const r = await getJson<{ flags: Flag[]; next: number | null }>(`/api/flags?${query()}&after=${next}`);
    items.push(...r.flags);
    next = r.next;
    renderList();
  }
  more.addEventListener('click', () => void loadMore());

  async function load(): Promise<void> {
    const r = await getJson<{ flags: Flag[]; next: number | null }>(`/api/flags?${query()}`);
    items = r.flags;
    next = r.next;
    sel = 0;
    if (focusId !== null) {
      const i = items.findIndex((f) => f.id === focusId);
      if (i >= 0) sel = i;
      else {
        const one = await getJson<{ flag: Flag }>(`/api/flags/${focusId}`).catch(() => null);
        if (one) items.unshift(one.flag);
      }
      focusId = null;
    }
    renderList();
    renderDetail();
    say(`${items.length}${next !== null ? '+' : ''} flags loaded.`);
    if (items[sel]) void loadHistory(items[sel]!).catch(() => undefined);
  }

  const onKey = (e: KeyboardEvent): void => {
    const t = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable) {
      if (e.key === 'Escape' && t.closest('form.filters')) (t.blur(), focusSelected());
      return;
    }
    const keys: Record<string, () => void> = {
      j: () => choose(sel + 1),
      k: () => choose(sel - 1),
      a: () => void act('approve'),
      r: () => void act('reject'),
      e: () => startEdit(),
      u: () => void act('undo'),
      '/': () => form.querySelector<HTMLElement>('select, input')?.focus(),
    };
    const fn = keys[e.key];
    if (!fn) return;
    e.preventDefault();
    fn();
  };
  document.addEventListener('keydown', onKey);
  // Other reviewers decide too: the counts follow them (an unchanged answer is a 304).
  const poll = setInterval(() => {
    if (document.visibilityState === 'visible') void refreshStats().catch(() => undefined);
  }, 15_000);

  mount(
    app,
    h('h1', {}, 'Review queue'),
    signInBox(),
    form,
    h('div', { class: 'bar' }, counts, statusLine, alertLine),
    h(
      'div',
      { class: 'queue' },
      detail,
      h('aside', { class: 'side' }, list, more, precision),
    ),
    h('p', { class: 'keys muted' }, 'Keys: ', h('kbd', {}, 'j'), '/', h('kbd', {}, 'k'), ' next/previous · ', h('kbd', {}, 'a'), ' approve · ', h('kbd', {}, 'r'), ' reject · ', h('kbd', {}, 'e'), ' correct · ', h('kbd', {}, 'u'), ' undo · ', h('kbd', {}, '/'), ' filters'),
  );
  renderFilters();
  void refreshStats()
    .then(renderFilters)
    .catch((e: Error) => warn(`Could not load counts: ${e.message}`));
  void load().catch((e: Error) => warn(`Could not load the queue: ${e.message}`));
  return () => {
    document.removeEventListener('keydown', onKey);
    clearInterval(poll);
  };
}
