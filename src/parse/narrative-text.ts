/** Narrative step 1: prose lines normalised and joined into paragraphs, with a map back to source lines. */

/** A prose line as the parser hands it over (table regions removed). */
export interface ProseLine {
  text: string;
  /** 1-based line in the source text. */
  line: number;
}

const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])/;
/** The characters a HEADING starts with: other lines skip the regex call. */
const HEADING_START = new Set([...'一二三四五六七八九十（0123456789'].map((c) => c.charCodeAt(0)));

/** Characters NFKC may change: not ASCII, CJK punctuation (but the ideographic space), CJK ideographs. */
const NFKC_UNSTABLE = /[^\u0000-\u007f\u3001-\u303f\u4e00-\u9fff“”‘’…—]/g;

const code = (c: string) => c.charCodeAt(0);

/** Spaces within a line (the lines are edited joined by '\n', which stays). */
const SPACE_CHARS = ' \t\r\f\u00a0\u3000';
/** The full-width forms the trigger patterns use, for ASCII punctuation (and 査 → 查). */
const FULL_WIDTH = new Map([...',;:()!?査'].map((c, i) => [code(c), code('，；：（）！？查'[i]!)]));
const FULL_WIDTH_COMMA = code('，');

/** What normaliseJoined does with a character, by UTF-16 code unit (a table: one load per character). */
const KEEP = 0;
const SPACE = 1;
const COMMA = 2;
const WIDEN = 3;
const EDIT = new Uint8Array(0x10000);
for (const c of SPACE_CHARS) EDIT[code(c)] = SPACE;
for (const c of FULL_WIDTH.keys()) EDIT[c] = WIDEN;
for (const c of ',，') EDIT[code(c)] = COMMA;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** A digit-grouping comma: after a digit (spaces between allowed), before three digits and no fourth. */
function isGroupingComma(s: string, at: number): boolean {
  let b = at - 1;
  while (b >= 0 && EDIT[s.charCodeAt(b)] === SPACE) b--;
  return (
    b >= 0 &&
    isDigit(s.charCodeAt(b)) &&
    isDigit(s.charCodeAt(at + 1)) &&
    isDigit(s.charCodeAt(at + 2)) &&
    isDigit(s.charCodeAt(at + 3)) &&
    !isDigit(s.charCodeAt(at + 4))
  );
}

/** The edited text's code units, reused from call to call (grown when a text is longer). */
let units = new Uint16Array(1 << 14);
/** Whether a Uint16Array holds its units little-endian, as Buffer's 'utf16le' reads them. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The first `n` units as a string ('utf16le' keeps a lone surrogate, which TextDecoder would replace). */
function unitsToString(n: number): string {
  const bytes = Buffer.from(units.buffer, 0, n * 2);
  return (LITTLE_ENDIAN ? bytes : bytes.swap16()).toString('utf16le');
}

/** NFKC of each line holding a character it may change; the other lines are left as they are. */
function normaliseUnstableLines(text: string): string {
  const parts: string[] = [];
  let from = 0;
  NFKC_UNSTABLE.lastIndex = 0;
  for (let m = NFKC_UNSTABLE.exec(text); m; m = NFKC_UNSTABLE.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', m.index);
    const end = nl < 0 ? text.length : nl;
    parts.push(text.slice(from, start), text.slice(start, end).normalize('NFKC'));
    from = end;
    NFKC_UNSTABLE.lastIndex = end;
  }
  if (from === 0) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Normalisation (docs/narrative.md) of lines joined by '\n': NFKC, 査 → 查, digit grouping commas
 * dropped (3,164 → 3164), whitespace removed except between Latin words, ASCII punctuation made
 * full-width. No edit reaches across a '\n'. One scan of all lines into a buffer of code units:
 * a regex replace called back for each of the few hundred edits cost twice as much.
 */
function normaliseJoined(joined: string): string {
  const s = normaliseUnstableLines(joined);
  if (units.length < s.length) units = new Uint16Array(s.length * 2);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const edit = EDIT[c];
    if (edit === KEEP) {
      units[n++] = c;
    } else if (edit === SPACE) {
      // a run of spaces: one ' ' between two Latin letters, else nothing
      let end = i + 1;
      while (EDIT[s.charCodeAt(end)] === SPACE) end++;
      if (isLetter(s.charCodeAt(i - 1)) && isLetter(s.charCodeAt(end))) units[n++] = 0x20;
      i = end - 1;
    } else if (edit === WIDEN) {
      units[n++] = FULL_WIDTH.get(c)!;
    } else if (!isGroupingComma(s, i)) {
      // a grouping comma goes (its digits stay); another is the full-width one
      units[n++] = FULL_WIDTH_COMMA;
    }
  }
  return unitsToString(n);
}

/** The lines normalised (normaliseJoined); one holding a line break itself (not from the parser) as a space. */
function normaliseLines(prose: ReadonlyArray<ProseLine>): string[] {
  const raw = prose.map((l) => l.text);
  const lines = normaliseJoined(raw.join('\n')).split('\n');
  if (lines.length === raw.length) return lines;
  // a '\n' inside a line is a space there: each line alone, the '\n' edited like ' '
  return raw.map((r) => normaliseJoined(r.replaceAll('\n', ' ')));
}

const PARAGRAPH_END = new Set([...'。；！？：'].map((c) => c.charCodeAt(0)));

/** Maps a position in the joined text to its source line. */
export type LineOf = (pos: number) => number;

/** Joins hard-wrapped lines into one text; paragraphs end in '\n'. */
export function joinLines(prose: ReadonlyArray<ProseLine>): { text: string; lineOf: LineOf } {
  const parts: string[] = [];
  const starts: number[] = [];
  const lines: number[] = [];
  let length = 0;
  // whether the previous line ends a paragraph: a closing mark, or a short heading
  let prevEnds = false;
  const normalised = normaliseLines(prose);
  for (let i = 0; i < prose.length; i++) {
    const t = normalised[i]!;
    if (!t) continue;
    const line = prose[i]!.line;
    const heading = HEADING_START.has(t.charCodeAt(0)) && HEADING.test(t);
    if (length > 0 && (prevEnds || heading)) {
      parts.push('\n');
      starts.push(length);
      lines.push(line);
      length += 1;
    }
    parts.push(t);
    starts.push(length);
    lines.push(line);
    length += t.length;
    prevEnds = PARAGRAPH_END.has(t.charCodeAt(t.length - 1)) || (heading && t.length <= 30);
  }
  const lineOf: LineOf = (pos) => {
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
  return { text: parts.join(''), lineOf };
}
