/**
 * Text encoding detection and streaming transcoding to UTF-8 (pure: bytes in, bytes out).
 *
 * DuckDB's CSV reader reads UTF-8 only (and UTF-16/Latin-1 with an option), while Chinese exports
 * are often GBK/GB18030 or Big5. We detect in this order: byte-order mark, UTF-16 by the pattern of
 * zero bytes, strict UTF-8 validation, then score the candidate legacy decodings by the share of
 * everyday characters they yield. A low score never passes silently: it becomes a warning and the
 * user can override the encoding.
 */
import { commonChinese } from './common-chinese.ts';

/** Encodings the importer can read. Names are WHATWG `TextDecoder` labels. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'windows-1252';

/** Every supported encoding, for override pickers. */
export const textEncodings: readonly TextEncodingName[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'windows-1252',
];

/** The detector's answer. */
export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Length of the byte-order mark to skip (0 when none). */
  bomBytes: number;
  /** 0…1: how sure the detector is (1 for a BOM or valid UTF-8; a score margin otherwise). */
  confidence: number;
  /** How the answer was found. */
  method: 'bom' | 'utf16-pattern' | 'utf8-valid' | 'scored' | 'override';
  /** Set when the user should check the preview (low confidence, undecodable bytes). */
  warning?: string;
}

/** Options for `detectEncoding`. */
export interface DetectEncodingOptions {
  /** Use this encoding instead of detecting one (the BOM, if any, is still skipped). */
  override?: TextEncodingName;
}

/** Confidence below which a scored guess carries a warning. */
export const LOW_CONFIDENCE = 0.6;

/** Detects the encoding of `head` (the first few hundred KB of a file are plenty). */
export function detectEncoding(head: Uint8Array, options: DetectEncodingOptions = {}): EncodingGuess {
  const bom = detectBom(head);
  if (options.override) {
    const bomBytes = bom && bom.encoding === options.override ? bom.bomBytes : 0;
    const guess: EncodingGuess = { encoding: options.override, bomBytes, confidence: 1, method: 'override' };
    // A forced encoding can turn text into valid-looking mojibake: say so when the bytes disagree.
    const detected = detectEncoding(head);
    if (detected.encoding !== options.override && detected.confidence >= LOW_CONFIDENCE) {
      guess.warning = `You chose ${options.override}, but the file looks like ${detected.encoding} (confidence ${detected.confidence}); check the preview for garbled text.`;
    }
    return guess;
  }
  if (bom) return { ...bom, confidence: 1, method: 'bom' };
  const utf16 = detectUtf16(head);
  if (utf16) return { encoding: utf16, bomBytes: 0, confidence: 0.9, method: 'utf16-pattern' };
  if (isValidUtf8(head)) return { encoding: 'utf-8', bomBytes: 0, confidence: 1, method: 'utf8-valid' };
  return scoreLegacy(head);
}

function detectBom(b: Uint8Array): { encoding: TextEncodingName; bomBytes: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  return null;
}

/** ASCII text in UTF-16 has a zero in every other byte: odd positions for LE, even for BE. */
function detectUtf16(b: Uint8Array): TextEncodingName | null {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Strict UTF-8 validation; a multi-byte sequence cut off at the end of the head is allowed. */
export function isValidUtf8(b: Uint8Array): boolean {
  let end = b.length;
  // Drop an incomplete trailing sequence (at most 3 bytes) so a slice boundary is not an error.
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const byte = b[end - k]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (k < need) end -= k;
    }
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Scores of a candidate decoding: share of CJK characters that are everyday ones, replacements. */
interface DecodeScore {
  encoding: TextEncodingName;
  score: number;
}

function scoreLegacy(head: Uint8Array): EncodingGuess {
  const scores: DecodeScore[] = (['gb18030', 'big5'] as const).map((encoding) => ({
    encoding,
    score: scoreCjk(decodeLoose(head, encoding)),
  }));
  scores.push({ encoding: 'windows-1252', score: scoreLatin(head) });
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0]!;
  const second = scores[1]!;
  // Confidence: how good the best decode is, discounted when the runner-up is close.
  const confidence = Math.max(0, Math.min(1, best.score * 1.5)) * Math.min(1, (best.score - second.score) * 4);
  const guess: EncodingGuess = {
    encoding: best.encoding,
    bomBytes: 0,
    confidence: round2(confidence),
    method: 'scored',
  };
  if (confidence < LOW_CONFIDENCE) {
    guess.warning = `The text encoding is uncertain (best guess ${best.encoding}, confidence ${round2(confidence)}). Check the preview and choose the encoding if the text looks garbled.`;
  }
  return guess;
}

function decodeLoose(b: Uint8Array, encoding: TextEncodingName): string {
  return new TextDecoder(encoding).decode(b);
}

/** Share of CJK characters that are everyday ones, minus a penalty for replacement characters. */
function scoreCjk(text: string): number {
  let cjk = 0;
  let common = 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) bad++;
    else if (c >= 0x3400 && c <= 0x9fff) {
      cjk++;
      if (commonChinese.has(ch)) common++;
    } else if (c >= 0xe000 && c <= 0xf8ff) bad++; // private-use area: a sure sign of a wrong decode
  }
  if (cjk + bad === 0) return 0;
  return common / (cjk + bad) - (2 * bad) / (cjk + bad);
}

/** Western text in windows-1252: high bytes stand alone between ASCII letters (é in "café,"). */
function scoreLatin(b: Uint8Array): number {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i]! < 0x80) continue;
    high++;
    const prev = i > 0 ? b[i - 1]! : 0x20;
    const next = i + 1 < b.length ? b[i + 1]! : 0x20;
    if (prev < 0x80 && next < 0x80) isolated++;
  }
  return high === 0 ? 0 : (isolated / high) * 0.5;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Options for `transcodeToUtf8`. */
export interface TranscodeOptions {
  /** Bytes of BOM at the very start to skip. */
  bomBytes?: number;
  /** Rewrite each line's whitespace runs as one tab (whitespace-aligned text such as CDNOW_master.txt). */
  whitespaceColumns?: boolean;
  /** Called after each input slice with the number of input bytes consumed so far. */
  onSlice?: (bytesIn: number) => void;
  /** Checked between slices; when set, the generator stops by throwing `cancelled`. */
  isCancelled?: () => boolean;
}

/** Statistics of a transcoding pass. */
export interface TranscodeStats {
  /** Number of U+FFFD characters produced (bytes that did not decode). */
  replacements: number;
}

/**
 * Decodes `slices` from `encoding` and re-encodes them as UTF-8, one slice at a time (a streaming
 * `TextDecoder`, so a character split across slices decodes correctly). The whole file is never
 * one JS string. `stats` is filled in as it goes.
 */
export async function* transcodeToUtf8(
  slices: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
  options: TranscodeOptions = {},
  stats: TranscodeStats = { replacements: 0 },
): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const encoder = new TextEncoder();
  let skip = options.bomBytes ?? 0;
  let consumed = 0;
  let carry = ''; // an incomplete last line, when rewriting whitespace columns
  for await (let slice of slices) {
    if (options.isCancelled?.()) throw new CancelledError();
    consumed += slice.byteLength;
    if (skip > 0) {
      const n = Math.min(skip, slice.byteLength);
      slice = slice.subarray(n);
      skip -= n;
    }
    let text = decoder.decode(slice, { stream: true });
    stats.replacements += countReplacements(text);
    if (options.whitespaceColumns) {
      text = carry + text;
      const cut = text.lastIndexOf('\n');
      carry = cut < 0 ? text : text.slice(cut + 1);
      text = cut < 0 ? '' : whitespaceToTabs(text.slice(0, cut + 1));
    }
    if (text) yield encoder.encode(text);
    options.onSlice?.(consumed);
  }
  let rest = decoder.decode();
  stats.replacements += countReplacements(rest);
  if (options.whitespaceColumns) rest = whitespaceToTabs(carry + rest);
  if (rest) yield encoder.encode(rest);
}

/** Thrown by streaming steps when the caller cancels. */
export class CancelledError extends Error {
  constructor() {
    super('Import cancelled.');
    this.name = 'CancelledError';
  }
}

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Trims each line and turns runs of spaces/tabs into one tab; blank lines are dropped. */
export function whitespaceToTabs(text: string): string {
  let out = '';
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t) out += t.split(/[ \t]+/).join('\t') + '\n';
  }
  return out;
}

/** Decodes a (small) head for sniffing and previews, after skipping the BOM. */
export function decodeHead(head: Uint8Array, guess: EncodingGuess): string {
  return new TextDecoder(guess.encoding, { ignoreBOM: true }).decode(head.subarray(guess.bomBytes));
}
