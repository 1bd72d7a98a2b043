const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g');

/** Collapses whitespace; drops spaces between CJK characters (source line breaks, glyph gaps), which Chinese text never has. */
export function collapseWhitespace(s: string): string {
  return s
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(SPACE_BETWEEN_CJK, '$1')
    .trim();
}
