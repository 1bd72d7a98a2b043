/**
 * Text extraction needs a font's ToUnicode map and its widths (both in the font dictionaries), not
 * its glyph program: pdf.js still parses and repairs every embedded font program (TrueType tables,
 * glyph locations), about half its time on a typical report. This hides the font program of each
 * font whose text is fully mapped by a ToUnicode CMap, by renaming the `/FontFile*` key of its
 * descriptor to a name of the same length (no offsets move). A font without ToUnicode, or any
 * reference that cannot be followed in the file's plain objects, keeps its program.
 */

const FONT_FILE = /\/FontFile[23]?(?=[\s/<>[\]])/g;
const OBJ_HEAD = /(\d+)\s+(\d+)\s+obj\b/g;

/** The plain object `N G obj … endobj` around `at` (its text and number), or null (none, or inside a stream). */
function enclosingObject(text: string, at: number): { body: string; num: number } | null {
  const from = Math.max(0, at - 65536);
  let head: RegExpExecArray | null = null;
  OBJ_HEAD.lastIndex = from;
  for (let m = OBJ_HEAD.exec(text); m && m.index < at; m = OBJ_HEAD.exec(text)) head = m;
  if (!head) return null;
  const end = text.indexOf('endobj', at);
  if (end < 0) return null;
  const body = text.slice(head.index, end);
  if (body.includes('stream')) return null;
  return { body, num: Number(head[1]) };
}

/** Every plain object that refers to object `num` after `key` (`/Key num 0 R`, or in an array after it). */
function referrers(text: string, num: number, key: string): { body: string; num: number }[] | null {
  const ref = new RegExp(`${key}\\s*\\[?[\\d\\sR]*?\\b${num}\\s+0\\s+R`, 'g');
  const out: { body: string; num: number }[] = [];
  for (const m of text.matchAll(ref)) {
    const obj = enclosingObject(text, m.index);
    if (!obj) return null;
    out.push(obj);
  }
  return out;
}

/** Whether every font using descriptor `num` maps its text by ToUnicode (a CIDFont through its Type0 parent). */
function mappedByToUnicode(text: string, num: number): boolean {
  const fonts = referrers(text, num, '/FontDescriptor');
  if (!fonts || fonts.length === 0) return false;
  return fonts.every((font) => {
    if (/\/ToUnicode\b/.test(font.body)) return true;
    if (!/\/CIDFontType[02]\b/.test(font.body)) return false;
    const parents = referrers(text, font.num, '/DescendantFonts');
    return !!parents && parents.length > 0 && parents.every((p) => /\/ToUnicode\b/.test(p.body));
  });
}

/** A copy of the PDF with the font programs text extraction does not need hidden; the input itself is unchanged. */
export function hideMappedFontPrograms(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  const buf = Buffer.from(copy.buffer, copy.byteOffset, copy.length);
  const text = buf.toString('latin1');
  // a font in an object stream could refer to a plain descriptor unseen: leave such files whole
  if (/\/ObjStm\b/.test(text)) return copy;
  for (const m of text.matchAll(FONT_FILE)) {
    const descriptor = enclosingObject(text, m.index);
    if (!descriptor || !/\/Type\s*\/FontDescriptor\b/.test(descriptor.body)) continue;
    if (!mappedByToUnicode(text, descriptor.num)) continue;
    // `/FontFile2` → `/FontFilX2`: same length, a key pdf.js does not read
    buf.write('X', m.index + 8, 'latin1');
  }
  return copy;
}
