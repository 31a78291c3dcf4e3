import { h, mount } from '../dom.js';
import { pct } from '../flagui.js';
import type { Stats } from '../types.js';

/** The per-detector figures beside the queue, over the same filters as the list. */
export function renderPrecision(el: HTMLElement, stats: Stats): void {
  mount(
    el,
    h('h2', {}, 'Precision by detector'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Detector'),
          h('th', { scope: 'col' }, 'Decided'),
          h('th', { scope: 'col' }, 'Pending'),
          h('th', { scope: 'col' }, 'Precision'),
        ),
      ),
      h(
        'tbody',
        {},
        ...stats.detectors.map((d) =>
          h(
            'tr',
            {},
            h('td', {}, d.detector),
            h('td', {}, String(d.decided)),
            h('td', {}, String(d.pending)),
            h('td', {}, d.precision === null ? '—' : pct(d.precision)),
          ),
        ),
      ),
    ),
  );
}
