import { hintOf } from './hints.js';

// The walk from a DOM subtree to blocks of text: one block per block element (paragraph, list item, heading,
// table row…), each with the structural hint it sat under in the original page (hints.ts) and how much of its
// text is link text.
//
// Hints are read from the page before Readability runs, and kept per text node: Readability rebuilds the
// elements around the text (a caption <div> becomes a bare <p>, wrappers are unwrapped, classes dropped), but it
// moves the text nodes themselves. A change of hint inside a block starts a new block: that is what un-glues a
// credit from the sentence after it ("…REUTERSA Sukhoi…").

export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  textContent?: string | null;
  getAttribute?: (name: string) => string | null;
}

export interface Block {
  text: string;
  /** The junk hint of the outermost hinted element around the block's text, or null. */
  hint: string | null;
  /** Characters of the block's text inside links. */
  linkChars: number;
  /** The block element the text sat in (upper case). */
  tag: string;
}

/** A hinted element, outermost first: its reason and how much text it holds. */
interface Hint {
  reason: string;
  size: number;
}
export type Hints = WeakMap<DomNode, readonly Hint[]>;

const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM ' +
    'H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL BR'
  ).split(' '),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'HEAD', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** A hinted element holding this share of the article's text is a wrapper ("post-meta-wrap" around the story), not junk. */
const WRAPPER_SHARE = 0.4;

/** Reads the hints of a whole page: each text node gets the chain of hinted elements above it. */
export function readHints(root: DomNode): Hints {
  const hints: Hints = new WeakMap();
  const walk = (node: DomNode, chain: readonly Hint[]): void => {
    if (node.nodeType === TEXT_NODE) {
      if (chain.length) hints.set(node, chain);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    let next = chain;
    if (node.nodeType === ELEMENT_NODE) {
      const attrs = `${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`.toLowerCase().trim();
      const reason = hintOf(name, attrs);
      if (reason) next = [...chain, { reason, size: (node.textContent ?? '').length }];
    }
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, next);
  };
  walk(root, []);
  return hints;
}

export function walkBlocks(root: DomNode, hints?: Hints): Block[] {
  const blocks: Block[] = [];
  const maxSize = Math.max(1, (root.textContent ?? '').length) * WRAPPER_SHARE;
  let current = '';
  let links = 0;
  let currentHint: string | null = null;
  let currentTag = 'P';
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, hint: currentHint, linkChars: Math.min(links, text.length), tag: currentTag });
    current = '';
    links = 0;
  };
  const walk = (node: DomNode, inLink: boolean, tag: string): void => {
    if (node.nodeType === TEXT_NODE) {
      const v = node.nodeValue ?? '';
      const visible = /\S/.test(v);
      if (visible) {
        const hint = hints?.get(node)?.find((h) => h.size <= maxSize)?.reason ?? null;
        if (!/\S/.test(current)) {
          currentHint = hint;
          currentTag = tag;
        } else if (hint !== currentHint) {
          flush();
          currentHint = hint;
          currentTag = tag;
        }
      }
      current += v;
      if (inLink) links += v.replace(/\s+/g, ' ').trim().length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    const childTag = block ? name : tag;
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, inLink || name === 'A', childTag);
    if (block) flush();
  };
  walk(root, false, 'P');
  flush();
  return blocks;
}
