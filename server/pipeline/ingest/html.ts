import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import { InputError } from '../../errors.js';

// HTML → main text. Readability (Firefox Reader View's library) picks the article; we then flatten its
// DOM to text ourselves so that block elements become paragraphs separated by blank lines (Readability's
// own textContent runs paragraphs together, which would wreck sentence and paragraph boundaries).

// The DOM and Readability are loaded with the first HTML page (their CommonJS builds, so that ingest
// stays synchronous): most batches are JSONL records or plain text, and loading them was most of a batch
// worker's start-up.
const require = createRequire(import.meta.url);
let libs: { Readability: typeof ReadabilityClass; parseHTML: typeof ParseHtml } | null = null;
function htmlLibs(): NonNullable<typeof libs> {
  return (libs ??= {
    Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
    parseHTML: (require('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML,
  });
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface HtmlText {
  title: string | null;
  text: string;
}

const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM ' +
    'H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL BR'
  ).split(' '),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'HEAD']);
type ReadabilityInput = ConstructorParameters<typeof ReadabilityClass>[0];
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Block-structured text of a DOM subtree: one paragraph per block element, blank line between. */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

// Readability's cost grows steeply with nesting depth (2,000 nested divs take minutes), and the flattening
// walk recurses per level: pages nested deeper than READABILITY_MAX_DEPTH are flattened without
// Readability, and absurd nesting is refused rather than risking a hang or a stack overflow.
const READABILITY_MAX_DEPTH = 256;
const MAX_DEPTH = 2000;
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));

/** Approximate element nesting depth from the tag stream (cheap; no DOM needed). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID.has(name)) max = Math.max(max, ++depth);
  }
  return max;
}

/** linkedom builds no document element for fragments (JSONL "html" fields, bare text): give them one. */
function parseDocument(html: string): ReturnType<typeof ParseHtml>['document'] {
  return htmlLibs().parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

export function htmlToText(html: string, path?: string): HtmlText {
  const depth = nestingDepth(html);
  if (depth > MAX_DEPTH) throw new InputError(`HTML is nested ${depth} levels deep (limit ${MAX_DEPTH})`, path);
  const document = parseDocument(html);
  const docTitle = (document.title ?? '').trim() || null;
  const useReadability = depth <= READABILITY_MAX_DEPTH;
  const article = useReadability
    ? new (htmlLibs().Readability)<DomNode>(document as unknown as ReadabilityInput, { serializer: (n) => n as unknown as DomNode }).parse()
    : null;
  const fromArticle = article?.content ? blockText(article.content) : '';
  if (fromArticle) return { title: article?.title?.trim() || docTitle, text: fromArticle };
  // No article (tiny pages, bare fragments in JSONL records, too deep for Readability), and Readability may
  // have mutated the document: read the whole page afresh (its head, scripts and styles are skipped).
  return { title: article?.title?.trim() || docTitle, text: blockText((useReadability ? parseDocument(html) : document) as unknown as DomNode) };
}
