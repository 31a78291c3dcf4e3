import { h, mount } from '../dom.js';
import { ApiError, getJson, getToken, postText } from '../api.js';
import { signInBox } from '../signin.js';
import type { BatchCreated, RunProgress } from '../types.js';

// Upload a batch from the browser (admins): a folder or files of articles (.txt, .md, .html) or a JSONL batch.
// The server takes JSONL records, so files become records here ({url: their path, title, text|html}); the
// batch runs on the server while this page polls the newest run for its progress.

const ARTICLE = /\.(txt|md|html?)$/i;

/** One JSONL line per article file; a .jsonl file's own lines as they are. */
export async function toJsonl(files: File[]): Promise<{ jsonl: string; skipped: string[] }> {
  const lines: string[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    const path = f.webkitRelativePath || f.name;
    const text = await f.text();
    if (/\.jsonl$/i.test(f.name)) lines.push(...text.split('\n').filter((l) => l.trim()));
    else if (ARTICLE.test(f.name)) {
      const title = f.name.replace(/\.[^.]+$/, '');
      lines.push(
        JSON.stringify(/\.html?$/i.test(f.name) ? { url: path, title, html: text } : { url: path, title, text }),
      );
    } else skipped.push(path);
  }
  return { jsonl: lines.join('\n'), skipped };
}

export function uploadPage(app: HTMLElement): () => void {
  const files = h('input', { type: 'file', id: 'up-files', multiple: true, accept: '.txt,.md,.html,.htm,.jsonl' });
  const folder = h('input', { type: 'file', id: 'up-folder', webkitdirectory: true, multiple: true });
  const go = h('button', { type: 'submit', class: 'act act-approve' }, 'Upload and audit');
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Batch progress' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const alert = h('p', { class: 'alert', role: 'alert' });
  const result = h('div', { class: 'upload-result' });
  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = (): void => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  const form = h(
    'form',
    { class: 'upload' },
    h('label', { for: 'up-files' }, 'Article files (.txt, .md, .html) or a JSONL batch', files),
    h('label', { for: 'up-folder' }, 'or a whole folder', folder),
    go,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    alert.textContent = '';
    mount(result);
    if (!getToken()) return void (alert.textContent = 'Sign in first (an admin token): paste it above.');
    const chosen = [...(files.files ?? []), ...(folder.files ?? [])];
    if (!chosen.length) return void (alert.textContent = 'Choose files or a folder first.');
    const { jsonl, skipped } = await toJsonl(chosen);
    const records = jsonl ? jsonl.split('\n').length : 0;
    if (!records)
      return void (alert.textContent = `No articles among the ${chosen.length} files (.txt, .md, .html or .jsonl).`);
    go.disabled = true;
    progress.hidden = false;
    progress.max = records;
    progress.value = 0;
    status.textContent = `Sending ${records} records${skipped.length ? ` (${skipped.length} other files skipped)` : ''}…`;
    const before =
      (await getJson<{ run: RunProgress | null }>('/api/batches/latest').catch(() => ({ run: null }))).run?.id ?? 0;
    timer = setInterval(() => {
      void getJson<{ run: RunProgress | null }>('/api/batches/latest')
        .then(({ run }) => {
          if (!run || run.id <= before || !timer) return;
          progress.value = Math.min(run.items, records);
          status.textContent = `Batch run ${run.id}: ${run.items} of ${records} records in, ${run.refused} refused, ${run.audits} stories audited so far…`;
        })
        .catch(() => undefined);
    }, 500);
    try {
      const r = await postText<BatchCreated>('/api/batches', jsonl, 'application/x-ndjson');
      stop();
      progress.value = records;
      status.textContent = `Batch run ${r.run} done: ${r.documents} documents, ${r.audits.length} audits, ${r.refused.length} refused.`;
      mount(
        result,
        r.refused.length
          ? h('ul', { class: 'refused' }, ...r.refused.slice(0, 50).map((x) => h('li', {}, `${x.item}: ${x.message}`)))
          : null,
        h(
          'p',
          {},
          h('a', { class: 'button', href: '#/' }, 'See the audits'),
          ' ',
          h('a', { class: 'button', href: '#/queue' }, 'Review the flags'),
        ),
      );
    } catch (e) {
      stop();
      const why =
        e instanceof ApiError && e.status === 403 ? 'uploading batches needs an admin token' : (e as Error).message;
      alert.textContent = `Upload refused: ${why}`;
    } finally {
      go.disabled = false;
    }
  }

  // A batch spread over `tapat worker` processes (PostgreSQL) runs without this page: while the newest one is
  // unfinished, its phase and progress are shown and followed.
  const distributed = h('p', { class: 'distributed', role: 'status', 'aria-live': 'polite', hidden: true });
  let follow: ReturnType<typeof setTimeout> | null = null;
  const showDistributed = async (): Promise<void> => {
    follow = null;
    const run = (await getJson<{ run: RunProgress | null }>('/api/batches/latest').catch(() => ({ run: null }))).run;
    const d = run?.distributed;
    if (!d) return;
    distributed.hidden = false;
    distributed.textContent = `Distributed batch (tapat worker): ${d.line}${run.status === 'failed' ? ' — failed' : ''}`;
    if (d.phase !== 'done' && run.status === 'running' && app.contains(distributed))
      follow = setTimeout(() => void showDistributed(), 2000);
  };
  if (getToken()) void showDistributed();

  mount(app, h('h1', {}, 'Upload a batch'), signInBox(), distributed, form, progress, status, alert, result);
  return () => {
    stop();
    if (follow) clearTimeout(follow);
  };
}
