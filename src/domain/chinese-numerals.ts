/** Chinese numerals as reports and questions write them: 二〇二四, 二十三, 两, 一百零五. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十三 → 23, 两 → 2, 一百零五 → 105, 12 → 12; null when the text is not a numeral. */
export function readChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '') return null;
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    const u = UNITS[ch];
    if (d !== undefined) cur = d;
    else if (u !== undefined) {
      total += (cur || 1) * u;
      cur = 0;
    } else return null;
  }
  return total + cur;
}

/** Rewrites digit-by-digit years (二〇二四 → 2024) so one pattern reads both. */
export function rewriteChineseYears(s: string): string {
  return s.replace(/[〇零一二三四五六七八九]{4}/g, (m) => [...m].map((c) => String(DIGITS[c])).join(''));
}
