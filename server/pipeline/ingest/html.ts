import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import { InputError } from '../../errors.js';
import type { Mark } from '../types.js';
import { markHints, unmarked, walkBlocks, type DomNode } from './extract/blocks.js';
import { jsonLdArticleBody } from './extract/jsonld.js';
import { pageText } from './extract/page.js';

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

export interface HtmlText {
  title: string | null;
  text: string;
  /** Ranges of `text` that are page furniture by the page's structure (extract/page.ts). */
  marks: Mark[];
}

type ReadabilityInput = ConstructorParameters<typeof ReadabilityClass>[0];

/** Block-structured text of a DOM subtree: one paragraph per block element, blank line between. */
export function blockText(root: DomNode): string {
  return walkBlocks(root)
    .map((b) => b.text)
    .join('\n\n');
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
  return htmlLibs().parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`,
  ).document;
}

export function htmlToText(html: string, path?: string): HtmlText {
  const depth = nestingDepth(html);
  if (depth > MAX_DEPTH) throw new InputError(`HTML is nested ${depth} levels deep (limit ${MAX_DEPTH})`, path);
  const document = parseDocument(html);
  const docTitle = (document.title ?? '').trim() || null;
  // Read before Readability, which strips scripts and rebuilds the elements around the text.
  const articleBody = jsonLdArticleBody(document);
  const hints = markHints(document as unknown as DomNode);
  const useReadability = depth <= READABILITY_MAX_DEPTH;
  const article = useReadability
    ? new (htmlLibs().Readability)<DomNode>(document as unknown as ReadabilityInput, {
        serializer: (n) => n as unknown as DomNode,
      }).parse()
    : null;
  const title = (article?.title ? unmarked(article.title).trim() : '') || docTitle;
  const blocks = article?.content ? walkBlocks(article.content, hints) : [];
  if (blocks.length > 0) return { title, ...pageText(blocks, { articleBody }) };
  // No article (tiny pages, bare fragments in JSONL records, too deep for Readability), and Readability may
  // have mutated the document: read the whole page afresh (its head, scripts and styles are skipped).
  const page = (useReadability ? parseDocument(html) : document) as unknown as DomNode;
  const whole = walkBlocks(page, markHints(page));
  return { title, ...pageText(whole, { articleBody }) };
}
