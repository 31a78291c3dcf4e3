import type { Mark } from '../../types.js';
import type { Block } from './blocks.js';

// Page-level passes over the blocks of an article: each block becomes a paragraph of the document text, and the
// blocks found to be junk become marks (ranges with a reason) that segmentation turns into boilerplate segments.
// The passes, in order of precedence: the structure the block sits in (hints.ts); link-dense short blocks (menus,
// "more stories" lists); repeats of junk blocks (gallery captions); blocks the page's own JSON-LD articleBody
// does not contain. The headline stays article text, as in plain-text input: a title is translated and audited
// like any sentence (the benchmark leaves it out, which costs 0.0002 F1).

export interface PageText {
  text: string;
  marks: Mark[];
}

const norm = (t: string): string =>
  t
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const wordCount = (t: string): number => (t.match(/\S+/g) ?? []).length;

/** Link text share at which a short block reads as navigation rather than prose. */
const LINK_DENSITY = 0.7;
const LINK_BLOCK_MAX_WORDS = 20;
/** articleBody must cover this share of the candidate text's word trigrams to be trusted… */
const JSONLD_TRUST = 0.6;
/** …and a block then needs this share of its trigrams in articleBody to stay article text. */
const JSONLD_KEEP = 0.35;

function trigrams(normalised: string): string[] {
  const w = normalised.split(' ').filter(Boolean);
  if (w.length < 3) return w.length ? [w.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + 3 <= w.length; i++) out.push(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

export function pageText(blocks: Block[], opts: { articleBody: string | null }): PageText {
  const reasons: (string | null)[] = blocks.map((b) => b.hint);
  const keys = blocks.map((b) => norm(b.text));

  blocks.forEach((b, i) => {
    if (reasons[i] === null && b.linkChars >= b.text.length * LINK_DENSITY && wordCount(b.text) <= LINK_BLOCK_MAX_WORDS)
      reasons[i] = 'link-list';
  });

  // Repeats: a copy of a block the structure marked (a caption shown again in a gallery strip), or a block
  // that repeats the one just before it. Repeats alone are not enough: menus, schedules and recipes repeat
  // their rows on purpose.
  const structural = new Set(keys.filter((_, i) => reasons[i] !== null && blocks[i]!.hint !== null));
  blocks.forEach((b, i) => {
    if (reasons[i] !== null || !/\p{L}/u.test(b.text)) return;
    const key = keys[i]!;
    if (structural.has(key) || (i > 0 && keys[i - 1] === key)) reasons[i] = 'repeated-block';
  });

  if (opts.articleBody) {
    const body = new Set(trigrams(norm(opts.articleBody)));
    const grams = keys.map(trigrams);
    let total = 0;
    let covered = 0;
    grams.forEach((g, i) => {
      if (reasons[i] !== null) return;
      total += g.length;
      covered += g.filter((x) => body.has(x)).length;
    });
    if (total > 0 && covered >= total * JSONLD_TRUST) {
      grams.forEach((g, i) => {
        if (reasons[i] === null && g.length > 0 && g.filter((x) => body.has(x)).length < g.length * JSONLD_KEEP)
          reasons[i] = 'outside-article-body';
      });
    }
  }

  let text = '';
  const marks: Mark[] = [];
  blocks.forEach((b, i) => {
    if (text) text += '\n\n';
    const reason = reasons[i];
    if (reason) marks.push({ start: text.length, end: text.length + b.text.length, reason });
    text += b.text;
  });
  return { text, marks };
}
