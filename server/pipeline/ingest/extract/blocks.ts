import { hintOf } from './hints.js';

// The walk from a DOM subtree to blocks of text: one block per block element (paragraph, list item, heading,
// table row…), each with the structural hint it sat under in the original page (hints.ts) and how much of its
// text is link text.
//
// Hints are read from the page before Readability runs. Readability rebuilds the elements around the text (a
// caption <div> becomes a bare <p>, wrappers are unwrapped, classes dropped, and on a retry the whole body is
// re-parsed from its HTML), so a hint cannot live on an element or a node: it travels inside the text, as a
// private-use character pair at the start of each text node under a hinted element, and walkBlocks strips it.
// A change of hint inside a block starts a new block: that is what un-glues a credit from the sentence after it
// ("…REUTERSA Sukhoi…").

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

/** A hinted element: its reason and how much text it holds. */
interface Hint {
  reason: string;
  size: number;
}
/** Chains of hinted elements (outermost first), indexed by the code in the text's marker. */
export type Hints = readonly (readonly Hint[])[];

const MARK = '\uE000';
const CODE_BASE = 0xe001;
const MAX_CHAINS = 0xf8ff - CODE_BASE;
const MARKER_RE = /\uE000[\uE001-\uF8FF]/g;

const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM ' +
    'H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL BR'
  ).split(' '),
);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'CANVAS',
  'OBJECT',
  'HEAD',
  'BUTTON',
  'SELECT',
  'INPUT',
  'TEXTAREA',
]);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** A hinted element holding this share of the article's text is a wrapper ("post-meta-wrap" around the story), not junk. */
const WRAPPER_SHARE = 0.4;

/** Reads the hints of a whole page and writes their markers into its text nodes. */
export function markHints(root: DomNode): Hints {
  const chains: (readonly Hint[])[] = [];
  // One pass: a hinted element's size is filled in once its subtree has been walked (the Hint object is shared
  // by every chain below it), instead of asking each hinted element for its textContent.
  const walk = (node: DomNode, chain: number): number => {
    if (node.nodeType === TEXT_NODE) {
      const v = node.nodeValue ?? '';
      // only visible text: a marker in blank text would make an empty element look full to Readability
      if (chain >= 0 && /\S/.test(v)) node.nodeValue = MARK + String.fromCharCode(CODE_BASE + chain) + v;
      return v.length;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return 0;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return 0;
    let next = chain;
    let own: Hint | null = null;
    if (node.nodeType === ELEMENT_NODE && chains.length < MAX_CHAINS) {
      const attrs = `${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`.toLowerCase().trim();
      const reason = hintOf(name, attrs);
      if (reason) {
        own = { reason, size: 0 };
        chains.push([...(chain >= 0 ? chains[chain]! : []), own]);
        next = chains.length - 1;
      }
    }
    let size = 0;
    const kids = node.childNodes; // a getter that builds a new list on each call in linkedom: read it once
    for (let i = 0, n = kids.length; i < n; i++) size += walk(kids[i]!, next);
    if (own) own.size = size;
    return size;
  };
  walk(root, -1);
  return chains;
}

/** Text without hint markers (for anything read from a marked page: its title, say). */
export const unmarked = (t: string): string => t.replace(MARKER_RE, '');

export function walkBlocks(root: DomNode, hints: Hints = []): Block[] {
  const blocks: Block[] = [];
  const maxSize = Math.max(1, (root.textContent ?? '').length) * WRAPPER_SHARE;
  const hintAt = (v: string): string | null => {
    if (v.length < 2 || v[0] !== MARK) return null;
    return hints[v.charCodeAt(1) - CODE_BASE]?.find((h) => h.size <= maxSize)?.reason ?? null;
  };
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
      const raw = node.nodeValue ?? '';
      const v = raw.includes(MARK) ? unmarked(raw) : raw;
      const visible = /\S/.test(v);
      if (visible) {
        // Readability may join text nodes: the marker is at the start of the node, or none of it is hinted
        const hint = hintAt(raw.trimStart());
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
    const kids = node.childNodes;
    for (let i = 0, n = kids.length; i < n; i++) walk(kids[i]!, inLink || name === 'A', childTag);
    if (block) flush();
  };
  walk(root, false, 'P');
  flush();
  return blocks;
}
