/** Moved to src/domain/chinese-numerals.ts; kept so existing imports keep working. */
export { readChineseNumber, rewriteChineseYears } from '../domain/index.ts';
