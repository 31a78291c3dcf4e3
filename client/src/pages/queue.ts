import { h, mount } from '../dom.js';
import { ApiError, getJson, getToken, postJson } from '../api.js';
import { severityBadge, spanText, stateBadge, stateOf, PAST, type Action } from '../flagui.js';
import { plainMessage, wholeArticle } from '../plain.js';
import { helpOpen, showHelp } from '../help.js';
import { flagDetail } from './flag-detail.js';
import { filterBar, filterQuery, filtersFrom } from './queue-filters.js';
import { renderPrecision } from './queue-stats.js';
import { signInBox } from '../signin.js';
import type {
  BulkCounts,
  BulkCreated,
  Flag,
  FlagDetail,
  FlagPage,
  Stats,
  UndoLast,
  Verdict,
  VerdictCreated,
} from '../types.js';

// The review queue, keyboard-first: j/k move, a approve, r reject, e edit a correction inline
// (Enter saves, Esc cancels), u undoes my last decision (a stack, wherever the cursor is), A/R decide every
// identical finding at once, / filters, ? help. Everything happens in place, without page loads.

type BulkMatch = 'identical' | 'detector';
type BulkScope = 'audit' | 'batch';

export function queuePage(app: HTMLElement, params: URLSearchParams): () => void {
  const filters = filtersFrom(params);
  let items: Flag[] = [];
  let next: number | null = null;
  let total = 0;
  let sel = 0;
  let editing = false;
  let busy = false;
  // one page fetch at a time: a held j asks for the next page on every repeat
  let loadingMore: Promise<void> | null = null;
  // a new list (filters changed) makes pages of the old one worthless
  let generation = 0;
  let stats: Stats | null = null;
  const histories = new Map<number, Verdict[]>();
  const bulk = new Map<number, BulkCounts>();
  let focusId = Number(params.get('focus')) || null;

  const statusLine = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const alertLine = h('p', { class: 'alert', role: 'alert' });
  const counts = h('p', { class: 'counts', 'aria-live': 'polite' });
  const position = h('p', { class: 'position muted' });
  const precision = h('section', { class: 'precision', 'aria-label': 'Precision by detector' });
  const list = h('ol', { class: 'items', 'aria-label': 'Flags' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  const detail = h('section', { class: 'detail', 'aria-label': 'Selected flag' });

  const say = (msg: string): void => {
    alertLine.textContent = '';
    statusLine.textContent = msg;
  };
  const warn = (msg: string): void => {
    statusLine.textContent = '';
    alertLine.textContent = msg;
  };
  const bar = filterBar(
    filters,
    () => {
      history.replaceState(null, '', `#/queue?${filterQuery(filters)}`);
      void reload();
    },
    warn,
  );

  function renderStats(): void {
    if (!stats) return;
    counts.textContent = `${stats.pending} pending · ${stats.decided} decided · ${stats.flags} flags`;
    renderPrecision(precision, stats);
  }
  async function refreshStats(): Promise<void> {
    stats = await getJson<Stats>(`/api/stats?${filterQuery(filters, false)}`);
    renderStats();
  }
  function renderPosition(): void {
    position.textContent = items.length ? `${sel + 1} of ${Math.max(total, items.length)}` : '';
  }

  function listItem(f: Flag, i: number): HTMLElement {
    const span = spanText(f);
    const b = h(
      'button',
      {
        type: 'button',
        class: `item${i === sel ? ' sel' : ''}`,
        'aria-current': i === sel ? 'true' : undefined,
        'data-flag': f.id,
      },
      h(
        'span',
        { class: 'item-head' },
        severityBadge(f),
        ' ',
        h('span', { class: 'det' }, f.detector),
        ' ',
        stateBadge(f),
      ),
      // what to change comes first, so a cut line never hides the suggestion
      span && f.suggestion
        ? h('span', { class: 'item-sugg' }, h('q', {}, span), ' → ', h('q', {}, f.suggestion))
        : null,
      h('span', { class: 'item-msg' }, plainMessage(f.message)),
    );
    b.addEventListener('click', () => choose(i));
    return h('li', {}, b);
  }
  function renderList(): void {
    mount(list, ...items.map(listItem));
    more.hidden = next === null;
    renderPosition();
  }
  /** Moving the cursor re-marks two rows instead of rebuilding the list (a held j on thousands of flags). */
  function moveSelection(from: number): void {
    const rows = list.children;
    const mark = (i: number, on: boolean): void => {
      const b = rows[i]?.firstElementChild;
      if (!b) return;
      b.classList.toggle('sel', on);
      if (on) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    };
    mark(from, false);
    mark(sel, true);
    renderPosition();
  }

  function renderDetail(): void {
    const f = items[sel];
    if (!f) {
      mount(
        detail,
        h(
          'p',
          { class: 'empty-queue' },
          items.length === 0 ? 'Nothing to review with these filters.' : 'Select a flag.',
        ),
      );
      return;
    }
    const article = flagDetail(f, {
      history: histories.get(f.id),
      editing,
      bulk: bulk.get(f.id),
      onBulk: (match, scope, action) => void inOrder(() => decideMany(match, scope, action)),
      onAction: (action) => (action === 'correct' ? startEdit() : act(action)),
      onSave: (text) => {
        editing = false;
        act('correct', text);
      },
      onCancel: () => {
        editing = false;
        renderDetail();
        focusSelected();
        say('Correction cancelled.');
      },
      onInvalid: warn,
    });
    // how many identical findings a bulk decision would take in, once known (read by bench/review.ts)
    const counts = bulk.get(f.id);
    if (counts) article.setAttribute('data-identical', `${counts.identical.audit}/${counts.identical.batch ?? 0}`);
    mount(detail, article);
  }
  function focusSelected(): void {
    const b = list.querySelector<HTMLElement>('button.sel');
    if (!b) return;
    b.focus({ preventScroll: true });
    // Scroll the list only, never the page, so the selected flag's detail stays where the eyes are.
    const top = b.offsetTop - list.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + b.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top + b.offsetHeight - list.clientHeight;
  }
  /** The flag's history and what a bulk decision on it would take in, fetched after it is on screen. */
  async function loadExtras(f: Flag): Promise<void> {
    const [r, counts] = await Promise.all([
      getJson<FlagDetail>(`/api/flags/${f.id}`),
      f.audit_id !== null && !f.decision
        ? getJson<BulkCounts>(`/api/verdicts/bulk?flag=${f.id}`).catch(() => undefined)
        : undefined,
    ]);
    histories.set(f.id, r.history);
    if (counts) bulk.set(f.id, counts);
    const i = items.findIndex((x) => x.id === f.id);
    if (i >= 0) items[i] = r.flag;
    if (items[sel]?.id === f.id && !editing) renderDetail();
  }
  function choose(i: number): void {
    if (i < 0 || i >= items.length) return;
    const from = sel;
    sel = i;
    editing = false;
    moveSelection(from);
    renderDetail();
    focusSelected();
    void loadExtras(items[sel]!).catch(() => undefined);
    if (sel >= items.length - 3 && next !== null) void loadMore();
  }
  function startEdit(): void {
    const f = items[sel];
    if (!f || f.status === 'stale' || wholeArticle(f)) return;
    editing = true;
    renderDetail();
  }
  const signedIn = (): boolean => {
    if (getToken()) return true;
    warn('Sign in first: paste your token above (npm start prints a sign-in link).');
    return false;
  };
  const failed = (e: unknown): void => {
    if (e instanceof ApiError && e.status === 401)
      warn('Your sign-in token is missing or not valid: paste a token above.');
    else warn(`Could not save: ${(e as Error).message}`);
  };

  /** Verdicts are saved one after another, in the order given (the undo stack depends on it). */
  let saving: Promise<void> = Promise.resolve();
  const inOrder = (job: () => Promise<void>): Promise<void> => (saving = saving.then(job, job));
  let statsTimer: ReturnType<typeof setTimeout> | null = null;
  /** Counts after a burst of decisions: one request, not one per key. */
  const refreshStatsSoon = (): void => {
    if (statsTimer) return;
    statsTimer = setTimeout(() => {
      statsTimer = null;
      void refreshStats().catch(() => undefined);
    }, 250);
  };
  function renderRow(i: number): void {
    const li = list.children[i];
    if (li && items[i]) li.replaceWith(listItem(items[i]!, i));
  }

  /**
   * a / r / e: the next flag is shown at once and the verdict is saved behind it (the reviewer reads on while
   * the server answers); the status line says so once it is saved. A refusal brings the flag back on screen.
   */
  function act(action: Action, text?: string): void {
    const f = items[sel];
    if (!f || !signedIn()) return;
    if (action === 'undo') return void inOrder(() => undoThis(f));
    const at = sel;
    items[at] = {
      ...f,
      decision: { verdict_id: 0, action, text: text ?? null, reviewer_id: 0, reviewer: 'you (saving…)', at: '' },
    };
    const after = items.findIndex((x, i) => i > at && stateOf(x) === 'pending');
    const from = sel;
    sel = after >= 0 ? after : Math.min(at + 1, items.length - 1);
    editing = false;
    renderRow(at);
    moveSelection(from);
    renderDetail();
    focusSelected();
    if (items[sel] && items[sel]!.id !== f.id) void loadExtras(items[sel]!).catch(() => undefined);
    if (sel >= items.length - 3 && next !== null) void loadMore();
    void inOrder(async () => {
      try {
        const r = await postJson<VerdictCreated>(`/api/flags/${f.id}/verdicts`, {
          action,
          version: f.version,
          ...(text === undefined ? {} : { text }),
        });
        put(r.flag);
        histories.set(f.id, r.history);
        say(`Flag #${f.id} ${PAST[action]}.`);
      } catch (e) {
        const i = items.findIndex((x) => x.id === f.id);
        if (e instanceof ApiError && e.status === 409 && e.body.flag) {
          put(e.body.flag as Flag);
          histories.set(f.id, (e.body.history as Verdict[] | undefined) ?? []);
          if (i >= 0) choose(i);
          warn(`Flag #${f.id} was changed by someone else — reloaded. Check it and decide again.`);
        } else {
          put(f);
          if (i >= 0) choose(i);
          failed(e);
        }
      }
      refreshStatsSoon();
    });
  }
  /** Replaces a listed flag by its saved state (wherever it is now), and the detail when it is on screen. */
  function put(flag: Flag): void {
    const i = items.findIndex((x) => x.id === flag.id);
    if (i < 0) return;
    items[i] = flag;
    renderRow(i);
    if (i === sel && !editing) renderDetail();
  }
  /** The detail's "Undo this decision": the verdict on screen, whoever gave it (admins may undo others'). */
  async function undoThis(f: Flag): Promise<void> {
    const cur = items.find((x) => x.id === f.id) ?? f;
    try {
      const r = await postJson<VerdictCreated>(`/api/flags/${f.id}/verdicts`, { action: 'undo', version: cur.version });
      histories.set(f.id, r.history);
      put(r.flag);
      say(`Flag #${f.id} undone.`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body.flag)
        (put(e.body.flag as Flag), warn(`Flag #${f.id} was changed by someone else — reloaded.`));
      else failed(e);
    }
    refreshStatsSoon();
  }

  /** u: my own last decision, wherever it is; the flag comes back under the cursor. */
  async function undoLast(): Promise<void> {
    if (busy || !signedIn()) return;
    busy = true;
    try {
      const r = await postJson<UndoLast>('/api/verdicts/undo-last', {});
      if (r.undone.length === 1) {
        const i = items.findIndex((x) => x.id === r.flag.id);
        if (i >= 0) ((items[i] = r.flag), (sel = i));
        else items.splice(sel, 0, r.flag);
        histories.delete(r.flag.id);
        bulk.delete(r.flag.id);
        renderList();
        renderDetail();
        focusSelected();
        void loadExtras(r.flag).catch(() => undefined);
        say(`Flag #${r.flag.id} undone.`);
      } else {
        await reload(r.flag.id);
        say(`${r.undone.length} flags undone.`);
      }
      refreshStatsSoon();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) say('Nothing of yours to undo.');
      else failed(e);
    } finally {
      busy = false;
    }
  }

  async function decideMany(match: BulkMatch, scope: BulkScope, action: 'approve' | 'reject'): Promise<void> {
    const f = items[sel];
    if (!f || busy || !signedIn() || f.audit_id === null) return;
    busy = true;
    try {
      const r = await postJson<BulkCreated>('/api/verdicts/bulk', { flag: f.id, match, scope, action });
      // the list moves on to the first flag after this one that the decision left pending
      const after = items.slice(sel + 1).find((x) => !r.flags.includes(x.id) && stateOf(x) === 'pending');
      bulk.clear();
      await reload(filters.get('status') === 'pending' ? (after?.id ?? null) : f.id);
      say(
        match === 'identical'
          ? `${r.flags.length} identical findings ${PAST[action]}${scope === 'batch' ? ' in the whole batch' : ''}. u undoes them all.`
          : `${r.flags.length} “${f.detector}” findings dismissed in this audit. u undoes them all.`,
      );
      void refreshStats();
    } catch (e) {
      failed(e);
    } finally {
      busy = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (next === null || loadingMore) return;
    const gen = generation;
    loadingMore = (async () => {
      const r = await getJson<FlagPage>(`/api/flags?${filterQuery(filters)}&after=${next}`);
      if (gen !== generation) return;
      const seen = new Set(items.map((f) => f.id));
      items.push(...r.flags.filter((f) => !seen.has(f.id)));
      next = r.next;
      renderList();
    })();
    try {
      await loadingMore;
    } catch (e) {
      warn(`Could not load more flags: ${(e as Error).message}`);
    } finally {
      loadingMore = null;
    }
  }
  more.addEventListener('click', () => void loadMore());

  /** A new list for the filters; the cursor goes to `keep` when it is in it (or to focusId from the address). */
  async function load(keep: number | null = null): Promise<void> {
    const gen = ++generation;
    loadingMore = null;
    const r = await getJson<FlagPage>(`/api/flags?${filterQuery(filters)}`);
    if (gen !== generation) return;
    items = r.flags;
    next = r.next;
    total = r.total ?? items.length;
    sel = 0;
    const want = keep ?? focusId;
    if (want !== null) {
      const i = items.findIndex((f) => f.id === want);
      if (i >= 0) sel = i;
      else if (focusId !== null) {
        const one = await getJson<{ flag: Flag }>(`/api/flags/${focusId}`).catch(() => null);
        if (one) items.unshift(one.flag);
      }
      focusId = null;
    }
    renderList();
    renderDetail();
    focusSelected();
    if (items[sel]) void loadExtras(items[sel]!).catch(() => undefined);
  }
  /** load() whose failure empties the list and says so: a list that no longer matches its filters is not shown. */
  async function reload(keep: number | null = null): Promise<void> {
    try {
      await load(keep);
    } catch (e) {
      items = [];
      next = null;
      total = 0;
      renderList();
      renderDetail();
      warn(`Could not load the queue: ${(e as Error).message}`);
    }
    void refreshStats().catch(() => undefined);
  }

  const onKey = (e: KeyboardEvent): void => {
    const t = e.target as HTMLElement;
    if (
      e.ctrlKey ||
      e.metaKey ||
      e.altKey ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName ?? '') ||
      t.isContentEditable ||
      helpOpen()
    ) {
      if (e.key === 'Escape' && t.closest?.('form.filters')) (t.blur(), focusSelected());
      return;
    }
    const keys: Record<string, () => void> = {
      j: () => choose(sel + 1),
      k: () => choose(sel - 1),
      a: () => act('approve'),
      r: () => act('reject'),
      e: () => startEdit(),
      u: () => void inOrder(undoLast),
      A: () =>
        (bulk.get(items[sel]?.id ?? -1)?.identical.audit ?? 0) > 1 &&
        void inOrder(() => decideMany('identical', 'audit', 'approve')),
      R: () =>
        (bulk.get(items[sel]?.id ?? -1)?.identical.audit ?? 0) > 1 &&
        void inOrder(() => decideMany('identical', 'audit', 'reject')),
      B: () =>
        (bulk.get(items[sel]?.id ?? -1)?.identical.batch ?? 0) > 1 &&
        void inOrder(() => decideMany('identical', 'batch', 'approve')),
      '/': () => bar.form.querySelector<HTMLElement>('select, input')?.focus(),
      '?': () => showHelp(),
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

  const helpButton = h('button', { type: 'button', class: 'link', 'aria-keyshortcuts': '?' }, 'All keys (?)');
  helpButton.addEventListener('click', showHelp);
  mount(
    app,
    h('h1', {}, 'Review queue'),
    signInBox(),
    bar.form,
    h('div', { class: 'bar' }, counts, position, statusLine, alertLine),
    h('div', { class: 'queue' }, detail, h('aside', { class: 'side' }, list, more, precision)),
    h(
      'p',
      { class: 'keys muted' },
      'Keys: ',
      h('kbd', {}, 'j'),
      '/',
      h('kbd', {}, 'k'),
      ' next/previous · ',
      h('kbd', {}, 'a'),
      ' approve · ',
      h('kbd', {}, 'r'),
      ' reject · ',
      h('kbd', {}, 'e'),
      ' correct · ',
      h('kbd', {}, 'u'),
      ' undo my last · ',
      h('kbd', {}, '/'),
      ' filters · ',
      helpButton,
    ),
  );
  // the filter bar offers every detector of the audit, not only those the current filters leave
  const audit = filters.get('audit');
  void getJson<Stats>(`/api/stats${audit ? `?audit=${encodeURIComponent(audit)}` : ''}`)
    .then((all) => bar.render(all))
    .catch((e: Error) => warn(`Could not load counts: ${e.message}`));
  void reload();
  return () => {
    document.removeEventListener('keydown', onKey);
    clearInterval(poll);
  };
}
