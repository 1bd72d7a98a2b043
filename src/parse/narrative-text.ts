import { code, isDigit } from './_chars.ts';
import { CodeUnits } from './_code-units.ts';

/** Narrative step 1: prose lines normalised and joined into paragraphs, with a map back to source lines. */

/** A prose line as the parser hands it over (table regions removed). */
export interface ProseLine {
  text: string;
  /** 1-based line in the source text. */
  line: number;
}

/** The full-width forms the trigger patterns use, for ASCII punctuation (and 査 → 查). */
const FULL_WIDTH = new Map([...',;:()!?査'].map((c, i) => [code(c), code('，；：（）！？查'[i]!)]));
const FULL_WIDTH_COMMA = code('，');
const LINE_FEED = code('\n');

/** What normalisation does with a character, by UTF-16 code unit (a table: one load per character). */
const KEEP = 0;
const SPACE = 1;
const COMMA = 2;
const WIDEN = 3;
/** A character NFKC may change: the line is NFKC-normalised first, then edited. */
const UNSTABLE = 4;
const EDIT = new Uint8Array(0x10000).fill(UNSTABLE);
// NFKC leaves ASCII and CJK ideographs as they are, and the CJK punctuation but for the few it maps
// (〶 〸 〹 〺: asked of normalize, not assumed)
EDIT.fill(KEEP, 0, 0x80).fill(KEEP, 0x4e00, 0xa000);
for (let c = 0x3001; c < 0x3040; c++) {
  const mark = String.fromCharCode(c);
  if (mark.normalize('NFKC') === mark) EDIT[c] = KEEP;
}
for (const c of '“”‘’…—') EDIT[code(c)] = KEEP;
// the no-break and ideographic spaces and the full-width comma stay UNSTABLE: NFKC makes them ' ' and ','
for (const c of ' \t\n\r\f') EDIT[code(c)] = SPACE;
for (const c of FULL_WIDTH.keys()) EDIT[c] = WIDEN;
EDIT[code(',')] = COMMA;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const NUMERALS = new Set([...'一二三四五六七八九十'].map(code));
const isNumeral = (c: number) => NUMERALS.has(c);
const IDEOGRAPHIC_COMMA = code('、');
const DOT = code('.');
const OPEN = code('（');
const CLOSE = code('）');

/** The end of the run of `inRun` characters in units[from, end). */
function runEnd(units: Uint16Array, from: number, end: number, inRun: (c: number) => boolean): number {
  let i = from;
  while (i < end && inRun(units[i]!)) i++;
  return i;
}

/**
 * Whether the line units[at, end) starts with a heading number: 一、 （一） 1. 1、 (the regex
 * /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])/). Read in place: a string per
 * line for that regex cost a fifth of the joining.
 */
function isHeading(units: Uint16Array, at: number, end: number): boolean {
  const first = units[at]!;
  if (first === OPEN) {
    const close = runEnd(units, at + 1, end, isNumeral);
    return close > at + 1 && close < end && units[close] === CLOSE;
  }
  if (isNumeral(first)) {
    const mark = runEnd(units, at, end, isNumeral);
    return mark < end && units[mark] === IDEOGRAPHIC_COMMA;
  }
  if (isDigit(first)) {
    const mark = runEnd(units, at, end, isDigit);
    return mark < end && (units[mark] === DOT || units[mark] === IDEOGRAPHIC_COMMA);
  }
  return false;
}

/** The code unit at `i` of the line src[from, to), or -1 outside it. */
const unitIn = (src: Uint16Array, i: number, from: number, to: number): number =>
  i >= from && i < to ? src[i]! : -1;

/** A digit-grouping comma at `at` of the line src[from, to): after a digit (spaces between allowed), before three digits and no fourth. */
function isGroupingComma(src: Uint16Array, at: number, from: number, to: number): boolean {
  // the digit after it first: most commas are followed by words
  if (!isDigit(unitIn(src, at + 1, from, to))) return false;
  let b = at - 1;
  while (b >= from && EDIT[src[b]!] === SPACE) b--;
  return (
    b >= from &&
    isDigit(src[b]!) &&
    isDigit(unitIn(src, at + 2, from, to)) &&
    isDigit(unitIn(src, at + 3, from, to)) &&
    !isDigit(unitIn(src, at + 4, from, to))
  );
}

/** The joined text, written in place. */
const out = new CodeUnits();
/**
 * The prose lines' own text, one after another, as code units: written by one Buffer.write of the
 * lines joined (native), then read by index at a third of the cost of charCodeAt on each line.
 */
const source = new CodeUnits();

/**
 * Writes the line source[from, to) normalised (docs/narrative.md) to `out` from `at`: 査 → 查, digit grouping
 * commas dropped (3,164 → 3164), whitespace removed except between Latin words, ASCII punctuation
 * made full-width. Returns where it ends, or -1 at a character NFKC may change when `checkStable`
 * (the caller writes the line's NFKC form instead). One scan, no string per edit: a regex
 * replace called back for each of a report's few hundred edits cost twice as much.
 */
function writeProse(from: number, to: number, at: number, checkStable: boolean): number {
  const src = source.units;
  const units = out.units;
  let n = at;
  for (let i = from; i < to; i++) {
    const c = src[i]!;
    const edit = EDIT[c];
    if (edit === KEEP) {
      units[n++] = c;
    } else if (edit === SPACE) {
      // a run of spaces: one ' ' between two Latin letters, else nothing
      let end = i + 1;
      while (end < to && EDIT[src[end]!] === SPACE) end++;
      if (isLetter(unitIn(src, i - 1, from, to)) && isLetter(unitIn(src, end, from, to))) units[n++] = 0x20;
      i = end - 1;
    } else if (edit === WIDEN) {
      units[n++] = FULL_WIDTH.get(c)!;
    } else if (edit === COMMA) {
      // a grouping comma goes (its digits stay); another is the full-width one
      if (!isGroupingComma(src, i, from, to)) units[n++] = FULL_WIDTH_COMMA;
    } else if (checkStable) {
      return -1;
    } else {
      units[n++] = c;
    }
  }
  return n;
}

/** The marks that end a paragraph at a line end (a table: a Set lookup per line cost more). */
const PARAGRAPH_END = new Uint8Array(0x10000);
for (const c of '。；！？：') PARAGRAPH_END[code(c)] = 1;

/** Maps a position in the joined text to its source line. */
export type LineOf = (pos: number) => number;

/** The source line of a position, given where each piece of the text starts and its line. */
function lineMap(starts: readonly number[], lines: readonly number[]): LineOf {
  // returned unnamed: a named arrow costs a defineProperty per report under tsx (keepNames)
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!;
  };
}

/** The joined text, its code units and the map back to source lines. */
export interface JoinedText {
  text: string;
  /**
   * The text's code units, valid until the next joinLines call (a view of the buffer it is
   * written in): a scan of these costs half as much as charCodeAt on the string.
   */
  units: Uint16Array;
  lineOf: LineOf;
}

/**
 * Joins hard-wrapped lines into one text, each line normalised (writeProse; NFKC when it holds a
 * character NFKC may change); paragraphs end in '\n'. Each line is read from one joined copy of
 * the lines and written once where it belongs (a heading is moved one place for its break).
 */
export function joinLines(prose: ReadonlyArray<ProseLine>): JoinedText {
  const starts: number[] = [];
  const lines: number[] = [];
  let n = 0;
  // whether the previous line ends a paragraph: a closing mark, or a short heading
  let prevEnds = false;
  // the lines' text in `source`, each after the previous one and a separator
  const texts: string[] = [];
  for (const { text } of prose) texts.push(text);
  const all = texts.join('\n');
  source.write(all, 0);
  let from = 0;
  for (const { text: raw, line } of prose) {
    const to = from + raw.length;
    from = to + 1;
    // after a paragraph end the line is written one place on: room for the break
    const breakBefore: boolean = n > 0 && prevEnds;
    let at: number = breakBefore ? n + 1 : n;
    // one more: a heading moves one place on
    out.reserve(at + raw.length + 1);
    let end = writeProse(to - raw.length, to, at, true);
    if (end < 0) {
      // the NFKC form is read from past the lines' text
      const nfkc = raw.normalize('NFKC');
      source.write(nfkc, all.length + 1);
      out.reserve(at + nfkc.length + 1);
      end = writeProse(all.length + 1, all.length + 1 + nfkc.length, at, false);
    }
    if (end === at) continue;
    const units = out.units;
    const heading = isHeading(units, at, end);
    if (heading && n > 0 && !breakBefore) {
      // a heading starts a paragraph too, known once it is written: moved to make room (few lines
      // are headings; writing every line one place on and moving it back cost a copy of the text)
      units.copyWithin(at + 1, at, end);
      at++;
      end++;
    }
    if (at > n) {
      units[n] = LINE_FEED;
      starts.push(n);
      lines.push(line);
    }
    starts.push(at);
    lines.push(line);
    const length: number = end - at;
    n = end;
    prevEnds = PARAGRAPH_END[units[n - 1]!] === 1 || (heading && length <= 30);
  }
  return { text: out.read(0, n), units: out.units.subarray(0, n), lineOf: lineMap(starts, lines) };
}
