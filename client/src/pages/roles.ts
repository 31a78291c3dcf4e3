import { h, mount } from '../dom.js';
import { ApiError, postJson } from '../api.js';
import type { RoleChange, ViewVersion } from '../types.js';

// The story's versions with their roles, editable: which is the original, which the spin, which a
// translation. A change is previewed (what the re-analysis would do to the flags) before it is applied.

const ROLES: [ViewVersion['role'], string][] = [
  ['source', 'original (source)'],
  ['spin', 'spun copy'],
  ['translation', 'translation'],
  ['unknown', 'unknown'],
];

export function rolesEditor(
  auditId: number,
  versions: ViewVersion[],
  nameOf: (v: ViewVersion) => string,
  onApplied: () => void,
): HTMLElement {
  const chosen = new Map(versions.map((v) => [v.document_id, v.role]));
  const effect = h('div', { class: 'role-effect', 'aria-live': 'polite' });
  const preview = h('button', { type: 'button', class: 'preview', disabled: true }, 'Preview the change');
  const changed = (): boolean => versions.some((v) => chosen.get(v.document_id) !== v.role);
  const body = (apply: boolean) => ({ roles: Object.fromEntries(chosen), apply });
  const name = (id: number): string => {
    const v = versions.find((x) => x.document_id === id);
    return v ? nameOf(v) : `#${id}`;
  };
  const fail = (e: unknown): void =>
    mount(
      effect,
      h(
        'p',
        { class: 'alert', role: 'alert' },
        e instanceof ApiError && e.status === 401
          ? 'Sign in first to change roles.'
          : `Not possible: ${(e as Error).message}`,
      ),
    );

  preview.addEventListener('click', () => {
    postJson<RoleChange>(`/api/audits/${auditId}/roles`, body(false))
      .then((c) => {
        const apply = h('button', { type: 'button', class: 'act act-approve apply' }, 'Apply: re-analyse the story');
        apply.addEventListener('click', () => {
          apply.disabled = true;
          postJson<RoleChange>(`/api/audits/${auditId}/roles`, body(true)).then(onApplied, fail);
        });
        mount(
          effect,
          h(
            'ul',
            {},
            h(
              'li',
              {},
              c.pivot.before === c.pivot.after
                ? `The other versions stay aligned to ${name(c.pivot.after)}.`
                : `${name(c.pivot.after)} becomes the original the others are aligned to.`,
            ),
            ...c.spinFlags
              .filter((s) => s.before !== s.after)
              .map((s) => h('li', {}, `Spin flags on ${name(s.document_id)}: ${s.before} → ${s.after}.`)),
            h(
              'li',
              {},
              `${c.added} new flags; ${c.staled} flags no longer apply${c.staledDecided ? ` (${c.staledDecided} of them decided: their verdicts stay in the history)` : ''}.`,
            ),
          ),
          apply,
        );
      })
      .catch(fail);
  });

  const rows = versions.map((v) => {
    const sel = h(
      'select',
      { class: 'role', 'data-doc': v.document_id, 'aria-label': `Role of ${nameOf(v)}` },
      ...ROLES.map(([r, t]) => h('option', { value: r, selected: r === v.role }, t)),
    );
    sel.addEventListener('change', () => {
      // the select's options are ROLES, so its value is one of them
      chosen.set(v.document_id, ROLES.find(([r]) => r === sel.value)?.[0] ?? v.role);
      preview.disabled = !changed();
      mount(effect);
    });
    return h(
      'li',
      {},
      h('a', { href: `#/documents/${v.document_id}` }, nameOf(v)),
      ` (${v.lang}${v.pivot ? ', the original the others are aligned to' : ''}): `,
      sel,
    );
  });
  return h(
    'details',
    { class: 'roles' },
    h('summary', {}, 'Versions and their roles'),
    h('ul', {}, ...rows),
    preview,
    effect,
  );
}
