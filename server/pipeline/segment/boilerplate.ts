// Scrape junk: lines a scraper picked up that are not part of the story (widgets, prompts, credits).
// They are kept as segments and marked with a reason, never dropped: reviewers see them, aligners skip them.
// Every rule is conservative (whole short lines, or a fixed formula) and ships examples of what it must and
// must not match; test/pipeline/segment/boilerplate.test.ts runs them all.

import { FURNITURE_RULES } from './furniture.js';

export interface BoilerplateContext {
  /** The document's title, for recognising the headline repeated in the body. */
  title?: string | null;
  /** The title already appeared earlier in the text as a paragraph of its own. */
  titleSeen?: boolean;
  /** The text is a whole paragraph (line), not one sentence of several. */
  wholeParagraph?: boolean;
}

export interface BoilerplateRule {
  reason: string;
  description: string;
  match: (text: string, ctx: BoilerplateContext) => boolean;
  examples: { junk: string[]; real: string[] };
}

const words = (t: string): string[] => t.split(/\s+/).filter(Boolean);
/** At most `max` words; stops counting early, as sentences of a huge unpunctuated line can be long. */
function short(t: string, max: number): boolean {
  let n = 0;
  for (const _ of t.matchAll(/\S+/g)) if (++n > max) return false;
  return true;
}
/** Junk lines are short: longer text is never looked at by the rules (and costs nothing). */
const MAX_JUNK_CHARS = 600;
/** Leading decoration a layout adds to widget titles ("━ more like this", "» Read more"). */
const undecorated = (t: string): string => t.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[\s:.!»›→]+$/u, '');

/** Whitespace/case-normalised form used to recognise a repeated headline. */
export function normalizeTitle(t: string): string {
  return t.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const SOCIAL =
  'facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|viber|messenger|email|e-mail|instagram|youtube|tiktok|print|copy link|google news';
const SHARE_LINE = new RegExp(
  `^(?:(?:share|ibahagi)(?: (?:this|the))?(?: (?:article|story|post|page|balita))?(?: (?:on|via|sa))?|follow us(?: on)?|like us on|sundan (?:kami|kami sa)|tweet|${SOCIAL})(?:[\\s,:|/·•]+(?:and |at )?(?:${SOCIAL}))*$`,
  'i',
);

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre)\\.?';
const WEEKDAY =
  '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|miyerkules|huwebes|biyernes|sabado|linggo),?\\s+';
const TIME = '(?:\\s*[-–|,@]?\\s*\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[a-z]{2,4})?)?';
/** "September 13, 2023", "13 Setyembre 2023", "Wednesday, Sept. 13, 2023 12:30 PM PHT". */
const DATE_LINE = new RegExp(
  `^(?:${WEEKDAY})?(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4})${TIME}$`,
  'i',
);

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    reason: 'weather-widget',
    description: 'a temperature on its own line (weather widget): "9.9 C", "12°C", "Manila 31 °C"',
    match: (t) =>
      /^(?:\p{L}+\s+)?-?\d{1,3}(?:[.,]\d{1,2})?\s?°?\s?[CF]$/u.test(t) ||
      (/^-?\d{1,3}(?:[.,]\d)?\s?°\s?[CF]\b/u.test(t) && short(t, 4)),
    examples: {
      junk: ['9.9 C', '12°C', 'Manila 31 °C', '-3 °F'],
      real: ['9.9 percent of voters agreed.', 'The temperature reached 35°C yesterday.', 'Vitamin C'],
    },
  },
  {
    reason: 'subscribe',
    description: 'newsletter / magazine / channel subscription prompts',
    match: (t) =>
      /^(?:subscribe|sign up|join|get|mag-subscribe|mag-sign up)\b/i.test(t) &&
      /\b(?:subscribe|newsletters?|magazine|mailing list|inbox|channel|updates)\b/i.test(t) &&
      short(t, 14),
    examples: {
      junk: [
        'Subscribe to our magazine',
        'Sign up for our newsletter',
        'Subscribe',
        'Get the latest news delivered to your inbox',
      ],
      real: ['Subscribers of the newsletter protested the change.', 'Join the two leaders said they would meet again.'],
    },
  },
  {
    reason: 'comment-prompt',
    description: 'comment form prompts ("Please enter your comment!", "Leave a Reply")',
    match: (t) =>
      /^(?:please enter your (?:comment|name|email)|you have entered an incorrect email|leave a (?:comment|reply)|post a comment|add (?:a )?comment|save my name, email|notify me of (?:new|follow-up)|mag-iwan ng komento|\d* ?comments?$)/i.test(
        t,
      ) && short(t, 20),
    examples: {
      junk: ['Please enter your comment!', 'Please enter your name here', 'Leave a Reply', '12 Comments'],
      real: ['Please enter the building quietly, the guard said.'],
    },
  },
  {
    reason: 'comment-policy',
    description: 'comment moderation policy ("WARNING: Comments that contain insults …")',
    match: (t) =>
      /^(?:warning|note|paalala|babala)\s*:.*\b(?:comments?|komento)\b/i.test(t) ||
      /^comments? (?:that|which|containing|with)\b.*\b(?:not (?:be )?(?:approved|published)|removed|deleted)\b/i.test(
        t,
      ),
    examples: {
      junk: ['WARNING: Comments that contain insults, swearing, offensive sentences or allusions are not approved.'],
      real: [
        'Warning shots were fired, the comments of officials said.',
        'Comments from the ministry were not available.',
      ],
    },
  },
  {
    reason: 'cookie',
    description: 'cookie consent banners',
    match: (t) =>
      /\bcookie/i.test(t) &&
      /\b(?:we use cookies|(?:web)?site uses cookies|uses cookies to|accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent))\b/i.test(
        t,
      ) &&
      short(t, 60),
    examples: {
      junk: ['We use cookies to ensure you get the best experience on our website.', 'Accept all cookies'],
      real: ['She baked cookies for the visiting delegation.'],
    },
  },
  {
    reason: 'share-follow',
    description: 'share / follow buttons rendered as text',
    match: (t) => t.length <= 120 && SHARE_LINE.test(undecorated(t)) && short(t, 12),
    examples: {
      junk: ['Share this article', 'Follow us on Twitter', 'Facebook Twitter WhatsApp', 'Share on Facebook'],
      real: ['Share prices fell on Twitter news.', 'Follow the money, he said.'],
    },
  },
  {
    reason: 'related-links',
    description: 'related-article widgets ("━ more like this", "Read more")',
    match: (t) =>
      /^(?:more like this|related(?: articles| stories| posts| news)?|read more|read also|see also|you may also like|you might also like|recommended(?: for you)?|trending(?: now)?|most read|latest news|more stories|basahin (?:din|pa|rin)|iba pang balita)$/i.test(
        undecorated(t),
      ),
    examples: {
      junk: ['━ more like this', 'Related Articles', 'Read more:', 'Basahin din:'],
      real: ['More like this are expected, the minister said.'],
    },
  },
  {
    reason: 'related-links',
    description: '"READ: <another headline>" / "BASAHIN: …" lines that news sites put between paragraphs',
    match: (t, ctx) =>
      ctx.wholeParagraph !== false &&
      /^(?:read|also read|read also|basahin|basahin din|related|see also|watch|panoorin)\s*:\s*\S/i.test(t) &&
      short(t, 30),
    examples: {
      junk: ['READ: Marcos signs 2024 budget into law', 'BASAHIN: Putin, bumisita sa North Korea'],
      real: ['Read the statement in full, he said.'],
    },
  },
  {
    reason: 'call-to-action',
    description: '"Click here …" / "Download our app" prompts',
    match: (t) =>
      /^(?:click|tap) here\b|^download (?:our|the) (?:[\p{L}-]+ )?app\b|^(?:i-click|pindutin) (?:ito|dito)\b/iu.test(
        t,
      ) && short(t, 20),
    examples: {
      junk: ['Click here for the latest updates.', 'Download our app'],
      real: ['Clicking here and there, the reporters tried to connect.'],
    },
  },
  {
    reason: 'copyright',
    description: 'copyright / "All rights reserved" footers',
    match: (t) =>
      (/^(?:©|copyright\s*(?:©|\(c\)|\d{4})|\(c\)\s*\d{4})/i.test(t) || /\ball rights reserved\.?$/i.test(t)) &&
      short(t, 25),
    examples: {
      junk: ['© 2023 Daily News. All rights reserved.', 'Copyright 2023 The Associated Press'],
      real: ['Copyright law was changed in 2023, the court said.'],
    },
  },
  {
    reason: 'tags',
    description: '"Tags: …" / "Topics: …" keyword lists',
    match: (t) => /^(?:tags?|topics?|mga tag|keywords?)\s*:/i.test(t) && short(t, 30),
    examples: {
      junk: ['Tags: Putin, Kim Jong Un, North Korea'],
      real: ['Topics of the talks included weapons and rockets.'],
    },
  },
  {
    reason: 'date-stamp',
    description: 'a publication date (and time) alone on its line',
    match: (t, ctx) => ctx.wholeParagraph !== false && t.length <= 60 && DATE_LINE.test(t),
    examples: {
      junk: [
        'September 13, 2023',
        'Sept. 13, 2023 - 10:30 AM',
        '13 Setyembre 2023',
        'Wednesday, September 13, 2023 12:30 PM PHT',
      ],
      real: ['September 13, 2023 was the day they met.'],
    },
  },
  {
    reason: 'advertisement',
    description: 'ad slot labels',
    match: (t) =>
      /^(?:advertisement|sponsored(?: content)?|ads?|patalastas|scroll to continue(?: with content)?|continue reading)$/i.test(
        undecorated(t),
      ),
    examples: {
      junk: ['Advertisement', 'ADVERTISEMENT', 'Scroll to continue with content'],
      real: ['Advertisement spending rose.'],
    },
  },
  {
    reason: 'source-link',
    description: 'the "Source link" footer of republished articles (also its spun form "Supply hyperlink")',
    match: (t) => /^(?:source|supply|original) (?:link|hyperlink|url|article)$/i.test(undecorated(t)),
    examples: {
      junk: ['Source link', 'Supply hyperlink', 'Source URL'],
      real: ['Source links to the Kremlin were cut.'],
    },
  },
  {
    reason: 'source-credit',
    description: '"Source: X" / "Photo: X" credit lines naming an outlet or person, not a sentence',
    match: (t) => {
      const m =
        /^(?:source|sources|pinagmulan|pinagkunan|via|credit|credits|photo|image|larawan|litrato)\s*:\s*(.+)$/i.exec(t);
      if (!m?.[1]) return false;
      const rest = words(m[1].replace(/[.]$/, ''));
      const named = rest.filter(
        (w) => /^[\p{Lu}\p{N}(]/u.test(w) || /^(?:and|at|of|the|ng|de|&|\/|,)$/i.test(w),
      ).length;
      return rest.length <= 8 && named === rest.length;
    },
    examples: {
      junk: ['Source: Biobiochile', 'Source: Ihlas News Agency', 'Photo: AP'],
      real: ['Source: he said the war would end soon.', 'The source said the war would end.'],
    },
  },
  {
    reason: 'last-update',
    description: 'empty or date-only "Last update" / "Published" stamps',
    match: (t) =>
      t.length <= 120 &&
      (/^\|\s*(?:last update[sd]?|updated|published|posted|huling update)\b/i.test(t) ||
        /^(?:last update[sd]?|updated|published|posted(?: on)?|huling update)\s*:\s*[\p{L}\d\s:,./|-]*$/iu.test(t)),
    examples: {
      junk: ['| Last update :', 'Published: 13 September 2023, 12:30', 'Updated: Sept. 13, 2023'],
      real: ['Updated figures show a rise in arms sales.'],
    },
  },
  {
    reason: 'check-back',
    description: '"check back for updates" / developing-story notes ("Bumalik para sa mga update.")',
    match: (t) =>
      /^(?:bumalik para sa (?:mga )?update|check back (?:later )?for (?:more )?updates|this is a (?:developing|breaking)(?: news)? story|this story (?:is developing|will be updated|has been updated)|refresh for updates)/i.test(
        t,
      ) && short(t, 15),
    examples: {
      junk: ['Bumalik para sa mga update.', 'Check back for updates.', 'This is a developing story.'],
      real: ['Check back the figures before you publish, he said.'],
    },
  },
  {
    reason: 'credit',
    description: 'the "X contributed to this report" credit formula (English and Tagalog)',
    match: (t) =>
      (/\bcontributed to this (?:report|story|article)\.?$/i.test(t) ||
        /^nag-ambag sa (?:ulat|balita|artikulo) na ito\b/i.test(t)) &&
      short(t, 40),
    examples: {
      junk: ['The Associated Press contributed to this report.', 'Nag-ambag sa ulat na ito ang The Associated Press.'],
      real: ['Nag-ambag ang Rusya ng armas sa North Korea.', 'Sanctions contributed to this decline, analysts say.'],
    },
  },
  {
    reason: 'byline',
    description: 'a byline alone on its line ("By Juan dela Cruz", "Ni Maria Santos")',
    match: (t, ctx) => {
      if (ctx.wholeParagraph === false || !short(t, 12)) return false;
      const m = /^(?:by|ni|ulat ni|isinulat ni|written by|words by|reporter:)\s+/i.exec(t);
      // the rest is names: capitalised words, linkers, and an optional ", Outlet" / "| Outlet" tail
      return Boolean(
        m &&
        /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|at|de|dela|del|van|von|&)|,)*(?:\s*[|,]\s*[\p{L} ]+)?(?:\s*[-–—|•·,])?$/u.test(
          t.slice(m[0].length),
        ),
      );
    },
    examples: {
      junk: ['By John Smith', 'Ni Juan dela Cruz', 'By Jane Doe and Mark Lee, Reuters', 'By Justine Coleman -'],
      real: ['By Monday, the troops had left.', 'Ni hindi siya lumingon.'],
    },
  },
  {
    reason: 'duplicate-title',
    description: 'the headline repeated as a paragraph of its own (same text up to whitespace and case)',
    match: (t, ctx) =>
      Boolean(
        ctx.title && ctx.titleSeen && ctx.wholeParagraph !== false && normalizeTitle(t) === normalizeTitle(ctx.title),
      ),
    examples: { junk: [], real: [] }, // needs a context: tested in the seed fixtures and boilerplate.test.ts
  },
  ...FURNITURE_RULES,
];

/** Why `text` (one trimmed sentence or line) is scrape junk, or false for real text. */
export function boilerplateReason(text: string, ctx: BoilerplateContext = {}): string | false {
  const t = text.trim();
  if (!t || t.length > MAX_JUNK_CHARS) return false;
  for (const rule of BOILERPLATE_RULES) if (rule.match(t, ctx)) return rule.reason;
  return false;
}
