import type { BatchReport, FlagCounts } from './report.js';

// The batch report as one self-contained HTML page (inline CSS and SVG, no scripts, no external
// resources). Every string from the data goes through esc(): paths and titles come from scraped input.

export function esc(s: string | number | null): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);

/** Horizontal bar chart of flags per category, as inline SVG. */
export function categoryChart(counts: FlagCounts): string {
  const entries = Object.entries(counts.byCategory).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!entries.length) return '<p>No flags.</p>';
  const max = Math.max(...entries.map(([, n]) => n));
  const rowH = 22;
  const labelW = 190;
  const barW = 320;
  const h = entries.length * rowH + 4;
  const rows = entries
    .map(([cat, n], i) => {
      const y = i * rowH + 2;
      const w = Math.max(1, Math.round((n / max) * barW));
      return (
        `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${esc(cat)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}" fill="#3b6ea5"/>` +
        `<text x="${labelW + w + 5}" y="${y + 15}">${n}</text>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Flags per category" width="${labelW + barW + 60}" ` +
    `height="${h}" font-family="sans-serif" font-size="12">${rows}</svg>`
  );
}

const counts = (c: FlagCounts): string =>
  Object.entries(c.bySeverity)
    .map(([k, v]) => `${esc(k)} ${v}`)
    .join(', ') || '0';

export function reportHtml(r: BatchReport): string {
  const stories = r.stories
    .map(
      (s) => `<section><h2>Audit ${s.audit}: ${esc(s.name)}</h2>
<table><thead><tr><th>Document</th><th>Role</th><th>Lang</th><th>Sentences</th><th>Coverage</th><th>Spin score</th><th>Flags</th></tr></thead><tbody>
${s.documents
  .map(
    (d) =>
      `<tr><td>${esc(d.path)}${d.document === s.pivot ? ' <em>(pivot)</em>' : ''}</td><td>${esc(d.role)}</td><td>${esc(d.lang)}</td>` +
      `<td>${d.sentences}</td><td>${pct(d.coverage)}</td><td>${pct(d.spinScore)}</td><td>${d.flags.total} (${counts(d.flags)})</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`,
    )
    .join('\n');
  const refused = r.refused.length
    ? `<section><h2>Refused inputs</h2><ul>${r.refused.map((x) => `<li>${esc(x.item)}: ${esc(x.message)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tapat batch report</title>
<style>body{font:14px/1.4 sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}th{background:#f3f3f3}h2{font-size:1.1em}</style></head>
<body><h1>tapat batch report</h1>
<p>${r.stories.length} stories, ${r.documents} documents, ${r.flags.total} flags (${counts(r.flags)}), ${r.refused.length} inputs refused.</p>
<h2>Flags per category</h2>
${categoryChart(r.flags)}
${stories}
${refused}
</body></html>
`;
}
