import type { BoilerplateRule } from './boilerplate.js';

// Page furniture that HTML extraction leaves among the paragraphs of news pages: photo credits and caption
// labels, gallery numbering, datelines with a byline, reading-time and affiliate notes, author contact lines,
// related-story labels. English and Tagalog (with the common Indonesian/Portuguese labels seen on scraped
// pages). Like every boilerplate rule: whole short lines or a fixed formula, with examples both ways.

function short(t: string, max: number): boolean {
  let n = 0;
  for (const _ of t.matchAll(/\S+/g)) if (++n > max) return false;
  return true;
}
const bare = (t: string): string => t.replace(/^[^\p{L}\p{N}(]+/u, '').replace(/[\s:.!»›→|]+$/u, '');

const AGENCY =
  'getty images|reuters|afp|ap photo|ap|associated press|epa|epa-efe|xinhua|shutterstock|istock(?:photo)?|bloomberg|alamy|pa(?: images| wire)?|ani|pti|anadolu|bernama|pna|philstar|inquirer|abs-cbn|gma(?: news)?|rappler|pool|file|handout|contributed';
const AGENCY_RE = new RegExp(`\\b(?:${AGENCY})\\b`, 'i');

export const FURNITURE_RULES: readonly BoilerplateRule[] = [
  {
    reason: 'photo-credit',
    description:
      'a photo credit alone on its line ("Alex Wong | Getty Images", "(Image: © NASA)", "Kuha ni Juan Cruz")',
    match: (t, ctx) => {
      if (ctx.wholeParagraph === false || !short(t, 14)) return false;
      if (
        /^\(?(?:image|photo|picture|pic|foto|larawan|litrato|credit|image credit|photo credit|photograph)s?\s*(?:copyright|credit)?\s*:\s*\S/i.test(
          t,
        )
      )
        return true;
      // "Photo by Juan Cruz", "Kuha ni Jire Carreon", "Larawan mula sa PNA": the rest is names, not a sentence
      const by = /^\(?(?:image|photo|picture|foto|larawan|litrato|kuha)s?\s+(?:by|ni|mula sa|courtesy of)\s+/i.exec(t);
      if (
        by &&
        /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|dela|del|at|and|&|\/))*\)?\.?$/u.test(t.slice(by[0].length))
      )
        return true;
      if (/^(?:image copyright|copyright|©)\s+\S/i.test(t) && AGENCY_RE.test(t)) return true;
      if (
        /^\((?:[^()]*\b(?:photo|image|larawan|kuha|file)\b[^()]*|[^()]*\b(?:getty|reuters|afp|ap|epa)\b[^()]*)\)$/i.test(
          t,
        )
      )
        return true;
      // "Name | Agency | Getty Images", "Jason Cipriani/ZDNet": names separated by | or / with an agency or outlet
      return (
        /[|/]/.test(t) &&
        !/[.!?]["”’)]?$/.test(t) &&
        /^[\p{Lu}(][^.!?]*$/u.test(t) &&
        (AGENCY_RE.test(t) ||
          /^[\p{Lu}][\p{L}.'’-]*(?:\s[\p{Lu}][\p{L}.'’-]*){0,3}\s?\/\s?[\p{Lu}][\p{L}.-]*$/u.test(t))
      );
    },
    examples: {
      junk: [
        'Alex Wong | Getty Images',
        'Natalie Naccache | Bloomberg | Getty Images',
        'Jason Cipriani/ZDNet',
        '(Image: © TNG Collaboration)',
        'Image copyright Getty Images',
        'Photo by Juan Cruz',
        'Kuha ni Jire Carreon',
        'Larawan mula sa PNA',
        '(AP Photo/Alan Diaz, File)',
      ],
      real: [
        'Getty Images sued the company over the photos.',
        'Reuters reported the deal on Monday.',
        'The image by the artist sold for $3 million.',
        'Kuha ni Juan ang litrato noong Lunes, sabi niya.',
      ],
    },
  },
  {
    reason: 'caption-label',
    description: 'caption and gallery controls ("Image caption …", "HIDE CAPTION", "Image 1 of 23", "toggle caption")',
    match: (t) =>
      /^(?:image|media|photo|video) caption\b/i.test(t) ||
      /^(?:hide|show|toggle|close|expand) (?:caption|gallery|image|photo)s?$|^(?:caption|close|expand|enlarge(?: this)? image|view (?:gallery|slideshow)|this slideshow requires javascript)$/i.test(
        bare(t),
      ) ||
      /^(?:(?:image|photo|picture|slide|larawan|litrato|foto)s?\s*)?\d{1,3}\s*(?:of|\/|ng|sa|de|dari)\s*\/?\s*\d{1,3}$/i.test(
        bare(t),
      ),
    examples: {
      junk: [
        'Image caption Scooter Braun has managed Justin Bieber',
        'HIDE CAPTION',
        'Image 1 of 23',
        'Image 1 of / 23',
        '3 / 10',
        'Caption',
        'This slideshow requires JavaScript.',
        'Larawan 2 ng 5',
      ],
      real: ['The caption was wrong, the editor said.', '3 of 10 voters agreed.'],
    },
  },
  {
    reason: 'dateline',
    description:
      'a byline or posting stamp with a date or time ("Posted on March 30, 2015 by Admin", "Published 1 day ago")',
    match: (t, ctx) => {
      if (ctx.wholeParagraph === false || !short(t, 18)) return false;
      const dated =
        /\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b|\d{1,2}\/\d{1,2}\/\d{2,4}|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b|\b(?:\d+\s+)?(?:mins?|hours?|days?)\s+ago\b|\/\s*\d+\s+(?:days?|hours?)\b/i.test(
          t,
        );
      // a stamp, not a sentence: no sentence-final punctuation (an "a.m." or "Jr." at the end does not count)
      if (!dated || /[.!?]["”’]?$/.test(t.replace(/\b(?:[ap]\.?m|jr|sr)\.$/i, ''))) return false;
      if (
        /^(?:posted|published|updated|last updated|first published|modified|inilathala|inilabas|na-update|diterbitkan|publicado|atualizado)\b/i.test(
          t,
        )
      )
        return true;
      if (/^(?:by|ni|por|oleh)\s+\S/i.test(t)) return true;
      // "November 20, 2019 / 1:07 AM / CBS News", "Catherine Shu @catherineshu / 2 days"
      return /\s[/|•·]\s/.test(t);
    },
    examples: {
      junk: [
        'Posted on Maret 30, 2015 by Admin',
        'Published 1 day ago',
        'By Justine Coleman - 11/18/19 11:04 PM EST',
        'November 20, 2019 / 1:07 AM / CBS News',
        'Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM',
        'Catherine Shu @catherineshu / 2 days',
        'Inilathala noong Nobyembre 20, 2019 8:00 AM',
      ],
      real: [
        'Published in 2019, the report found rising prices.',
        'By 2020, the city had doubled in size.',
        'Updated figures released at 10:00 showed a rise.',
      ],
    },
  },
  {
    reason: 'reading-time',
    description: 'reading-time notes ("5 min read", "Tempo de leitura: 1 minuto")',
    match: (t) =>
      short(t, 8) &&
      /^(?:\d+\s*(?:min(?:ute)?s?|minutong?)\s*(?:read|basa|pagbasa)|(?:reading time|read time|tempo de leitura|oras ng pagbasa)\s*:?\s*\d+\s*\p{L}*)$/iu.test(
        bare(t),
      ),
    examples: {
      junk: ['5 min read', 'Tempo de leitura: 1 minuto', 'Reading time: 3 minutes'],
      real: ['It was a 5 minute read, she said.'],
    },
  },
  {
    reason: 'disclosure',
    description: 'affiliate-link disclosures',
    match: (t) =>
      /\b(?:affiliate|referral) links?\b/i.test(t) &&
      /^(?:this (?:post|article|page|story) (?:may )?contains?|we may (?:earn|receive)|as an amazon associate|disclosure)/i.test(
        t,
      ) &&
      short(t, 40),
    examples: {
      junk: [
        'This post may contain affiliate and/or referral links.',
        'We may earn a commission from affiliate links on this page.',
      ],
      real: ['The company removed affiliate links from its site last year.'],
    },
  },
  {
    reason: 'author-contact',
    description:
      'how to reach or follow the author ("Have a tip?", "… may be reached at x@y.com", "Follow her on Twitter @x")',
    match: (t) =>
      short(t, 30) &&
      (/^(?:have a (?:news )?tip|got a (?:news )?tip|may tip ka)\b/i.test(t) ||
        /\b(?:may|can) be (?:reached|contacted|emailed) (?:at|on|via)\b[^.]*(?:@|\bon twitter\b)/i.test(t) ||
        /^(?:follow|sundan|i-follow)\s+(?:him|her|them|me|us|kami|siya|si\s+\S+|\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?)\s+(?:on|at|sa)\s+(?:twitter|x|facebook|instagram|tiktok|threads|bluesky)\b/iu.test(
          t,
        )),
    examples: {
      junk: [
        'Have a tip?',
        'Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com.',
        'Follow her on Twitter @AmyKup or on Facebook.',
        'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.',
        'Sundan si Jire sa Twitter.',
      ],
      real: [
        'Police can be reached at the station, the mayor said.',
        'Follow the money, he told reporters on Twitter.',
      ],
    },
  },
  {
    reason: 'related-links',
    description: 'related-story labels ("More:", "DON\'T MISS", "SEE MORE: …", "Mga kaugnay na balita")',
    match: (t, ctx) =>
      /^(?:more|also|don'?t miss|must read|see more|watch more|related content|more from \p{L}+|mga kaugnay na (?:balita|artikulo)|kaugnay na balita|pinakabagong balita|pinakabinasa|mas maraming balita|baca juga|leia (?:também|mais)|veja também)$/iu.test(
        bare(t),
      ) ||
      (ctx.wholeParagraph !== false &&
        /^(?:see more|more|also|related|watch|kaugnay|baca juga|leia também)\s*:\s*\S/i.test(t) &&
        short(t, 25)),
    examples: {
      junk: [
        'More:',
        "DON'T MISS",
        'SEE MORE: Hong Kong protests: 800 students under siege',
        'Also: See Black Friday coverage at CNET',
        'Mga kaugnay na balita',
      ],
      real: ['More than 800 students were trapped.', 'Also, the police said they would stay.'],
    },
  },
  {
    reason: 'advertisement',
    description: 'ad slot labels in other languages and layouts ("Advert", "Iklan", "Continue Reading Below")',
    match: (t) =>
      /^(?:advert|adverts|iklan|publicidade|publicidad|anuncio|continue reading below|story continues below(?: advertisement)?|article continues below(?: this ad)?|skip to (?:main )?content|skip ad)$/i.test(
        bare(t),
      ),
    examples: {
      junk: ['Advert', 'Iklan', 'Continue Reading Below', 'Skip to content', 'Story continues below advertisement'],
      real: ['Advert spending fell.'],
    },
  },
  {
    reason: 'comment-prompt',
    description: '"Tell us what you think" / "What do you think?" prompts',
    match: (t) =>
      short(t, 14) &&
      (/^(?:tell us what you think|what do you think|ano sa tingin mo|ano ang masasabi mo)[.?!…]*(?:\s+let us know(?: what you think)?(?: in the comments(?: below)?)?[.!]*)?$/i.test(
        t,
      ) ||
        /^let us know (?:what you think|in the comments)\b/i.test(t)),
    examples: {
      junk: ['Tell us what YOU think...', 'What do you think? Let us know in the comments.', 'Ano sa tingin mo?'],
      real: ['What do you think happened? he asked the witness.'],
    },
  },
  {
    reason: 'tags',
    description: '"Filed under: …" / "Posted in: …" category lines',
    match: (t) => /^(?:filed under|posted in|categories|category|kategorya|mga kategorya)\s*:/i.test(t) && short(t, 20),
    examples: {
      junk: ['Filed under: Khawarij |', 'Posted in: World News'],
      real: ['Filed under seal, the report was never released.'],
    },
  },
];
