// Paragraphs of a document: blank-line separated blocks; inside a block, each line is its own paragraph
// (scraped text often puts one paragraph per line, as seed 002 does) unless the block is hard-wrapped
// prose, whose lines are joined. List items, headings and quote lines always start a paragraph, and their
// markup ("- ", "* ", "• ", "– ", "1. ", "# ", "> ") is skipped so that sentences start at the words.

export interface Paragraph {
  start: number; // first character of the content (after any list/heading marker)
  end: number; // end of the last line's content (before its line break)
  heading: boolean; // a Markdown "# " heading
}

interface Line {
  start: number;
  end: number; // before \r\n / \n
  content: number; // after leading spaces and markup
  marker: 'heading' | 'item' | null;
}

const MARKER_RE = /^[ \t]{0,3}(?:(#{1,6})[ \t]+|(?:[-*+•–]|\d{1,3}[.)])[ \t]+|>[ \t]?)/;
const SENTENCE_END_RE = /[.!?…:;"”’)\]]\s*$/;

/** Lines ending in \n, \r\n or a lone \r (old Mac files); `end` excludes the line break. */
function readLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n?|\n/g;
  let pos = 0;
  while (pos <= text.length) {
    breaks.lastIndex = pos;
    const br = breaks.exec(text);
    const end = br ? br.index : text.length;
    const raw = text.slice(pos, Math.min(end, pos + 16)); // markers are short: never copy a huge line
    const m = MARKER_RE.exec(raw);
    const marker = m ? (m[1] ? 'heading' : /^[ \t]{0,3}>/.test(raw) ? null : 'item') : null;
    let content = pos + (m ? m[0].length : 0);
    while (content < end && (text[content] === ' ' || text[content] === '\t')) content++;
    lines.push({ start: pos, end, content, marker });
    pos = br ? br.index + br[0].length : text.length + 1;
  }
  return lines;
}

/** Lines of prose wrapped at a width: most line breaks fall mid-sentence, before a lower-case word. */
function isWrapped(text: string, block: Line[]): boolean {
  let breaks = 0;
  let soft = 0;
  for (let i = 1; i < block.length; i++) {
    const prev = block[i - 1]!;
    const cur = block[i]!;
    if (cur.marker) continue;
    breaks++;
    const tail = text.slice(Math.max(prev.start, prev.end - 4), prev.end);
    if (!SENTENCE_END_RE.test(tail) && /^[\p{Ll}\p{N}]/u.test(text.slice(cur.content, cur.content + 1))) soft++;
  }
  return breaks > 0 && soft * 2 >= breaks;
}

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let block: Line[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    const wrapped = isWrapped(text, block);
    let cur: Paragraph | null = null;
    for (const line of block) {
      const indentedContinuation =
        cur !== null && line.marker === null && /^[ \t]{2,}/.test(text.slice(line.start, line.start + 2));
      if (cur && line.marker === null && (wrapped || indentedContinuation)) {
        cur.end = line.end;
        continue;
      }
      if (cur) out.push(cur);
      cur = { start: line.content, end: line.end, heading: line.marker === 'heading' };
    }
    if (cur) out.push(cur);
    block = [];
  };
  for (const line of readLines(text)) {
    if (/\S/.test(text.slice(line.start, line.end))) block.push(line);
    else flush();
  }
  flush();
  return out;
}
