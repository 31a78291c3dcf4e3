import { h, mount } from '../dom.js';
import { getJson, me } from '../api.js';
import type { ReviewerProgress } from '../types.js';

// Per-reviewer progress: decided today and in all (verdicts that still decide their flag), audits assigned,
// and what is pending in them.

export async function progressPage(app: HTMLElement): Promise<void> {
  const [{ reviewers }, who] = await Promise.all([
    getJson<{ reviewers: ReviewerProgress[] }>('/api/progress'),
    me().catch(() => null),
  ]);
  mount(
    app,
    h('h1', {}, 'Progress'),
    who
      ? h('p', {}, h('a', { class: 'button', href: `#/queue?assignee=${who.id}` }, 'Review my assigned audits'))
      : null,
    h(
      'table',
      { class: 'list progress' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Reviewer', 'Decided today', 'Decided in all', 'Audits assigned', 'Pending in them'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...reviewers.map((r) =>
          h(
            'tr',
            { 'data-reviewer': r.name },
            h('td', {}, r.name, r.role === 'admin' ? h('span', { class: 'muted' }, ' (admin)') : null),
            h('td', {}, String(r.decided_today)),
            h('td', {}, String(r.decided)),
            h('td', {}, String(r.assigned_audits)),
            h(
              'td',
              {},
              r.pending_assigned ? h('a', { href: `#/queue?assignee=${r.id}` }, String(r.pending_assigned)) : '0',
            ),
          ),
        ),
      ),
    ),
  );
}
