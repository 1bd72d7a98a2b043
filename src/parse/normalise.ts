import * as OpenCC from 'opencc-js/t2cn';
import { CodeUnits } from './_code-units.ts';

/** Variant glyphs NFKC leaves alone, mapped to the forms the official labels use. */
const VARIANTS: Record<string, string> = {
  査: '查',
  戶: '户',
  説: '说',
  敎: '教',
  內: '内',
  爲: '为',
  併: '并',
};

/**
 * The character edits after NFKC, made in one pass: variant glyphs, unusual spaces (to ' ', the
 * default) and curly quotes. Line endings are made '\n' apart (a text seldom has a '\r').
 */
const EDIT_TO: Record<string, string> = {
  ...VARIANTS,
  '\u201c': '"',
  '\u201d': '"',
  '\u2033': '"',
  '\u301d': '"',
  '\u301e': '"',
  '\u2018': "'",
  '\u2019': "'",
};
const EDITS = new RegExp(
  `[${Object.keys(VARIANTS).join('')}\\u00a0\\u2000-\\u200b\\u3000\\ufeff\\u201c\\u201d\\u2033\\u301d\\u301e\\u2018\\u2019]`,
  'g',
);
/**
 * The EDITS characters NFKC text can hold: NFKC has made the no-break, ideographic and other wide
 * spaces ' ' and the double prime two primes already.
 */
const EDITS_AFTER_NFKC = `${Object.keys(VARIANTS).join('')}\u200b\ufeff\u201c\u201d\u301d\u301e\u2018\u2019`;

/** Characters that only occur in traditional text; their presence triggers a full conversion. */
const TRADITIONAL_HINT =
  '們這個與為資訊開報關請處機縣區過數認統總計規範稱條項決許罰強費審復訴結轉實權點應際營產環衛醫療務辦書從對時間據';

/** Characters sampled for the traditional-script test. */
const HINT_SAMPLE = 6000;

/** TRADITIONAL_HINT as a table by UTF-16 code unit (a regex class of scattered ideographs is slow to scan). */
const HINT_TABLE = new Uint8Array(0x10000);
for (let i = 0; i < TRADITIONAL_HINT.length; i++) HINT_TABLE[TRADITIONAL_HINT.charCodeAt(i)] = 1;

/** EDIT_TO for the characters of EDITS_AFTER_NFKC, by UTF-16 code unit (0: kept as it is). */
const EDIT_UNIT = new Uint16Array(0x10000);
for (const c of EDITS_AFTER_NFKC) EDIT_UNIT[c.charCodeAt(0)] = (EDIT_TO[c] ?? ' ').charCodeAt(0);
const CR = 0x0d;
const LF = 0x0a;

const edited = new CodeUnits();

/**
 * A code-unit map in two tables: `head` for the first HINT_SAMPLE units (traditional-script hints
 * map to 0 there, as every unit that makes the scan give up does), `rest` for the others; CR is
 * made LF in both.
 */
interface UnitMap {
  head: Uint16Array;
  rest: Uint16Array;
}

function unitMap(to: Uint16Array, hint: Uint8Array): UnitMap {
  const rest = to.slice();
  rest[CR] = to[CR] === 0 ? 0 : LF;
  const head = rest.slice();
  for (let c = 0; c < 0x10000; c++) if (hint[c] === 1) head[c] = 0;
  return { head, rest };
}

/**
 * `text` through `map`, line endings made '\n' (a CRLF is one), in one scan: null at a unit that
 * maps to 0 (the caller takes its other path).
 */
function mapUnits(text: string, map: UnitMap): string | null {
  edited.reserve(text.length);
  let sample = Math.min(text.length, HINT_SAMPLE);
  // a CRLF is never split between the two tables
  if (text.charCodeAt(sample - 1) === CR && text.charCodeAt(sample) === LF) sample++;
  const n = mapRange(text, 0, sample, map.head, 0);
  const end = n < 0 ? n : mapRange(text, sample, text.length, map.rest, n);
  return end < 0 ? null : edited.read(0, end);
}

/** Units [from, to) of `text` through `table` into the buffer from `at`: where they end, or -1. */
function mapRange(text: string, from: number, to: number, table: Uint16Array, at: number): number {
  const units = edited.units;
  let n = at;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const unit = table[c]!;
    if (unit === 0) return -1;
    units[n++] = unit;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
  }
  return n;
}

/**
 * The unit maps, built on first use (a process that never parses pays nothing at start): what each
 * character of NFKC text becomes (EDIT_UNIT, else itself; U+0000 alone maps to 0, and never gets
 * there: stripControls has removed it), and the plain characters' (plainUnits).
 */
let editedMap: UnitMap | undefined;
let plainMap: UnitMap | undefined;

function editedUnits(): UnitMap {
  if (!editedMap) {
    const edited = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) edited[c] = EDIT_UNIT[c] || c;
    editedMap = unitMap(edited, HINT_TABLE);
  }
  return editedMap;
}

/**
 * The edits of NFKC text (EDITS_AFTER_NFKC, line endings): null when a TRADITIONAL_HINT is in its
 * head (the text is converted first).
 */
const editSimplified = (text: string): string | null => mapUnits(text, editedUnits());

let toSimplified: ((s: string) => string) | undefined;

function convertTraditional(text: string): string {
  const convert = toSimplified ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  toSimplified = convert;
  return convert(text);
}

/**
 * Characters that must never reach a name, a title or a terminal: ANSI escape sequences (CSI,
 * OSC, two-byte ESC), C0 controls other than tab, line feed, carriage return and form feed, DEL
 * and C1 controls, bidi embeddings/overrides/isolates and marks, and zero-width characters.
 */
const CONTROL_JUNK =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]{0,256}(?:\x07|\x1b\\)?|\x1b[@-_]?|[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]|[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** A character CONTROL_JUNK can start with. */
const CONTROL_START =
  /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/**
 * Removes control characters (CONTROL_JUNK). Between two digits one becomes U+FFFD instead, so a
 * number cell holding a stray character stays unclean (read as null with a warning), never a
 * different number: `11\0 4` is not 114.
 */
export function stripControls(text: string): string {
  // most texts hold none: one scan for the characters every junk sequence starts with
  if (!CONTROL_START.test(text)) return text;
  return text.replace(CONTROL_JUNK, (junk, at: number, all: string) =>
    /\d/.test(all[at - 1] ?? '') && /\d/.test(all[at + junk.length] ?? '') ? '\ufffd' : '',
  );
}

/** Combining marks, and the Hangul jamo canonical composition joins to the letter before them. */
const JOINS_PREVIOUS = /[\p{M}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;

/**
 * The CJK Unified Ideographs and their Extension A: NFKC leaves every one as it is (and none is a
 * control or a mark), so they need no check one by one (which would cost ~20 ms at start).
 */
const IDEOGRAPHS: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/** The other blocks most report text is written in (ASCII, Latin-1, punctuation, CJK symbols, full-width forms). */
const COMMON_BLOCKS: readonly [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2000, 0x27bf],
  [0x2e80, 0x2fdf],
  [0x3000, 0x30ff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];

/**
 * What a character of IDEOGRAPHS or COMMON_BLOCKS becomes after normaliseText's steps (controls
 * stripped, NFKC, the edits), by UTF-16 code unit, for the characters where that is one code unit
 * whatever stands around them: no control, NFKC gives one character, and neither it nor its NFKC
 * form is one that composes with the character before it. 0: any other character (the text takes
 * the general path). Such characters are NFKC-normalised one by one exactly as the whole text is
 * (test/parse/normalise). U+FFFD and the C0 controls are never plain: parseReport's unreadable-text
 * check (UNREADABLE) is skipped for a plain text.
 */
function plainUnits(): UnitMap {
  if (plainMap) return plainMap;
  const to = new Uint16Array(0x10000);
  /** Whether a plain character is a TRADITIONAL_HINT after NFKC (and before the edits). */
  const hint = new Uint8Array(0x10000);
  for (const [first, last] of IDEOGRAPHS) {
    for (let c = first; c <= last; c++) {
      to[c] = EDIT_UNIT[c] || c;
      hint[c] = HINT_TABLE[c]!;
    }
  }
  for (const [first, last] of COMMON_BLOCKS) {
    for (let c = first; c <= last; c++) {
      const char = String.fromCharCode(c);
      const nfkc = char.normalize('NFKC');
      const unplain =
        CONTROL_START.test(char) ||
        char === '\ufffd' ||
        nfkc.length !== 1 ||
        JOINS_PREVIOUS.test(char) ||
        JOINS_PREVIOUS.test(nfkc);
      if (unplain) continue;
      const unit = nfkc.charCodeAt(0);
      to[c] = EDIT_UNIT[unit] || unit;
      hint[c] = HINT_TABLE[unit]!;
    }
  }
  plainMap = unitMap(to, hint);
  return plainMap;
}

/**
 * normaliseText for a text of plain characters only (plainUnits), in one scan (no control scan, no NFKC
 * pass, no second edit pass): null when it meets another character or a traditional-script
 * hint in the sample, and the general path takes over. Such a text holds no control character
 * and no U+FFFD (plainUnits keeps both out).
 */
export const normalisePlain = (raw: string): string | null => mapUnits(raw, plainUnits());

/**
 * Normalises report text before labels are matched: control characters stripped, NFKC
 * (full-width digits, Kangxi radicals), traditional → simplified, variant glyphs, unusual
 * spaces and line endings.
 */
export function normaliseText(raw: string): string {
  // nearly every report is plain CJK and ASCII: one scan; controls, rare scripts and traditional text take the steps
  const plain = normalisePlain(raw);
  if (plain !== null) return plain;
  const text = stripControls(raw).normalize('NFKC');
  // a traditional-script report is traditional from its first page: sampling the head is enough
  const simplified = editSimplified(text);
  if (simplified !== null) return simplified;
  // the converter's output is not NFKC text: all edits are looked for in it
  return convertTraditional(text)
    .replace(/\r\n?/g, '\n')
    .replace(EDITS, (c) => EDIT_TO[c] ?? ' ');
}

/** A label reduced for matching: no whitespace, no quotes, no punctuation variants. */
export function compactLabel(label: string): string {
  return label.replace(/[\s"'“”‘’]/g, '');
}
