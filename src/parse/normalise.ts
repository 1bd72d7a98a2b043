import * as OpenCC from 'opencc-js/t2cn';

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
 * EDITS as they can occur in NFKC text: NFKC has made the no-break, ideographic and other wide
 * spaces ' ' and the double prime two primes already. The smaller class scans three times faster.
 */
const EDITS_AFTER_NFKC = new RegExp(
  `[${Object.keys(VARIANTS).join('')}\\u200b\\ufeff\\u201c\\u201d\\u301d\\u301e\\u2018\\u2019]`,
  'g',
);

/** Characters that only occur in traditional text; their presence triggers a full conversion. */
const TRADITIONAL_HINT =
  '們這個與為資訊開報關請處機縣區過數認統總計規範稱條項決許罰強費審復訴結轉實權點應際營產環衛醫療務辦書從對時間據';

/** Characters sampled for the traditional-script test. */
const HINT_SAMPLE = 6000;

/** TRADITIONAL_HINT as a table by UTF-16 code unit (a regex class of scattered ideographs is slow to scan). */
const HINT_TABLE = new Uint8Array(0x10000);
for (let i = 0; i < TRADITIONAL_HINT.length; i++) HINT_TABLE[TRADITIONAL_HINT.charCodeAt(i)] = 1;

/** Whether the head of the text holds a character only traditional script uses. */
function looksTraditional(text: string): boolean {
  const n = Math.min(text.length, HINT_SAMPLE);
  for (let i = 0; i < n; i++) if (HINT_TABLE[text.charCodeAt(i)] === 1) return true;
  return false;
}

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

/**
 * Normalises report text before labels are matched: control characters stripped, NFKC
 * (full-width digits, Kangxi radicals), traditional → simplified, variant glyphs, unusual
 * spaces and line endings.
 */
export function normaliseText(raw: string): string {
  let text = stripControls(raw).normalize('NFKC');
  // a traditional-script report is traditional from its first page: sampling the head is enough
  const traditional = looksTraditional(text);
  // the converter's output is not NFKC text: all edits are looked for in it
  if (traditional) text = convertTraditional(text);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text.replace(traditional ? EDITS : EDITS_AFTER_NFKC, (c) => EDIT_TO[c] ?? ' ');
}

/** A label reduced for matching: no whitespace, no quotes, no punctuation variants. */
export function compactLabel(label: string): string {
  return label.replace(/[\s"'“”‘’]/g, '');
}
