import { h } from '../dom.js';
import { decorate, wordDiff, type Mark } from '../highlight.js';
import { pct, severityBadge, spanText, stateBadge, PAST, type Action } from '../flagui.js';
import { hasFigures, MEANING, plainMessage, wholeArticle } from '../plain.js';
import type { BulkCounts, Flag, Verdict } from '../types.js';

// One flag in full: both sides with the flagged span and word differences, the suggestion, the current
// decision, the verdict buttons, the inline correction editor and the history.

export interface DetailHandlers {
  history: Verdict[] | undefined;
  editing: boolean;
  onAction(action: Action): void;
  onSave(text: string): void;
  onCancel(): void;
  onInvalid(message: string): void;
  /** what bulk decisions on this flag would decide, once known */
  bulk?: BulkCounts | undefined;
  onBulk?(match: 'identical' | 'detector', scope: 'audit' | 'batch', action: 'approve' | 'reject'): void;
}

function spanMarks(f: Flag): Mark[] {
  if (f.start === null || f.end === null || f.excerpt_start === null) return [];
  return [
    {
      start: f.start - f.excerpt_start,
      end: f.end - f.excerpt_start,
      cls: `flagged flagged-${f.severity}`,
      title: f.message,
      after: f.suggestion ?? undefined,
    },
  ];
}

function historyList(hist: Verdict[]): HTMLElement {
  return h(
    'details',
    { class: 'history' },
    h('summary', {}, `History (${hist.length})`),
    h(
      'ol',
      {},
      ...hist.map((v) =>
        h(
          'li',
          { class: v.undone_by ? 'undone' : undefined },
          `${v.created_at.slice(0, 16).replace('T', ' ')} ${v.reviewer}: ${v.action}`,
          v.text ? h('span', {}, ' ', h('q', {}, v.text)) : null,
          v.undone_by ? ' (undone)' : '',
        ),
      ),
    ),
  );
}

/** The detail article; when editing, the editor is focused as soon as the article is in the page. */
export function flagDetail(f: Flag, o: DetailHandlers): HTMLElement {
  const sameLang = f.other_excerpt !== null && f.other_document_lang === f.document_lang;
  const diff = sameLang ? wordDiff(f.other_excerpt!, f.excerpt) : null;
  const d = f.decision;
  const target = spanText(f);
  // A correction replaces the flagged span (or, for a flag without one, its sentences).
  const editor = h('textarea', { id: 'correction', rows: 2, 'aria-describedby': 'correction-help' });
  editor.value = d?.action === 'correct' ? (d.text ?? '') : (f.suggestion ?? target ?? f.excerpt);
  const editForm = h(
    'form',
    { class: 'correct', hidden: !o.editing },
    h('label', { for: 'correction' }, target ? `Replace “${target}” with` : 'Corrected sentence'),
    editor,
    h('span', { id: 'correction-help', class: 'muted' }, 'Enter saves · Esc cancels · Shift+Enter new line'),
  );
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      const text = editor.value.trim();
      if (text) o.onSave(text);
      else o.onInvalid('A correction needs its corrected text.');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      o.onCancel();
    }
  });
  editForm.addEventListener('submit', (e) => e.preventDefault());
  const button = (action: Action, label: string, key: string, disabled: boolean, title?: string): HTMLElement => {
    const b = h(
      'button',
      { type: 'button', class: `act act-${action}`, 'aria-keyshortcuts': key, disabled, title },
      label,
      ' ',
      h('kbd', {}, key),
    );
    b.addEventListener('click', () => o.onAction(action));
    return b;
  };
  const stale = f.status === 'stale';
  const article = h(
    'article',
    { class: 'flag-detail', 'data-flag': f.id, 'data-version': f.version },
    h(
      'header',
      {},
      severityBadge(f),
      ' ',
      h('strong', {}, f.detector),
      ' ',
      h('span', { class: 'muted' }, `${f.category} · confidence ${pct(f.confidence)}`),
      ' ',
      stateBadge(f),
      h(
        'span',
        { class: 'muted ver' },
        f.audit_id !== null
          ? h('a', { href: `#/audits/${f.audit_id}` }, 'in its audit')
          : h('a', { href: `#/documents/${f.document_id}` }, 'document'),
        ` · flag #${f.id} · v${f.version}`,
      ),
    ),
    h('p', { class: 'message' }, plainMessage(f.message)),
    h(
      'div',
      { class: 'pair' },
      h(
        'figure',
        {},
        h('figcaption', {}, `Flagged (${f.document_lang})`),
        h('blockquote', { lang: f.document_lang }, ...decorate(f.excerpt, [...(diff?.b ?? []), ...spanMarks(f)])),
      ),
      f.other_excerpt !== null
        ? h(
            'figure',
            {},
            h('figcaption', {}, `Other side (${f.other_document_lang ?? '?'})`),
            h('blockquote', { lang: f.other_document_lang ?? undefined }, ...decorate(f.other_excerpt, diff?.a ?? [])),
          )
        : null,
    ),
    f.suggestion ? h('p', {}, 'Suggestion: ', h('q', { class: 'sugg-text' }, f.suggestion)) : null,
    d
      ? h(
          'p',
          { class: 'decision' },
          `${PAST[d.action]} by ${d.reviewer}`,
          d.action === 'correct' ? h('span', {}, ': ', h('q', {}, d.text ?? '')) : null,
        )
      : null,
    h(
      'div',
      { class: 'actions', role: 'group', 'aria-label': 'Verdict' },
      button('approve', 'Approve', 'a', stale, f.suggestion ? MEANING.approve : MEANING.approveNone),
      button('reject', 'Reject', 'r', stale, MEANING.reject),
      // a finding about whole articles names no sentence: there is nothing to correct in place
      wholeArticle(f) ? null : button('correct', 'Correct…', 'e', stale, MEANING.correct),
      d ? undoThis(o) : null,
    ),
    h(
      'p',
      { class: 'meaning muted' },
      h('strong', {}, 'Approve'),
      `: ${f.suggestion ? 'the flag is right; apply its suggestion' : 'the flag is right; apply its suggestion (none here: the finding is confirmed)'}. `,
      h('strong', {}, 'Reject'),
      ': the flag is wrong; keep the text.',
      wholeArticle(f) ? null : h('span', {}, ' ', h('strong', {}, 'Correct'), ': write the fix yourself.'),
    ),
    bulkActions(f, o),
    editForm,
    hasFigures(f.message) || Object.keys(f.evidence ?? {}).length
      ? h(
          'details',
          { class: 'figures' },
          h('summary', {}, 'Figures'),
          h('p', { class: 'muted' }, f.message),
          h('pre', {}, JSON.stringify(f.evidence ?? {}, null, 1)),
        )
      : null,
    o.history?.length ? historyList(o.history) : null,
  );
  if (o.editing) {
    queueMicrotask(() => {
      editor.focus();
      editor.select();
    });
  }
  return article;
}

/** "Apply to all N identical findings" and "dismiss this detector in this audit", for a pending flag of an audit. */
function bulkActions(f: Flag, o: DetailHandlers): HTMLElement | null {
  const b = o.bulk;
  if (!b || !o.onBulk || f.decision || f.status === 'stale') return null;
  const on = o.onBulk;
  const btn = (cls: string, label: string, key: string | null, run: () => void): HTMLElement => {
    const el = h(
      'button',
      { type: 'button', class: `bulk ${cls}`, 'aria-keyshortcuts': key ?? undefined },
      label,
      key ? ' ' : null,
      key ? h('kbd', {}, key) : null,
    );
    el.addEventListener('click', run);
    return el;
  };
  const n = b.identical.audit;
  const parts: (HTMLElement | null)[] = [
    n > 1
      ? btn('bulk-identical', `Approve all ${n} identical in this audit`, 'A', () =>
          on('identical', 'audit', 'approve'),
        )
      : null,
    n > 1
      ? btn('bulk-identical-reject', `Reject all ${n} identical`, 'R', () => on('identical', 'audit', 'reject'))
      : null,
    b.identical.batch !== null && b.identical.batch > n
      ? btn('bulk-batch', `Approve all ${b.identical.batch} identical in the whole batch`, 'B', () =>
          on('identical', 'batch', 'approve'),
        )
      : null,
    b.detector > 1
      ? btn('bulk-dismiss', `Dismiss all ${b.detector} “${f.detector}” findings in this audit`, null, () =>
          on('detector', 'audit', 'reject'),
        )
      : null,
  ];
  return parts.some(Boolean)
    ? h('div', { class: 'bulk-actions', role: 'group', 'aria-label': 'Decide many at once' }, ...parts)
    : null;
}

/** Undo the decision on screen (the `u` key undoes the reviewer's own last decision, wherever it is). */
function undoThis(o: DetailHandlers): HTMLElement {
  const b = h('button', { type: 'button', class: 'act act-undo' }, 'Undo this decision');
  b.addEventListener('click', () => o.onAction('undo'));
  return b;
}
