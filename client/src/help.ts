import { h } from './dom.js';

// The `?` overlay: every key of the queue in one place, over the page (the native <dialog> handles focus
// and Escape).

const KEYS: [string, string][] = [
  ['j', 'next flag'],
  ['k', 'previous flag'],
  ['a', 'approve: the flag is right; apply its suggestion'],
  ['r', 'reject: the flag is wrong; keep the text'],
  ['e', 'correct: write the fix yourself (Enter saves, Esc cancels)'],
  ['u', 'undo my last decision (again to go further back)'],
  ['A', 'approve every identical finding in this audit'],
  ['R', 'reject every identical finding in this audit'],
  ['B', 'approve every identical finding in the whole batch'],
  ['/', 'filters'],
  ['?', 'this help'],
];

let dialog: HTMLDialogElement | null = null;

export function showHelp(): void {
  if (!dialog) {
    const close = h('button', { type: 'button', class: 'close' }, 'Close');
    dialog = h(
      'dialog',
      { class: 'help', 'aria-labelledby': 'help-title' },
      h('h2', { id: 'help-title' }, 'Keys'),
      h(
        'table',
        {},
        h('tbody', {}, ...KEYS.map(([k, what]) => h('tr', {}, h('td', {}, h('kbd', {}, k)), h('td', {}, what)))),
      ),
      h('p', { class: 'muted' }, 'Esc closes this help.'),
      close,
    );
    close.addEventListener('click', () => dialog?.close());
    document.body.append(dialog);
  }
  if (!dialog.open) dialog.showModal();
}

export const helpOpen = (): boolean => dialog?.open ?? false;
