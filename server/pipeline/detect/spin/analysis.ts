import { contextFindings, type ContextThresholds } from './contextual.js';
import type { SpinFinding } from './finding.js';
import { lexiconFindings, type LexiconThresholds } from './fingerprint.js';
import { rareFindings, type RareThresholds } from './rare.js';

// The per-document spin analysis every no-original spin detector reads (SpinContext.spin): worked out once
// per document, before any detector runs. It holds what is shared between detectors: the evidence of the
// model (spin-context), of rare synonyms (spin-rare) and of fingerprints (spin-fingerprint, spin-tortured),
// and the document gate those three decide together — whether the text reads as spun at all. Each detector
// then shows its own findings, with its own thresholds, only where the gate lets it.

/** The thresholds the analysis is computed with: those of the three detectors whose evidence it holds. */
export interface SpinAnalysisThresholds {
  /** spin-context's: the model's unit cut and the gate's two levels of the model's mean */
  context: ContextThresholds;
  /** spin-rare's: which rare words count, and how dense they must be */
  rare: RareThresholds;
  /** spin-fingerprint's: when weak fingerprints are shown */
  lexicon: LexiconThresholds;
}

export interface SpinAnalysis {
  text: string;
  /** the model's mean unit probability (a short text's pulled toward clean prose's) */
  mean: number;
  /** the model's units at or above spin-context's minProbability */
  model: readonly SpinFinding[];
  /** fingerprint and tortured-phrase matches (spin-fingerprint, spin-tortured) */
  lexicon: readonly SpinFinding[];
  /** rare synonyms past spin-rare's own density gate; only looked for when the model's mean reaches gateMean */
  rare: readonly SpinFinding[];
  /** a strong spinner fingerprint is in the text */
  strongFingerprint: boolean;
  /** the document gate: the model's mean, backed by rare words or a strong fingerprint, or high enough alone */
  spun: boolean;
}

export function analyseSpin(text: string, th: SpinAnalysisThresholds): SpinAnalysis {
  // weak fingerprints open on the fingerprint evidence alone: they describe the thesaurus spinners, and a
  // WordNet spinner's rare words say nothing about whether "army" was "military"
  const lexicon = lexiconFindings(text, th.lexicon);
  const model = contextFindings(text, th.context);
  const strongFingerprint = lexicon.some((f) => f.confidence >= 0.9);
  // below gateMean (most clean text) the rare-word pass is not run at all
  const rare = model.mean >= th.context.gateMean ? rareFindings(text, th.rare) : [];
  const spun =
    model.mean >= th.context.gateAlone || (model.mean >= th.context.gateMean && (rare.length > 0 || strongFingerprint));
  return { text, mean: model.mean, model: model.findings, lexicon, rare, strongFingerprint, spun };
}
