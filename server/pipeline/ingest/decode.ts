import { createRequire } from 'node:module';
import type Chardet from 'chardet';
import type Iconv from 'iconv-lite';
import { InputError } from '../../errors.js';

// The encoding guesser and the legacy decoders are loaded with the first file that is not UTF-8 (their
// CommonJS builds, so that decoding stays synchronous): `tapat align` and `tapat check` on UTF-8 text, what
// nearly every input is, do without them (bench/startup.ts).
const require = createRequire(import.meta.url);
let chardetLib: typeof Chardet | null = null;
let iconvLib: typeof Iconv | null = null;
const chardet = (): typeof Chardet => (chardetLib ??= require('chardet') as typeof Chardet);
const iconv = (): typeof Iconv => (iconvLib ??= require('iconv-lite') as typeof Iconv);

// Bytes → text. Order matters: known binary formats first, then byte-order marks, then BOM-less UTF-16
// (recognised by its NUL-byte pattern, before NULs are taken as a sign of binary), then strict UTF-8 (a
// file that is valid UTF-8 is UTF-8), then a legacy single-byte fallback. Anything that still does not
// decode cleanly is refused: a half-decoded file would put wrong characters under every offset.

export interface Decoded {
  text: string; // BOM stripped: offsets downstream index this string
  encoding: string;
}

const MAGIC: readonly [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive (or docx/xlsx/epub)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['bzip2 archive', [0x42, 0x5a, 0x68]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['Mach-O executable', [0xcf, 0xfa, 0xed, 0xfe]],
  ['Windows executable', [0x4d, 0x5a, 0x90, 0x00]],
];

const SAMPLE = 64 * 1024;
/** Share of control characters (other than tab, newlines, form feed) above which a file is binary. */
const MAX_CONTROL_RATIO = 0.05;
/** chardet guesses that are Latin-script single-byte encodings: read them as Windows-1252, which is what
 * browsers do with Latin-1 labels, and which keeps “smart quotes”; chardet often names a sibling (1250,
 * 1257) for short Tagalog/English text, where those would turn "ñ" into "ń". */
const LATIN_FAMILY = /^(?:windows-125[0247]|iso-8859-(?:1|2|4|9|13|15)|ascii)$/i;
const LEGACY_MIN_CONFIDENCE = 50;

const startsWith = (buf: Buffer, sig: number[]): boolean =>
  buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

function binaryKind(buf: Buffer): string | null {
  for (const [kind, sig] of MAGIC) if (startsWith(buf, sig)) return kind;
  return null;
}

/** BOM-less UTF-16: in Latin-script text every other byte is NUL. */
function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.05) return 'utf-16be';
  return null;
}

function controlRatio(text: string): number {
  const sample = text.slice(0, SAMPLE);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
  }
  return sample.length ? control / sample.length : 0;
}

function strict(buf: Buffer, encoding: 'utf-8' | 'utf-16le'): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

function decodeUtf16(buf: Buffer, encoding: 'utf-16le' | 'utf-16be', path: string): string {
  if (buf.length % 2 !== 0)
    throw new InputError(`undecodable bytes: ${encoding.toUpperCase()} text with an odd number of bytes`, path);
  const text = encoding === 'utf-16le' ? strict(buf, 'utf-16le') : strict(Buffer.from(buf).swap16(), 'utf-16le');
  if (text === null)
    throw new InputError(`undecodable bytes: invalid ${encoding.toUpperCase()} (unpaired surrogate)`, path);
  return text;
}

/** The charset to try for text that is not UTF-8: a declared one (HTML meta) if known, else chardet's guess. */
function legacyEncoding(buf: Buffer, declared: string | null): string {
  if (declared && !/^utf-?8$/i.test(declared) && iconv().encodingExists(declared)) {
    return LATIN_FAMILY.test(declared) ? 'windows-1252' : declared.toLowerCase();
  }
  const best = chardet().analyse(buf.subarray(0, SAMPLE))[0];
  if (
    best &&
    !LATIN_FAMILY.test(best.name) &&
    best.confidence >= LEGACY_MIN_CONFIDENCE &&
    !/^utf/i.test(best.name) &&
    iconv().encodingExists(best.name)
  ) {
    return best.name.toLowerCase();
  }
  return 'windows-1252';
}

export function decodeBuffer(buf: Buffer, path: string, declaredCharset: string | null = null): Decoded {
  if (buf.length === 0) throw new InputError('file is empty', path);
  const kind = binaryKind(buf);
  if (kind) throw new InputError(`binary file (${kind}), not text`, path);
  let decoded: Decoded;
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    const text = strict(buf.subarray(3), 'utf-8');
    if (text === null)
      throw new InputError('undecodable bytes: starts with a UTF-8 byte-order mark but is not valid UTF-8', path);
    decoded = { text, encoding: 'utf-8' };
  } else if (startsWith(buf, [0xff, 0xfe])) {
    decoded = { text: decodeUtf16(buf.subarray(2), 'utf-16le', path), encoding: 'utf-16le' };
  } else if (startsWith(buf, [0xfe, 0xff])) {
    decoded = { text: decodeUtf16(buf.subarray(2), 'utf-16be', path), encoding: 'utf-16be' };
  } else {
    const utf16 = utf16WithoutBom(buf);
    if (utf16) decoded = { text: decodeUtf16(buf, utf16, path), encoding: utf16 };
    else {
      if (buf.indexOf(0) >= 0) throw new InputError('binary file (contains NUL bytes), not text', path);
      const utf8 = strict(buf, 'utf-8');
      if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8' };
      else {
        const encoding = legacyEncoding(buf, declaredCharset);
        const text = iconv().decode(buf, encoding);
        const bad = text.indexOf('\uFFFD');
        if (bad >= 0) {
          const where =
            encoding === 'windows-1252' ? ` (byte 0x${buf[bad]?.toString(16).toUpperCase()} at offset ${bad})` : '';
          throw new InputError(`undecodable bytes: neither UTF-8, UTF-16 nor ${encoding}${where}`, path);
        }
        decoded = { text, encoding };
      }
    }
  }
  if (controlRatio(decoded.text) > MAX_CONTROL_RATIO)
    throw new InputError('binary file (mostly control characters), not text', path);
  if (decoded.text.charCodeAt(0) === 0xfeff) decoded.text = decoded.text.slice(1);
  return decoded;
}

/** The charset an HTML file declares in its first bytes (<meta charset> or http-equiv), if any. */
export function declaredHtmlCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}
