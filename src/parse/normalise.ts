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
const VARIANT_RE = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

/** Characters that only occur in traditional text; their presence triggers a full conversion. */
const TRADITIONAL_HINT =
  /[們這個與為資訊開報關請處機縣區過數認統總計規範稱條項決許罰強費審復訴結轉實權點應際營產環衛醫療務辦書從對時間據]/;

/** Characters sampled for the traditional-script test. */
const HINT_SAMPLE = 6000;

let toSimplified: ((s: string) => string) | undefined;

function convertTraditional(text: string): string {
  const convert = toSimplified ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  toSimplified = convert;
  return convert(text);
}

/**
 * Normalises report text before labels are matched: NFKC (full-width digits, Kangxi radicals),
 * traditional → simplified, variant glyphs, unusual spaces and line endings.
 */
export function normaliseText(raw: string): string {
  let text = raw.normalize('NFKC');
  // a traditional-script report is traditional from its first page: sampling the head is enough
  if (TRADITIONAL_HINT.test(text.length > HINT_SAMPLE ? text.slice(0, HINT_SAMPLE) : text)) {
    text = convertTraditional(text);
  }
  return text
    .replace(VARIANT_RE, (c) => VARIANTS[c] ?? c)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200b\u3000\ufeff]/g, ' ')
    .replace(/[\u201c\u201d\u2033\u301d\u301e]/g, '"')
    .replace(/[\u2018\u2019]/g, "'");
}

/** A label reduced for matching: no whitespace, no quotes, no punctuation variants. */
export function compactLabel(label: string): string {
  return label.replace(/[\s"'“”‘’]/g, '');
}
