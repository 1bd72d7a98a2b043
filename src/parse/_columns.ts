/**
 * Column positions of a space-aligned table (pdftotext -layout, monospace renderings): a row with
 * blank cells keeps its numbers under their headings, so their positions say which cells are blank.
 */
import { type CellValue, readCell } from './_cells.ts';
import { rawLineOf, type TextLine } from './_notes.ts';

/** A token's start (characters, display columns) and display width. */
interface Span {
  start: [number, number];
  width: number;
}

interface Token extends Span {
  cell: CellValue;
}

/** Column centres in one of the two measures (NaN for a column no number sits in). */
export interface Columns {
  centres: number[];
  measure: 0 | 1;
}

/** Widest gap between a token and its column centre (characters). */
const TOLERANCE = 2.5;
/** Widest gap between a column of numbers and its heading's centre or edge (characters). */
const ANCHOR_TOLERANCE = 3.5;
/** Narrowest distance between two column centres: single-spaced numbers carry no positions. */
const MIN_GAP = 5;

/** A number after a run of spaces. */
const WIDE_GAP = /\S {2,}\d/;

const centreOf = (t: Span, m: 0 | 1) => t.start[m] + t.width / 2;

const TOKEN = /[^ \u00a0\u3000]+/g;

/** Display width of a slice (CJK and full-width forms two columns). */
function widthOf(s: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += s.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Whitespace-separated tokens with their positions in both measures. */
function tokensOf(line: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  let display = 0;
  let at = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
    display += widthOf(line, at, m.index);
    const width = widthOf(line, m.index, m.index + m[0].length);
    out.push({ text: m[0], start: [m.index, display], width });
    display += width;
    at = m.index + m[0].length;
  }
  return out;
}

/**
 * The trailing run of number tokens of a space-separated line, positioned as the line was written
 * (normalisation narrows full-width brackets and digits, which would shift every later column).
 */
export function numberTokens(line: TextLine): Token[] {
  const tokens = tokensOf(line.text);
  const raw = rawLineOf(line);
  const written = raw === undefined ? tokens : tokensOf(raw);
  const at = written.length === tokens.length ? written : tokens;
  const out: Token[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const cell = readCell(tokens[i]!.text);
    if (cell.kind !== 'number') break;
    out.push({ cell, start: at[i]!.start, width: at[i]!.width });
  }
  return out.reverse();
}

/** Groups number centres into columns; undefined when a group is wider than a column allows. */
function clusterCentres(xs: number[]): number[] | undefined {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  let first = sorted[0]!;
  let sum = 0;
  let count = 0;
  for (const x of sorted) {
    if (x - first > 2 * TOLERANCE) {
      out.push(sum / count);
      first = x;
      sum = 0;
      count = 0;
    }
    sum += x;
    count++;
  }
  out.push(sum / count);
  const spread = out.every((c, i) => i === 0 || c - out[i - 1]! >= MIN_GAP);
  return spread ? out : undefined;
}

/**
 * The heading words of the value columns, gathered from the number-free lines (a header may span
 * several lines, as table 四's does), left to right in measure `m`; undefined unless each is found.
 */
function headingSpans(lines: readonly TextLine[], headings: readonly string[], m: 0 | 1): Span[] | undefined {
  const words = new Set(headings);
  const found: (Span & { text: string })[] = [];
  for (const l of lines) {
    if (/\d/.test(l.text)) continue;
    const tokens = tokensOf(l.text);
    if (!tokens.some((t) => words.has(t.text))) continue;
    const raw = rawLineOf(l);
    const written = raw === undefined ? tokens : tokensOf(raw);
    const spans = written.length === tokens.length ? written : tokens;
    tokens.forEach((t, i) => {
      if (words.has(t.text)) found.push({ ...spans[i]!, text: t.text });
    });
  }
  if (found.length !== headings.length) return undefined;
  found.sort((a, b) => a.start[m] - b.start[m]);
  return found.every((f, i) => f.text === headings[i]) ? found : undefined;
}

/**
 * Puts each cluster of numbers under a heading by its centre, right or left edge (headings are
 * centred or aligned like the numbers), in order; no reading when a cluster is under none.
 */
function underHeadings(clusters: number[], headings: readonly Span[], m: 0 | 1): number[] | undefined {
  const edges = [
    (t: Span) => centreOf(t, m),
    (t: Span) => t.start[m] + t.width - 0.5,
    (t: Span) => t.start[m] + 0.5,
  ];
  for (const edge of edges) {
    const anchors = headings.map(edge);
    const gap = Math.min(...anchors.slice(1).map((a, i) => a - anchors[i]!));
    if (!(gap >= MIN_GAP)) continue;
    const centres = anchors.map(() => Number.NaN);
    let last = -1;
    let ok = true;
    for (const c of clusters) {
      const i = anchors.findIndex((a) => Math.abs(a - c) <= ANCHOR_TOLERANCE);
      if (i <= last) {
        ok = false;
        break;
      }
      centres[i] = c;
      last = i;
    }
    if (ok) return centres;
  }
  return undefined;
}

/**
 * Text padded to columns has runs of spaces of different lengths (labels of different lengths
 * padded to the same column); cells joined by one fixed separator carry no positions.
 */
function paddedToColumns(lines: readonly TextLine[]): boolean {
  let run = -1;
  for (const l of lines) {
    for (const m of l.text.trim().matchAll(/ {2,}/g)) {
      if (run >= 0 && m[0].length !== run) return true;
      run = m[0].length;
    }
  }
  return false;
}

/** Places tokens under the nearest columns, in order; undefined when any is not under a column. */
function snap(tokens: readonly Token[], cols: Columns): CellValue[] | undefined {
  const slots: CellValue[] = cols.centres.map(() => ({ kind: 'blank', raw: '' }));
  let last = -1;
  for (const t of tokens) {
    const x = centreOf(t, cols.measure);
    let best = -1;
    for (let i = 0; i < cols.centres.length; i++) {
      if (Math.abs(cols.centres[i]! - x) <= TOLERANCE) best = i;
    }
    if (best <= last) return undefined;
    slots[best] = t.cell;
    last = best;
  }
  return slots;
}

/**
 * Finds the value columns of a space-aligned table headed by `headings` (one word a column): the
 * measure (characters or display columns) under which the numbers fall into columns, placed by
 * their count or under the headings.
 */
export function findColumns(lines: readonly TextLine[], headings: readonly string[]): Columns | undefined {
  const n = headings.length;
  // cells one space apart carry no column positions
  // (a run of spaces is found by indexOf, far quicker than the pattern's search of every line)
  if (!lines.some((l) => l.text.includes('  ') && WIDE_GAP.test(l.text))) return undefined;
  const numbered = lines.map((l) => numberTokens(l)).filter((t) => t.length > 0 && t.length <= n);
  if (numbered.length === 0) return undefined;
  if (!paddedToColumns(lines)) return undefined;
  const full = numbered.some((t) => t.length === n);
  for (const measure of [1, 0] as const) {
    const clusters = clusterCentres(numbered.flat().map((t) => centreOf(t, measure)));
    if (!clusters || clusters.length > n) continue;
    // the headings confirm the columns; without them only a full row can
    const spans = headingSpans(lines, headings, measure);
    const centres = spans
      ? underHeadings(clusters, spans, measure)
      : full && clusters.length === n
        ? clusters
        : undefined;
    if (!centres) continue;
    const cols: Columns = { centres, measure };
    if (numbered.every((t) => snap(t, cols))) return cols;
  }
  return undefined;
}

/** A short space-separated row's cells placed under their columns (blanks where none sits). */
export function placeByColumns(line: TextLine, cols: Columns): CellValue[] | undefined {
  return snap(numberTokens(line), cols);
}
