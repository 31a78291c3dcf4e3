import type { PairDetector } from '../../types.js';
import { isContentPair, pairFinding, sideText } from '../../pairText.js';
import { affixalNegation, negationCues, softNegation, unAntonyms, unkeptAffixal } from '../../../../lang/negation.js';
import { th } from '../../thresholds.js';
import { stanceChange } from '../../../../lang/stance.js';
import { litotes } from '../../../../lang/negation-scope.js';

// Polarity must survive translation: hindi/huwag/wala/ayaw ↔ not/n't/never/no/without.

export const negationDetector: PairDetector = {
  id: 'negation',
  name: 'Negation',
  description:
    'One side is negated (hindi, huwag, wala / not, never, no) and the other is not. A particle before the opposite of a word on the other side is litotes (hindi matagumpay / failure), not a negation.',
  category: 'accuracy/mistranslation',
  defaultSeverity: 'major',
  scope: 'pair',
  thresholds: { minDifference: 1, minTotalGap: 1 },
  examples: {
    pass: [
      { src: 'The minister did not sign the deal.', tgt: 'Hindi pinirmahan ng ministro ang kasunduan.' },
      { src: 'There is no water in the village.', tgt: 'Walang tubig sa nayon.' },
      { src: 'The leaders met in the city.', tgt: 'Nagkita ang mga pinuno sa lungsod.' },
      {
        src: 'Not long after, the rain stopped.',
        tgt: 'Hindi nagtagal, tumigil ang ulan.',
        note: 'hindi nagtagal = soon after',
      },
      {
        src: 'The storm destroyed not only houses but also roads.',
        tgt: 'Sinira ng bagyo hindi lamang ang mga bahay kundi pati ang mga kalsada.',
        note: 'not only … but',
      },
      {
        src: 'At least 15 people died.',
        tgt: 'Hindi bababa sa 15 katao ang namatay.',
        note: 'hindi bababa sa = at least',
      },
      {
        src: 'The unit should last no longer than 40 minutes.',
        tgt: 'Hindi dapat higit sa 40 minuto ang yunit.',
        note: 'bound idioms',
      },
      {
        src: 'Limit nonessential visitors.',
        tgt: 'Limitahan ang mga hindi mahalagang bisita.',
        note: 'hindi bound to one word',
      },
      {
        src: 'Flying a drone is not illegal here.',
        tgt: 'Ang pagpapalipad ng drone ay hindi ilegal dito.',
        note: 'illegal / ilegal on both sides',
      },
      {
        src: 'The police declined to release the names of the victims.',
        tgt: 'Tumanggi ang pulisya na ilabas ang mga pangalan ng mga biktima.',
        note: 'refusal kept',
      },
      { src: 'The ministry denied the report.', tgt: 'Itinanggi ng ministeryo ang ulat.', note: 'denial kept' },
      {
        src: 'There may be undetected transmission in the community.',
        tgt: 'Maaaring may hindi natukoy na transmisyon sa komunidad.',
        note: 'un- word rendered by a particle',
      },
      {
        src: 'The judge said it was almost inevitable.',
        tgt: 'Sinabi ng hukom na halos hindi ito maiiwasan.',
        note: 'inevitable = hindi maiiwasan',
      },
      {
        src: 'Call the toll-free number without charge.',
        tgt: 'Tawagan ang walang bayad na numero nang walang bayad.',
        note: '-free compound',
      },
      { src: "You lied to me, didn't you?", tgt: 'Nagsinungaling ka sa akin, di ba?', note: 'tag questions' },
      { src: 'Never play on the road.', tgt: 'Huwag na huwag kayong maglaro sa daan.', note: 'huwag na huwag = never' },
      {
        src: 'He thinks of nothing but himself.',
        tgt: 'Wala siyang iniisip kung hindi sarili niya.',
        note: 'kung hindi = but, after a negation',
      },
      {
        src: "Even if you're nowhere near affected areas, stay home.",
        tgt: 'Kahit malayo ka sa mga apektadong lugar, manatili sa bahay.',
        note: 'nowhere near = far from',
      },
      { src: "I don't know.", tgt: 'Ewan ko.', note: 'ewan = I do not know' },
      { src: "I don't want to go home.", tgt: 'Ayokong umuwi.', note: 'ayokong = I do not want' },
      { src: 'Oh no, the bus has left!', tgt: 'Naku, umalis na ang bus!', note: 'an interjection' },
      {
        src: 'No matter what happens, stay calm.',
        tgt: 'Anuman ang mangyari, manatiling kalmado.',
        note: 'no matter = anuman / kahit',
      },
      {
        src: 'The new road is not as wide as the old one.',
        tgt: 'Mas makitid ang bagong kalsada kaysa sa luma.',
        note: 'a comparison turned round',
      },
      { src: 'Maria has left.', tgt: 'Wala na si Maria.', note: 'wala before a person = gone, absent' },
      {
        src: 'The results were unusual.',
        tgt: 'Kakaiba ang mga resulta.',
        note: 'an un- word rendered by a positive antonym',
      },
      {
        src: 'Every choice has its pros and cons.',
        tgt: 'May kaaya-aya at di-kaaya-aya ang bawat pasya.',
        note: 'di- prefix on one word',
      },
      {
        src: "The supermarket's previous attempt to revamp its pharmacy ended in failure.",
        tgt: 'Hindi naging matagumpay ang huling pagtatangka ng supermarket na baguhin ang pharmacy nito.',
        note: 'litotes: not successful = failure (NTREX-128)',
      },
      {
        src: 'The expert called it an irreplaceable historical instrument.',
        tgt: 'Tinawag ito ng dalubhasa na isang hindi mapapalitan na makasaysayang instrumento.',
        note: 'litotes: hindi mapapalitan = irreplaceable (NTREX-128)',
      },
      { src: 'There is no water in the village.', tgt: 'Walàng tubig sa nayon.', note: 'an accented walàng' },
      {
        src: 'I know you are going to say no.',
        tgt: 'Alam kong tatanggi ka.',
        note: '"say no" reports a refusal (tatanggi)',
      },
      {
        src: 'The stars look dim because of the city lights.',
        tgt: 'Hindi maliwanag ang mga bituin dahil sa mga ilaw ng siyudad.',
        note: 'litotes: not bright = dim (Tatoeba)',
      },
    ],
    fail: [
      {
        src: 'The minister signed the deal.',
        tgt: 'Hindi pinirmahan ng ministro ang kasunduan.',
        note: 'negation added',
      },
      { src: "Russia won't send weapons.", tgt: 'Magpapadala ng armas ang Rusya.', note: 'negation lost' },
      {
        src: 'The minister arrived on time.',
        tgt: 'Hindi dumating sa oras ang ministro.',
        note: 'sentence opens with Hindi',
      },
      {
        src: 'The storm destroyed not only houses but also roads.',
        tgt: 'Sinira ng bagyo ang mga bahay, hindi ang mga kalsada.',
        note: '"not only … but also" is not a negation',
      },
      {
        src: 'Not long after, the rain stopped.',
        tgt: 'Hindi tumigil ang ulan.',
        note: 'idiom turned into a negation',
      },
      {
        src: 'The police declined to release the names of the victims.',
        tgt: 'Itinanggi ng pulisya ang mga pangalan ng mga biktima.',
        note: 'declined to release → denied',
      },
      {
        src: 'The virus was detected in the community.',
        tgt: 'Hindi natukoy ang virus sa komunidad.',
        note: 'no un- word for the particle to render',
      },
      {
        src: 'The undetected cases were counted.',
        tgt: 'Hindi binilang ang mga hindi natukoy na kaso.',
        note: 'one particle renders un-, the other is added',
      },
      {
        src: 'He took the exam.',
        tgt: 'Hindi siya nakakuha ng eksamen.',
        note: 'an opening Hindi with no verb of failure to render',
      },
      {
        src: 'Cancelling the runoff would not have been against the constitution.',
        tgt: 'Ang pagkakansela sa eleksiyon ay magiging labag sa konstitusyon.',
        note: 'against the constitution = labag sa konstitusyon; the "not" is lost',
      },
      {
        src: 'In some countries there is at least one restaurant, often an informal one.',
        tgt: "Hindi sa ilang bansa ay may kahit isang restawran, kadalasa'y impormal.",
        note: 'informal kept as impormal does not excuse an opening Hindi',
      },
      {
        src: 'Long-term effects remain unclear.',
        tgt: 'Ang mga pangmatagalang epekto ay nananatiling maliwanag.',
        note: 'the un- word lost its negation (unclear → maliwanag)',
      },
      {
        src: 'These animals are not unusual here.',
        tgt: 'Kakaiba ang mga hayop na ito rito.',
        note: 'kakaiba renders "unusual" but not the "not"',
      },
      { src: 'I know.', tgt: 'Ewan ko.', note: 'ewan = I do not know' },
      { src: 'I want to go home.', tgt: 'Ayokong umuwi.', note: 'ayokong = I do not want' },
      { src: 'He has money.', tgt: 'Wala siyang pera.', note: 'wala + linker is possession, still a negation' },
      {
        src: 'No matter what happens, do not leave.',
        tgt: 'Anuman ang mangyari, umalis ka.',
        note: 'the idiom is soft, the "do not" is still a negation',
      },
      {
        src: 'The new road is as wide as the old one.',
        tgt: 'Hindi kasinlapad ng luma ang bagong kalsada.',
        note: 'comparison negated',
      },
      { src: 'There is water in the village.', tgt: 'Walàng tubig sa nayon.', note: 'walàng is still wala' },
      {
        src: 'The road was clear after the storm.',
        tgt: 'Hindi malinaw ang daan matapos ang bagyo.',
        note: 'no opposite of malinaw (clear) in the source: no litotes, a negation added',
        severity: 'major',
      },
    ],
  },
  run(ctx) {
    if (!isContentPair(ctx)) return [];
    const s = sideText(ctx.src);
    const t = sideText(ctx.tgt);
    // Particles bound to one word ("hindi kilalang", "nang hindi") count with the words that carry negation.
    // A particle before the opposite of a word on the other side is that word's (litotes: "Hindi naging
    // matagumpay" / "ended in failure"): it weighs like a bound particle, not like a clause negation.
    // (Read only when the clause negations differ in number: the look-ups are not free, and equal counts agree.)
    const sRaw = negationCues(s.text, ctx.srcLang);
    const tRaw = negationCues(t.text, ctx.tgtLang);
    const free = (cs: typeof sRaw) => cs.filter((c) => !c.bound).length;
    const differ = free(sRaw) !== free(tRaw);
    const read = (cs: typeof sRaw, text: string, lang: typeof ctx.srcLang, other: string) =>
      differ ? cs.map((c) => (c.bound || !litotes(c, text, lang, other) ? c : { ...c, bound: true })) : cs;
    const sAll = read(sRaw, s.text, ctx.srcLang, t.text);
    const tAll = read(tRaw, t.text, ctx.tgtLang, s.text);
    const sc = sAll.filter((c) => !c.bound);
    const tc = tAll.filter((c) => !c.bound);
    // A particle on one side may be carried by a word on the other ("unknown" / "hindi alam", "excluded" /
    // "hindi kasama"). Such words on both sides pair off first; what is left of one side's excuses the other's
    // particles. With particles on both sides, a side with more negation in all (particles and words) than the
    // other has one the translation did not carry ("not located … inaccessible" / "hindi madaling marating").
    const softS = softNegation(s.text, ctx.srcLang) + sAll.length - sc.length;
    const softT = softNegation(t.text, ctx.tgtLang) + tAll.length - tc.length;
    // Particles equal on both sides, but one side also has an affixal negation ("inaccessible") that the other
    // does not render with a word of its own: the other side's particle is that word's, so one is missing there.
    const affS = affixalNegation(s.text, ctx.srcLang);
    const affT = affixalNegation(t.text, ctx.tgtLang);
    // Tagalog has no un-/in- prefix: a particle the source lacks renders one of its affixal words first
    // ("undetected" / "hindi natukoy", "inevitable" / "hindi maiiwasan"), whatever other words of lack the
    // translation holds ("kahinaan" for "susceptibility" does not use "undetected" up).
    // (A bound particle, "mga hindi natukoy", already renders one of them.)
    const carried = Math.min(Math.max(0, tc.length - sc.length), Math.max(0, affS - affT - softT));
    const tcn = tc.length - carried;
    const softSn = softS - carried;
    const diff = Math.abs(sc.length - tcn);
    const excessS = sc.length - tcn - Math.max(0, softT - softSn);
    const excessT = tcn - sc.length - Math.max(0, softSn - softT);
    const minGap = th(this, ctx.thresholds, 'minTotalGap');
    const even = sc.length === tc.length && sc.length >= 1;
    const gapS = even && softT === 0 && affS - affT >= minGap;
    const gapT = even && softS === 0 && affT - affS >= minGap;
    // The mirror of `carried`: an English affixal word ("undetected", "unclear") with nothing in the Tagalog to
    // render it — no particle beyond the English ones, no word of lack — lost its negation ("natukoy").
    const unrendered = (a: number, b: number, extra: number, soft: number) => a - b - Math.max(0, extra) - soft;
    // Tagalog words of lack pair first with the English ones that are not affixal (susceptibility / kahinaan);
    // only those left over can render an affixal word.
    const spare = (tlSoft: number, enSoft: number, enAff: number) => Math.max(0, tlSoft - Math.max(0, enSoft - enAff));
    const lostS =
      ctx.srcLang === 'en' &&
      ctx.tgtLang === 'tl' &&
      unrendered(
        unkeptAffixal(s.text, t.text),
        affT,
        tAll.length - sAll.length,
        spare(softNegation(t.text, ctx.tgtLang), softNegation(s.text, ctx.srcLang), affS) + unAntonyms(t.text),
      ) >= 1;
    const lostT =
      ctx.tgtLang === 'en' &&
      ctx.srcLang === 'tl' &&
      unrendered(
        unkeptAffixal(t.text, s.text),
        affS,
        sAll.length - tAll.length,
        spare(softNegation(s.text, ctx.srcLang), softNegation(t.text, ctx.tgtLang), affT) + unAntonyms(s.text),
      ) >= 1;
    if (diff < th(this, ctx.thresholds, 'minDifference') && !gapS && !gapT && (lostS || lostT)) {
      return [
        pairFinding(this, ctx, {
          side: lostS ? 'tgt' : 'src',
          rawScore: 1,
          severity: 'major',
          confidence: 0.55,
          message: `The ${lostS ? 'source' : 'translation'} has a negating "un-/in-/non-" word that the ${lostS ? 'translation' : 'source'} does not negate`,
          evidence: {
            source: sc.map((c) => c.cue),
            translation: tc.map((c) => c.cue),
            affixalSource: affS,
            affixalTranslation: affT,
          },
        }),
      ];
    }
    if (diff < th(this, ctx.thresholds, 'minDifference') && !gapS && !gapT) {
      // Same polarity, but a refusal reported as a denial (or back): "declined to release" / "itinanggi".
      const st = stanceChange(s.text, ctx.srcLang, t.text, ctx.tgtLang);
      if (!st) return [];
      const says = {
        refuse: 'a refusal (declined/refused to, tumanggi)',
        deny: 'a denial (denied, itinanggi)',
      } as const;
      return [
        pairFinding(this, ctx, {
          side: 'tgt',
          rawScore: 1,
          severity: 'major',
          confidence: 0.6,
          message: `The source reports ${says[st.src]}, the translation ${says[st.tgt]}`,
          evidence: { source: [st.src], translation: [st.tgt] },
        }),
      ];
    }
    // A Tagalog sentence that opens with "Hindi" negates its main clause: words of lack on the other side
    // ("prevent", "out of") do not excuse it the way they excuse a particle inside the sentence.
    const opens = (cs: typeof sc, text: string, lang: typeof ctx.srcLang) =>
      lang === 'tl' && cs.some((c) => c.cue === 'hindi' && /(?:^|[.!?]\s+)["“]?$/.test(text.slice(0, c.start)));
    // (An affixal word there — "uncertain" / "Hindi sigurado" — is the particle's partner, as below.)
    // A verb of failure or neglect is the clause's negation itself ("He failed to take the exam" / "Hindi siya
    // nakakuha ng eksamen", "I could hardly keep from" / "Hindi ko mapigilang"): it does excuse an opening Hindi.
    const clauseLack = (text: string, lang: typeof ctx.srcLang) =>
      lang === 'en' &&
      /\b(?:fail(?:s|ed|ing)?|neglect(?:s|ed|ing)?|hardly|barely|scarcely|deaf|blind|ignore|out\s+of\s+fashion|clums\p{L}*|bad(?:ly)?|wrong(?:ly)?|resist\p{L}*|reluctan\p{L}*)\b/iu.test(
        text,
      );
    // (An affixal word the other side keeps as a loan, informal / impormal, needs no particle.)
    const openS =
      sc.length > 0 &&
      tc.length === 0 &&
      affT <= affS &&
      !clauseLack(t.text, ctx.tgtLang) &&
      opens(sc, s.text, ctx.srcLang);
    const openT =
      tc.length > 0 &&
      sc.length === 0 &&
      affS <= affT &&
      !clauseLack(s.text, ctx.srcLang) &&
      opens(tc, t.text, ctx.tgtLang);
    const flipped = sc.length > 0 !== tc.length > 0;
    const major = excessS >= 1 || excessT >= 1 || gapS || gapT || openS || openT;
    const side =
      excessS >= 1 || gapS || openS
        ? 'src'
        : excessT >= 1 || gapT || openT
          ? 'tgt'
          : tc.length >= sc.length
            ? 'tgt'
            : 'src';
    const cue = (side === 'tgt' ? tc : sc)[0];
    const otherCue = (side === 'tgt' ? sc : tc)[0];
    const message = flipped
      ? tc.length
        ? `The translation is negated ("${tc.map((c) => c.cue).join('", "')}") but the source is not`
        : `The source is negated ("${sc.map((c) => c.cue).join('", "')}") but the translation is not`
      : sc.length === tc.length
        ? `The ${side === 'src' ? 'source' : 'translation'} has one more negation: an "un-/in-/non-" word besides the particle(s) it shares with the other side (${sc.length} each)`
        : `Different number of negations: ${sc.length} in the source, ${tc.length} in the translation`;
    return [
      pairFinding(this, ctx, {
        side,
        rawScore: Math.max(diff, gapS ? affS : gapT ? affT : 0),
        severity: major ? 'major' : 'minor',
        confidence: major ? (flipped ? 0.85 : 0.65) : 0.35,
        message,
        evidence: {
          source: sc.map((c) => c.cue),
          translation: tc.map((c) => c.cue),
          softSource: softS,
          softTranslation: softT,
        },
        local: cue ? [cue.start, cue.end] : null,
        otherLocal: otherCue ? [otherCue.start, otherCue.end] : null,
      }),
    ];
  },
};
