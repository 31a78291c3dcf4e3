// The MQM-style categories a flag can have, in one list: detectors (server/core/types.ts), the model judge's
// prompt and parser, the contract's schemas and the web app's category filter all read this one. No zod here,
// so the web app may import it as a value without bundling zod (.dependency-cruiser.cjs allows this file only).

export const CATEGORIES = [
  'accuracy/mistranslation',
  'accuracy/omission',
  'accuracy/addition',
  'accuracy/untranslated',
  'fluency/grammar',
  'fluency/inconsistency',
  'fluency/mt-artifact',
  'style/spin',
  'source/boilerplate',
  'source/misalignment',
] as const;
export type CategoryName = (typeof CATEGORIES)[number];
