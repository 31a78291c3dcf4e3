// Structural hints: what an element's tag, class and id say about the text inside it. Photo captions, credits,
// galleries, related-article boxes, share bars, bylines and ad slots are laid out in elements whose markup names
// them; the text of such an element is marked boilerplate with the hint's reason (kept, reversible).
// Each hint ships examples of class/id strings it must and must not match (test/pipeline/ingest/extract.test.ts).

export interface StructureHint {
  reason: string;
  /** Tag names (upper case) that carry this meaning by themselves. */
  tags?: readonly string[];
  /** Matched against `class` + `id` (lower-cased). */
  attr?: RegExp;
  examples: { junk: string[]; real: string[] };
}

// A token of a class or id: bounded by the start/end of the string, whitespace, "-", "_" or a digit, so that
// "ad" matches "ad-slot" but not "header" or "load".
const tok = (alts: string): RegExp => new RegExp(`(?:^|[\\s_\\-\\d])(?:${alts})(?:$|[\\s_\\-\\d])`);

export const STRUCTURE_HINTS: readonly StructureHint[] = [
  {
    reason: 'caption',
    tags: ['FIGCAPTION'],
    attr: /caption|cutline|image-?desc|photo-?desc|img-?desc|media-?desc|imagetext|phototext/,
    examples: {
      junk: ['wp-caption-text', 'newscaption', 'image-caption', 'article-photo-desc'],
      real: ['article-body', 'story'],
    },
  },
  {
    reason: 'credit',
    attr: /credit|copyright|photographer|(?:image|photo|img)-?source|attribution/,
    examples: { junk: ['image-credit', 'photo-copyright', 'imagesource'], real: ['article-body'] },
  },
  {
    reason: 'gallery',
    attr: /gallery|slideshow|carousel|lightbox|(?:^|[\s_-])slider(?:$|[\s_-])/,
    examples: { junk: ['photo-gallery', 'slideshow-inner', 'owl-carousel'], real: ['story-text'] },
  },
  {
    reason: 'related-links',
    attr: /related|recommend|more-?(?:stories|news|articles|from)|read-?more|also-?read|trending|most-?(?:read|popular)|outbrain|taboola|teaser|(?:^|[\s_-])(?:next|prev)-?(?:article|post|story)/,
    examples: {
      junk: ['relatedarticleslistitem', 'outbrain', 'more-stories', 'read-more-links', 'next-article'],
      real: ['article-content', 'story-body'],
    },
  },
  {
    reason: 'share-follow',
    attr: tok('share|sharing|social|sharebar|follow|social-?media'),
    examples: { junk: ['social-media-buttons', 'share-tools', 'follow'], real: ['shared-content-x', 'followup'] },
  },
  {
    reason: 'subscribe',
    attr: /newsletter|subscribe|signup|sign-up|paywall|donate|membership-?promo/,
    examples: { junk: ['newsletter-signup', 'inline-subscribe'], real: ['article'] },
  },
  {
    reason: 'advertisement',
    attr: /advert|sponsor|(?:^|[\s_-])(?:ad|ads|adv|dfp|promo|banner|adslot|ad-slot|ad-container)(?:$|[\s_\-\d])/,
    examples: {
      junk: ['ad-slot', 'ads', 'advertisement', 'top-banner', 'promo'],
      real: ['header', 'loaded', 'heading'],
    },
  },
  {
    reason: 'byline',
    attr: tok(
      'byline|author|authors|author-?name|author-?bio|bio|dateline|timestamp|date|time|published|updated|pubdate|post-?meta|meta|entry-?meta|article-?meta|breadcrumbs?|kicker|eyebrow|tags|tag-?list|categories',
    ),
    examples: {
      junk: ['byline', 'article-meta', 'post-date', 'entry-meta', 'author-bio', 'breadcrumb'],
      real: ['metadata-free', 'update-notes x', 'candidate'],
    },
  },
  {
    reason: 'comments',
    attr: tok('comments?|comment-?list|disqus|respond'),
    examples: { junk: ['comments', 'comment-list'], real: ['commentary'] },
  },
  {
    reason: 'inline-widget',
    attr: /rollover|hovercard|hover-card|tooltip|popover/,
    examples: { junk: ['rollover-people-block', 'hovercard'], real: ['story-body'] },
  },
  { reason: 'aside', tags: ['ASIDE'], examples: { junk: [], real: [] } },
  {
    reason: 'navigation',
    tags: ['NAV'],
    attr: tok('nav|navbar|menu|skip-?link|pagination'),
    examples: { junk: ['nav', 'main-menu'], real: ['menus-x', 'navigate'] },
  },
  { reason: 'footer', tags: ['FOOTER'], examples: { junk: [], real: [] } },
];

const HINT_TAGS = new Set(STRUCTURE_HINTS.flatMap((h) => h.tags ?? []));
// One test that rejects most class names at once (pages have thousands of elements); the hints in order after it.
const ANY_ATTR = new RegExp(STRUCTURE_HINTS.flatMap((h) => (h.attr ? [h.attr.source] : [])).join('|'));

/** The hint an element's tag or class/id gives, or null. `attrs` is class + " " + id, lower-cased. */
export function hintOf(tag: string, attrs: string): string | null {
  if (!HINT_TAGS.has(tag) && !(attrs && ANY_ATTR.test(attrs))) return null;
  for (const h of STRUCTURE_HINTS) {
    if (h.tags?.includes(tag)) return h.reason;
    if (h.attr && attrs && h.attr.test(attrs)) return h.reason;
  }
  return null;
}
