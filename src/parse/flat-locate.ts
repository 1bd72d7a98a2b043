import { isDigit } from './_chars.ts';
/**
 * Finding the rows of tables 二, 三 and 四 in text whose line breaks are gone (a crawler's page
 * text): by their labels, in table order, regardless of line breaks and stray spaces.
 */

/** A row label found in the text and the number material printed after it. */
export interface FlatRow {
  id: string;
  /** The row's digits and spaces as printed ('' for a row printed blank). */
  run: string;
  /** [start, end) of the label and its material in the compacted text. */
  span: [number, number];
}

/**
 * Whitespace dropped except between two digits, where it separates cells: labels with stray
 * spaces and rows broken over lines read as one string.
 */
export function compactFlat(text: string): string {
  return new FlatText(text).text;
}

/** compactFlat(source), with the way back to the source: each whitespace run is recorded as it is dropped. */
export class FlatText {
  readonly text: string;
  /** Per run dropped: where it starts in the source, its length, 1 when a space stays for it. */
  private readonly runs: number[] = [];

  constructor(private readonly source: string) {
    this.text = source.replace(/\s+/g, (m, at: number, s: string) => {
      const kept = isDigit(s.charCodeAt(at - 1)) && isDigit(s.charCodeAt(at + m.length));
      this.runs.push(at, m.length, kept ? 1 : 0);
      return kept ? ' ' : '';
    });
  }

  /** Index in the source of the character at `c` of `text` (the source's length from `text.length` on). */
  sourceIndex(c: number): number {
    const runs = this.runs;
    // `done` characters of the text come before source index `from`
    let done = 0;
    let from = 0;
    for (let r = 0; r < runs.length; r += 3) {
      const at = runs[r]!;
      if (c < done + at - from) break;
      done += at - from;
      if (runs[r + 2] === 1 && c === done++) return at;
      from = at + runs[r + 1]!;
    }
    return Math.min(from + c - done, this.source.length);
  }
}

let lastText: string | undefined;
let lastSpaceless = '';

/**
 * `text` without any whitespace. The last answer is kept: a flattened report's prose is wanted by
 * table 二's reader and again by flatSections.
 */
export function spaceless(text: string): string {
  if (text !== lastText) {
    lastSpaceless = text.replace(/\s+/g, '');
    lastText = text;
  }
  return lastSpaceless;
}

export interface Anchor {
  id: string;
  re: RegExp;
  /** The row may be absent (a bureau prints no 规章 row). */
  optional?: boolean;
}

/** Longest label text between a row's words and its numbers. */
const LABEL_TAIL = 60;
/** Longest gap between one row's words and the next row's. */
const ROW_GAP = 260;

/** A row's cells: digits, spaces and the blank marks `/` and `—`; a single value may be decimal. */
const RUN = /[\d/—](?:[\d /—]*[\d/—])?/y;
const DECIMAL_RUN = /\d[\d,]*(?:\.\d+)?/y;
/** `/` or `—`: a cell printed blank. */
const isBlankMark = (c: number) => c === 0x2f || c === 0x2014;
/** `.`, `、` or `．`: a row's numbering that follows its predecessor's numbers (`2.`, `3、`). */
const isNumbering = (c: number) => c === 0x2e || c === 0x3001 || c === 0xff0e;

/** The number material after a label: from the first digit after it, up to the next label. */
function materialAfter(s: string, from: number, to: number, decimal: boolean): { run: string; end: number } {
  let at = from;
  const limit = Math.min(to, from + LABEL_TAIL);
  while (at < limit && !isDigit(s.charCodeAt(at)) && !(!decimal && isBlankMark(s.charCodeAt(at)))) at++;
  if (at >= limit) return { run: '', end: from };
  const re = decimal ? DECIMAL_RUN : RUN;
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return { run: '', end: from };
  let run = m[0];
  // a digit right before `.`/`、` is the next row's numbering (…002.其他法律… → 0 0 | 2.)
  if (!decimal && isNumbering(s.charCodeAt(at + run.length))) run = run.slice(0, -1);
  // a year starting the next sentence (…0000002025年，我局…) is not a cell
  const after = at + run.length;
  if (s.charCodeAt(after) === 0x5e74 && /(?:^|\d)(?:19|20)\d\d$/.test(run)) run = run.slice(0, -4);
  run = run.trimEnd();
  return { run, end: at + run.length };
}

/**
 * The rows named by `anchors`, searched in order from `start`, each within ROW_GAP of the row
 * before; an optional row not found is skipped, a required one ends the table.
 */
export function locateRows(
  s: string,
  start: number,
  anchors: readonly Anchor[],
  decimalIds: ReadonlySet<string> = new Set(),
): FlatRow[] {
  const hits: { id: string; at: number; end: number }[] = [];
  let from = start;
  for (const a of anchors) {
    const window = s.slice(from, from + ROW_GAP);
    const m = a.re.exec(window);
    if (!m) {
      if (a.optional) continue;
      break;
    }
    hits.push({ id: a.id, at: from + m.index, end: from + m.index + m[0].length });
    from = from + m.index + m[0].length;
  }
  return hits.map((h, i) => {
    const next = i + 1 < hits.length ? hits[i + 1]!.at : h.end + LABEL_TAIL;
    const { run, end } = materialAfter(s, h.end, next, decimalIds.has(h.id));
    return { id: h.id, run, span: [h.at, i + 1 < hits.length ? next : Math.max(end, h.end)] };
  });
}

/** Table 四's number runs: after its column headings, up to 15 cells, across heading words. */
export function locateLegalRuns(s: string, start: number): { runs: string[]; span: [number, number] } | null {
  const head = /维持|审结/g;
  head.lastIndex = start;
  const h = head.exec(s);
  if (!h || h.index - start > 300) return null;
  const runs: string[] = [];
  let at = h.index;
  const begin = at;
  for (;;) {
    // only heading words (no sentence, no next part) before and between the runs
    const gap = (runs.length === 0 ? FIRST_GAP : NEXT_GAP).exec(s.slice(at, at + 201));
    if (!gap || /[五六]、/.test(gap[0])) break;
    RUN.lastIndex = at + gap[0].length;
    const m = RUN.exec(s);
    if (!m) break;
    // a year in a sentence (2021年) is not a cell
    if (/^[年月日%]/.test(s.slice(m.index + m[0].length, m.index + m[0].length + 1))) break;
    runs.push(m[0]);
    at = m.index + m[0].length;
    if (runs.join('').replace(/ /g, '').length >= CELLS) break;
  }
  return runs.length > 0 ? { runs, span: [begin, at] } : null;
}

/** Table 四's cell count: its runs end once they hold as many characters. */
const CELLS = 15;
const FIRST_GAP = /^[^\d/—。；]{0,200}?(?=[\d/—])/;
const NEXT_GAP = /^[^\d/—。；]{0,40}?(?=[\d/—])/;
