// The spinner zoo's shared shapes. A generator proposes Pieces (replacements of [start,end) of the original);
// compose() applies them and gives the spun text with its gold edits (offsets in the spun text).

export type EditKind = 'spin' | 'meaning';

/** A gold change: [start,end) in the spun text, what it says there, and the original words it replaced. */
export interface ZooEdit {
  start: number;
  end: number;
  text: string;
  original: string;
  kind: EditKind;
  /** which family (or which kind of meaning edit) made it: lets the bench break figures down */
  by: string;
}

export interface ZooSpun {
  family: string;
  text: string;
  original: string;
  edits: ZooEdit[];
}

/** One proposed replacement, in the original's offsets. */
export interface Piece {
  start: number;
  end: number;
  replacement: string;
  kind: EditKind;
  by: string;
}

export interface FamilyOptions {
  /** share of eligible words (or phrases) the spinner tries to replace */
  rate: number;
}

export interface Family {
  id: string;
  /** what real tools this family stands for */
  describes: string;
  pieces: (original: string, r: () => number, opts: FamilyOptions) => Piece[];
}
