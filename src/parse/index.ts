export { readChineseNumber, rewriteChineseYears } from './chinese-numerals.ts';
export { applyPreviousYear } from './flat-previous.ts';
export { extractNarrative } from './narrative.ts';
export { compactLabel, normaliseText } from './normalise.ts';
export { parseReport } from './parse-report.ts';
export { divisionShortForms, findRegion } from './region.ts';
export type { ParseError, ParseErrorCode, ParseResult, SourceInfo } from './result.ts';
