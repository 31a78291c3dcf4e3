import type { PairDetector } from '../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import {
  ALIAS_WORDS,
  afterPersonMarker,
  entityIn,
  extractEntities,
  isCommonWord,
  isEnglishWord,
  isKnownName,
  looksForeign,
  missingTokens,
  nameIndex,
} from '../../../../lang/entities.js';
import { th } from '../../thresholds.js';
import { compassChange } from '../../../../lang/compass.js';
import { plainWord } from '../../../../lang/numberWords.js';
import { isCommonEnglishWord } from '../../../../lang/wordnet/common-word.js';

// Names (people, places, organisations, titles written as names) must appear on both sides. Tagalog respells
// some (Rusya), marks persons with si/ni/kay, and hyphenation varies (Kim Jong-un / Kim Jong Un): entityIn copes.

export const entitiesDetector: PairDetector = {
  id: 'entities',
  name: 'Named entities',
  description: 'A name on one side is missing from the other, or replaced by a different name.',
  category: 'accuracy/mistranslation',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: { minUnmatched: 1 },
  examples: {
    pass: [
      {
        src: 'Vladimir Putin greeted Kim Jong-un in eastern Russia.',
        tgt: 'Binati ni Vladimir Putin si Kim Jong Un sa silangang Rusya.',
      },
      {
        src: 'The pilot was identified as Squadron Leader Dilokrit Pattavee.',
        tgt: 'Kinilala ang piloto bilang ang Pinuno ng Squadron na si Dilokrit Pattavee.',
      },
      {
        src: 'Talks were held in Egypt and the United States.',
        tgt: 'Ginanap ang pag-uusap sa Ehipto at sa Estados Unidos.',
        note: 'exonyms',
      },
      {
        src: 'The US sent aid to the Philippines.',
        tgt: 'Nagpadala ng tulong ang United States sa Pilipinas.',
        note: 'acronym spelled out',
      },
      {
        src: 'PAGASA raised the signal over South Cotabato.',
        tgt: 'Itinaas ng PAGASA ang babala sa Timog Cotabato.',
        note: 'compass word translated',
      },
      {
        src: 'The event is part of a campaign by the Bucharest City Hall.',
        tgt: 'Bahagi ang kaganapan ng kampanya ng munisipyo ng Bucharest.',
        note: 'descriptive name translated',
      },
      {
        src: 'Schools closed during French school holidays.',
        tgt: 'Nagsara ang mga paaralan sa bakasyon sa paaralan ng France.',
        note: 'demonym / country',
      },
      {
        src: '28-year-old Vidal had joined Barça from Sevilla.',
        tgt: 'Sumali ang 28 taong gulang na si Vidal sa BarÃ§a mula sa Sevilla.',
        note: 'mojibake in the translation',
      },
      {
        src: 'He compiled a Japanese folklore anthology.',
        tgt: 'Pinagsamasama niya ang antolohiya ng Hapong alamat.',
        note: 'exonym with the linker -ng',
      },
      {
        src: "I don't know when I'll be able to get back to Boston.",
        tgt: 'Hindi ko alam kung kailan ako makakabalik sa Boston.',
        note: "I'll is no name",
      },
      {
        src: 'About 1000 B.C., the Assyrians introduced the first cavalry.',
        tgt: 'Noong mga 1000 B.C., ipinakilala ng mga taga-Assyria ang unang hukbong-kabayuhan.',
        note: 'plural demonym',
      },
      {
        src: 'The Irish government stressed the urgency.',
        tgt: 'Ipinagdiinan ng pamahalaan ng Ireland ang pag-aapura.',
        note: 'demonym / country',
      },
      {
        src: 'The attackers arrived on Novemeber 26, 2008.',
        tgt: 'Dumating ang mga sumalakay noong Nobyembre 26, 2008.',
        note: 'a typo in a month is a date',
      },
      {
        src: '(4) Collecting convalescent serum samples.',
        tgt: '(4) Pagkolekta ng mga sampol ng suwero.',
        note: 'a list item opens a sentence',
      },
    ],
    fail: [
      {
        src: 'Vladimir Putin greeted Kim Jong Un in Moscow.',
        tgt: 'Binati ni Vladimir Putin si Xi Jinping sa Moscow.',
        note: 'person swapped',
      },
      { src: 'The talks were held in Pyongyang.', tgt: 'Ginanap ang pag-uusap sa Seoul.', note: 'place swapped' },
      {
        src: 'The quake struck South Cotabato.',
        tgt: 'Tumama ang lindol sa Hilagang Cotabato.',
        note: 'South → North',
      },
      { src: 'Floods hit northern Luzon.', tgt: 'Binaha ang timog Luzon.', note: 'north → south' },
      {
        src: 'Soldiers returned to Marawi on Monday.',
        tgt: 'Bumalik ang mga sundalo sa marami noong Lunes.',
        note: 'name turned into a similar word (marami = many)',
      },
      {
        src: 'Heavy rain fell on Surigao del Norte.',
        tgt: 'Bumuhos ang malakas na ulan sa Surigao del Sur.',
        note: 'Norte → Sur',
      },
      {
        src: 'A ticket from China to Cambodia and another from Cambodia to the U.S.',
        tgt: 'Isang tiket mula sa China patungong Dayuhan at isa pa mula sa Cambodia patungong U.S.',
        note: 'a name turned into a native word, with nothing translated word for word',
      },
      {
        src: 'The letter must be legalized by the Ministry of Foreign Affairs.',
        tgt: 'Ang liham ay dapat pagtibayin ng Ministri ng Ugnayang Panlabas.',
        note: 'descriptive name translated word for word: reported as minor',
      },
      {
        src: 'Attention Deficit Disorder is a neurological syndrome.',
        tgt: 'Ang Sakit na Kakulangan sa Kakayahang Magtuon ng Pansin ay isang syndrome na neorolohikal.',
        note: 'common words as native Tagalog words: minor',
      },
      {
        src: 'In France, many cities closed their libraries, including San Francisco.',
        tgt: 'Sa United States, maraming lungsod ang nagsara ng aklatan, kasama ang San Francisco.',
        note: 'France is not Francisco',
      },
      {
        src: 'The Foreign Affairs office in Quito issued the letter.',
        tgt: 'Inilabas ng tanggapan ng Ugnayang Panlabas sa Lima ang liham.',
        note: 'a translated name beside a swapped one',
      },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx)) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    const se = extractEntities(s.text, ctx.srcLang);
    const te = extractEntities(t.text, ctx.tgtLang);
    const si = nameIndex(s.text, ctx.srcLang);
    const ti = nameIndex(t.text, ctx.tgtLang);
    // A compass word changed inside a name (South Cotabato / Hilagang Cotabato) is a changed place.
    const turned = compassChange(s.text, ctx.srcLang, t.text, ctx.tgtLang);
    if (turned) {
      return [
        pairFinding(this, ctx, {
          side: 'tgt',
          rawScore: 1,
          severity: 'major',
          confidence: 0.8,
          message: `Direction changed in a name: "${turned.src.raw}" in the source reads "${turned.tgt.raw}" in the translation`,
          evidence: {
            source: [turned.src.raw],
            translation: [turned.tgt.raw],
            directions: { source: turned.src.dir, translation: turned.tgt.dir },
          },
          local: [turned.tgt.start, turned.tgt.end],
          otherLocal: [turned.src.start, turned.src.end],
        }),
      ];
    }
    // An English name made only of common words ("Bucharest City Hall", "Attention Deficit Disorder", "the state
    // Superintendent") is often translated word for word in Tagalog ("Munisipyo ng Bucharest"): when every word of
    // it the translation lacks is a common English word, it is not a missing name. The Tagalog side's own names
    // are still checked (a foreign-looking or marked name there is flagged on its own).
    // Anchored: some word of the name is on the other side (Bucharest), so the rest is its translation; the lexicon
    // lists some country names as glosses (chile, china), so a lone common-looking word is not enough.
    // Likewise a lone common word capitalised as a title after an article ("the state Superintendent", "the
    // Presidential Minister"), and common words in a title-case heading ("Estimates of the Prevalence of …").
    const common = (w: string) => isCommonWord(w, 'en') && !isKnownName(w, 'en') && !ALIAS_WORDS.has(w);
    const heading = (text: string) => {
      const ws = text.match(/\p{L}{4,}/gu) ?? [];
      return ws.length >= 4 && ws.filter((w) => /^\p{Lu}/u.test(w)).length >= ws.length * 0.6;
    };
    const titled = (e: { start: number }, text: string) =>
      /(?:^|\s)(?:the|a|an|its|their|his|her)\s+(?:\p{Ll}+\s+)?$/u.test(text.slice(Math.max(0, e.start - 24), e.start));
    const descriptive = (e: { tokens: string[]; start: number }, missing: string[], lang: typeof ctx.srcLang) => {
      if (lang !== 'en' || missing.length === 0 || !missing.every(common)) return false;
      const text = lang === ctx.srcLang ? s.text : t.text;
      const anchored = e.tokens.some((x) => !missing.includes(x) && x.length >= 3 && !/^[ivxl]+$/.test(x));
      return anchored || heading(text) || (e.tokens.length === 1 && titled(e, text));
    };
    const onlySrc = se.filter(
      (e) => !entityIn(e, ti, ctx.srcLang) && !descriptive(e, missingTokens(e, ti, ctx.srcLang), ctx.srcLang),
    );
    const onlyTgt = te.filter(
      (e) => !entityIn(e, si, ctx.tgtLang) && !descriptive(e, missingTokens(e, si, ctx.tgtLang), ctx.tgtLang),
    );
    // A name written as often on both sides of a faithful pair ("Feline … Feline") but once less on one side,
    // where a new name appears instead, was replaced there.
    const fewer = (a: { text: string }[], aText: string, bText: string) =>
      a.some((e) => {
        const n = (x: string) => x.split(e.text).length - 1;
        return n(bText) >= 1 && n(bText) < n(aText);
      });
    // A descriptive name translated word for word without an anchor ("Foreign Affairs" / "Ugnayang Panlabas",
    // "Attention Deficit Disorder" / "Sakit na Kakulangan sa Kakayahang Magtuon"): every English word missing is a
    // common word and every Tagalog name word is a native Tagalog word (in the lexicon, or built with a native
    // affix or the linker -ng), so nothing names a different thing. Reported, as minor.
    const enOnly = ctx.srcLang === 'en' ? onlySrc : ctx.tgtLang === 'en' ? onlyTgt : [];
    const tlOnly = ctx.srcLang === 'tl' ? onlySrc : ctx.tgtLang === 'tl' ? onlyTgt : [];
    const tlIdx = ctx.srcLang === 'tl' ? si : ti;
    const enIdx = ctx.srcLang === 'en' ? si : ti;
    const native = (w: string) =>
      w.length > 2 &&
      !looksForeign(w) &&
      !isEnglishWord(w) &&
      (!isKnownName(w, 'tl') || isCommonWord(w, 'tl')) &&
      !ALIAS_WORDS.has(plainWord(w)) &&
      (isCommonWord(w, 'tl') ||
        /^(?:pag|pang|pam|pan|pinag|ipag|ika|ka|ma|na|mag|nag|maka|naka|mapa|napa)\p{L}{3,}$/iu.test(w) ||
        /\p{L}{3,}ng$/iu.test(w));
    const enCommon = (w: string) => common(w) || (!ALIAS_WORDS.has(w) && isCommonEnglishWord(w));
    const enNames = ctx.srcLang === 'en' ? se : ctx.tgtLang === 'en' ? te : [];
    const tlNames = ctx.srcLang === 'tl' ? se : ctx.tgtLang === 'tl' ? te : [];
    const enMissing = enNames.flatMap((e) => missingTokens(e, tlIdx, 'en'));
    const calque =
      enOnly.length + tlOnly.length > 0 &&
      enMissing.length > 0 &&
      enMissing.every(enCommon) &&
      tlOnly.every((e) => e.text.split(/[\s-]+/).every(native)) &&
      tlNames.every((e) => missingTokens(e, enIdx, 'tl').every(native)) &&
      !fewer(se, s.text, t.text) &&
      !fewer(te, t.text, s.text) &&
      tlOnly.every((e) => !afterPersonMarker(ctx.srcLang === 'tl' ? s.text : t.text, e.start));
    if (calque) {
      const tw = tlOnly[0];
      return [
        pairFinding(this, ctx, {
          side: ctx.tgtLang === 'tl' ? 'tgt' : 'src',
          rawScore: enOnly.length + tlOnly.length,
          severity: 'minor',
          confidence: 0.3,
          message: `Name ${enOnly.map((e) => `"${e.text}"`).join(', ')} appears translated word for word${tw ? ` ("${tw.text}")` : ''}: check that the name should be translated`,
          evidence: { source: onlySrc.map((e) => e.text), translation: onlyTgt.map((e) => e.text), calque: true },
        }),
      ];
    }
    // Word level: a name word gone on one side and another on the other, one of them a real name
    // ("Squadron Leader" / "Pinuno ng Armenia"; "European Centre" / "European Children"). Common English words
    // against Tagalog words are a translation ("Highway" / "Lansangan"), unless the Tagalog word looks foreign.
    const srcWords = se.flatMap((e) => {
      const m = missingTokens(e, ti, ctx.srcLang);
      return descriptive(e, m, ctx.srcLang) ? [] : m;
    });
    const tgtWords = te.flatMap((e) => {
      const m = missingTokens(e, si, ctx.tgtLang);
      return descriptive(e, m, ctx.tgtLang) ? [] : m;
    });
    // In Tagalog, a capitalised word is a name word when it looks foreign or is English kept as written; an affixed
    // native word ("Pinag-isang", "Pangsalpok") is a translation of the other side's name words.
    const nameWord = (w: string, lang: typeof ctx.srcLang) =>
      w.length > 2 &&
      !isCommonWord(w, lang) &&
      (lang !== 'tl' || looksForeign(w) || isEnglishWord(w) || isKnownName(w, lang));
    const wordSwap =
      srcWords.length > 0 &&
      tgtWords.length > 0 &&
      (srcWords.some((w) => nameWord(w, ctx.srcLang)) || tgtWords.some((w) => nameWord(w, ctx.tgtLang)));
    const score = onlySrc.length + onlyTgt.length;
    if (score < th(this, ctx.thresholds, 'minUnmatched') && !wordSwap) return [];
    // A name missing on one side and a new one on the other is a substitution (major); a lone missing or
    // extra name is often a paraphrase or a translated common noun written with a capital (minor).
    const swapped =
      (onlySrc.length > 0 && onlyTgt.length > 0) ||
      (onlyTgt.length > 0 && fewer(se, s.text, t.text)) ||
      (onlySrc.length > 0 && fewer(te, t.text, s.text));
    // A lone missing name is major when it is a real name (no word of it is a common word in the lexicon).
    const properName = (e: { text: string }, lang: typeof ctx.srcLang) =>
      !/^\p{Lu}{2,5}s?$/u.test(e.text) &&
      e.text.split(/[\s-]+/).every((w) => w.length > 2 && !isCommonWord(w.replace(/['’]s$/, ''), lang));
    // In Tagalog, a capitalised word the lexicon does not know is as often an affixed native word ("Daungan",
    // "Pangsalpok") as a name: there a lone name must look foreign (see looksForeign),
    // follow a person marker (si, ni, kay, sina, nina), be English words left in English (a name kept as
    // written), or be a known name (Tsina, Europa).
    const lonely = (e: { text: string; start: number; tokens: string[] }, lang: typeof ctx.srcLang, text: string) =>
      (properName(e, lang) && (lang !== 'tl' || looksForeign(e.text) || afterPersonMarker(text, e.start))) ||
      (lang === 'tl' && e.tokens.every((w) => w.length > 3 && isEnglishWord(w) && !isCommonWord(w, 'tl'))) ||
      e.tokens.some((w) => w.length > 3 && isKnownName(w, lang));
    const lone =
      onlySrc.some((e) => lonely(e, ctx.srcLang, s.text)) || onlyTgt.some((e) => lonely(e, ctx.tgtLang, t.text));
    if (!score) {
      // Only words of names differ (each name is still half there). Reported when the Tagalog side kept a
      // name word in English (European Centre) that the English lacks: a Tagalog word there is a translation.
      const tlWords = ctx.srcLang === 'tl' ? srcWords : ctx.tgtLang === 'tl' ? tgtWords : [];
      if (!tlWords.some((w) => w.length > 2 && isEnglishWord(w) && !isCommonWord(w, 'tl'))) return [];
      const sw = se.find((e) => missingTokens(e, ti, ctx.srcLang).length)!;
      const tw = te.find((e) => missingTokens(e, si, ctx.tgtLang).length)!;
      return [
        pairFinding(this, ctx, {
          side: 'tgt',
          rawScore: srcWords.length + tgtWords.length,
          severity: 'major',
          confidence: 0.6,
          message: `Name "${sw.text}" in the source appears as "${tw.text}" in the translation`,
          evidence: { source: [sw.text], translation: [tw.text], words: { source: srcWords, translation: tgtWords } },
          local: [tw.start, tw.end],
          otherLocal: [sw.start, sw.end],
        }),
      ];
    }
    const side = onlyTgt.length ? 'tgt' : 'src';
    const flagged = (side === 'tgt' ? onlyTgt : onlySrc)[0]!;
    const other = (side === 'tgt' ? onlySrc : onlyTgt)[0];
    const q = (xs: { text: string }[]) => xs.map((e) => `"${e.text}"`).join(', ');
    const message = swapped
      ? `Name ${q(onlySrc)} in the source appears as ${q(onlyTgt)} in the translation`
      : onlySrc.length
        ? `Name ${q(onlySrc)} in the source is missing from the translation`
        : `Name ${q(onlyTgt)} in the translation is not in the source`;
    return [
      pairFinding(this, ctx, {
        side,
        rawScore: score,
        severity: swapped || lone || wordSwap ? 'major' : 'minor',
        confidence: swapped ? 0.8 : lone ? 0.6 : 0.45,
        message,
        evidence: { source: onlySrc.map((e) => e.text), translation: onlyTgt.map((e) => e.text) },
        local: [flagged.start, flagged.end],
        otherLocal: other ? [other.start, other.end] : null,
        suggestion: swapped && side === 'tgt' && onlySrc.length === 1 && onlyTgt.length === 1 ? onlySrc[0]!.text : null,
      }),
    ];
  },
};
