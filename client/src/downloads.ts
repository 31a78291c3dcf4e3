import { h } from './dom.js';
import { download } from './api.js';

// Every export of an audit from the page that shows it: the corrected copy of each version (txt, md, html)
// and the reviewed pairs (TMX, XLIFF, CSV, JSONL). Links fetch with the sign-in token (a plain link would not
// carry it) and the server names the file.

const PAIRS: [string, string][] = [
  ['tmx', 'TMX'],
  ['xliff', 'XLIFF'],
  ['csv', 'CSV'],
  ['jsonl', 'JSONL'],
];
const COPIES = ['txt', 'md', 'html'];

export interface DownloadVersion {
  document_id: number;
  label: string;
}

function link(path: string, label: string, name: string, onError: (m: string) => void): HTMLElement {
  const a = h('a', { href: path, class: 'dl', 'data-format': label.toLowerCase() }, label);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    download(path, name).catch((err: Error) => onError(`Could not download ${name}: ${err.message}`));
  });
  return a;
}

/** The download box of an audit; `only` narrows it to one document (the document page). */
export function downloads(auditId: number, versions: DownloadVersion[], only?: number): HTMLElement {
  const alert = h('p', { class: 'alert', role: 'alert' });
  const say = (m: string): void => void (alert.textContent = m);
  const base = `/api/audits/${auditId}/export`;
  const doc = only === undefined ? '' : `&document=${only}`;
  return h(
    'details',
    { class: 'downloads' },
    h('summary', {}, 'Download corrected copies and reviewed pairs'),
    h(
      'ul',
      {},
      ...versions
        .filter((v) => only === undefined || v.document_id === only)
        .map((v) =>
          h(
            'li',
            {},
            `Corrected copy of ${v.label}: `,
            ...COPIES.flatMap((f, i) => [
              i ? ' · ' : '',
              link(
                `${base}?format=${f}&document=${v.document_id}`,
                f.toUpperCase(),
                `audit-${auditId}-doc-${v.document_id}.${f}`,
                say,
              ),
            ]),
          ),
        ),
      h(
        'li',
        {},
        'Reviewed pairs: ',
        ...PAIRS.flatMap(([f, label], i) => [
          i ? ' · ' : '',
          link(`${base}?format=${f}${doc}`, label, `audit-${auditId}.${f}`, say),
        ]),
      ),
    ),
    alert,
  );
}
