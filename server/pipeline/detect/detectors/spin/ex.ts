import type { TextExample } from '../../types.js';

/** A spin detector's example: a text, with the original it was spun from when the detector needs one. */
export const ex = (text: string, note?: string, original?: string): TextExample => ({
  text,
  ...(note ? { note } : {}),
  ...(original ? { original } : {}),
});
