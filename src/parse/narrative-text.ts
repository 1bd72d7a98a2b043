/** Narrative step 1: prose lines normalised and joined into paragraphs, with a map back to source lines. */

/** A prose line as the parser hands it over (table regions removed). */
export interface ProseLine {
  text: string;
  /** 1-based line in the source text. */
  line: number;
}

const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])/;
/** The characters a HEADING starts with: other lines skip the regex call. */
const HEADING_START = new Set([...'一二三四五六七八九十（0123456789']);

/** Characters NFKC may change: not ASCII, CJK punctuation (but the ideographic space), CJK ideographs. */
const NFKC_UNSTABLE = /[^\u0000-\u007f\u3001-\u303f\u4e00-\u9fff“”‘’…—]/g;

/** The full-width forms the trigger patterns use, for ASCII punctuation (and 査 → 查). */
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
  査: '查',
};
/** Spaces within a line (the lines are edited joined by '\n', which stays). */
const SPACE_CHARS = ' \t\r\f\u00a0\u3000';
const SPACE = `[${SPACE_CHARS}]`;
/**
 * What normaliseJoined changes: a run of spaces; a digit-grouping comma (after a digit, before three
 * digits and no fourth), matched with its three digits; ASCII punctuation and 査. No capture
 * groups: the callback tells the three apart by the match (capture groups cost it a third more).
 * The comma is matched before the look back to its digit: a look-behind first would be tried at
 * every position of the line.
 */
const PROSE_EDITS = new RegExp(`${SPACE}+|[,，](?<=\\d${SPACE}*[,，])\\d{3}(?!\\d)|[,;:()!?査]`, 'g');
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

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
 * full-width. No edit reaches across a '\n'. Made on all lines at once: a regex call per line
 * cost more than the edits.
 */
function normaliseJoined(joined: string): string {
  const s = normaliseUnstableLines(joined);
  return s.replace(PROSE_EDITS, (edit: string, at: number) => {
    if (SPACE_CHARS.includes(edit[0]!))
      return isLetter(s.charCodeAt(at - 1)) && isLetter(s.charCodeAt(at + edit.length)) ? ' ' : '';
    // a grouping comma goes, its digits stay
    return edit.length > 1 ? edit.slice(1) : FULL_WIDTH[edit]!;
  });
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
    const heading = HEADING_START.has(t[0]!) && HEADING.test(t);
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
