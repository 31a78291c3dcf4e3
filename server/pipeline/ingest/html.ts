import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

// HTML → main text. Readability (Firefox Reader View's library) picks the article; we then flatten its
// DOM to text ourselves so that block elements become paragraphs separated by blank lines (Readability's
// own textContent runs paragraphs together, which would wreck sentence and paragraph boundaries).

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
type ReadabilityInput = ConstructorParameters<typeof Readability>[0];
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

export function htmlToText(html: string): HtmlText {
  const { document } = parseHTML(html);
  const docTitle = (document.title ?? '').trim() || null;
  // Readability mutates the document it reads: give it its own copy so the fallback sees the original.
  const article = new Readability<DomNode>(parseHTML(html).document as unknown as ReadabilityInput, { serializer: (n) => n as unknown as DomNode }).parse();
  const fromArticle = article?.content ? blockText(article.content) : '';
  const text = fromArticle || (document.body ? blockText(document.body as unknown as DomNode) : '');
  return { title: article?.title?.trim() || docTitle, text };
}
