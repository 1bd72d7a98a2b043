import { pinyin } from 'pinyin-pro';
import {
  BODY_WORDS,
  DEPARTMENT_WORDS,
  DIVISION_SUFFIXES,
  ETHNIC_ALTERNATION,
  JOIN_WORDS,
  ZONE_WORDS,
} from '../domain/index.ts';

const UNIT = new RegExp(`.+?(?:${DIVISION_SUFFIXES.join('|')})`, 'g');
const ETHNIC_TAIL = new RegExp(`^(.{2,}?)(?:${ETHNIC_ALTERNATION})+$`);
const ENGLISH: ReadonlyArray<[RegExp, string]> = [
  [/(?:特别行政区)$/, 'SAR'],
  [/自治区$/, 'Autonomous Region'],
  [/自治州$/, 'Autonomous Prefecture'],
  [/自治县$/, 'Autonomous County'],
  [/自治旗$/, 'Autonomous Banner'],
  [/新区$/, 'New Area'],
  [/地区$/, 'Prefecture'],
  [/省$/, 'Province'],
  [/市$/, 'City'],
  [/县$/, 'County'],
  [/区$/, 'District'],
  [/旗$/, 'Banner'],
  [/盟$/, 'League'],
];
const DEPARTMENT: Record<string, string> = {
  人民政府: '',
  人民政府办公室: 'General Office',
  人民政府办公厅: 'General Office',
};

/** 淮安 → Huai'an: toneless pinyin, one word, an apostrophe before a syllable opening in a/o/e. */
function spell(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', v: true });
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One division or zone: 循化撒拉族自治县 → Xunhua Autonomous County; 平潭综合实验区 → Pingtan Comprehensive Pilot Zone. */
function romaniseUnit(unit: string): string {
  for (const [zh, en] of ZONE_WORDS) {
    if (unit.endsWith(zh) && unit.length > zh.length) return `${spell(unit.slice(0, -zh.length))} ${en}`;
  }
  for (const [re, en] of ENGLISH) {
    if (!re.test(unit)) continue;
    const core = unit.replace(re, '').replace(ETHNIC_TAIL, '$1');
    return `${spell(core)} ${en}`;
  }
  return spell(unit);
}

/** Body words longest first, with the English each stands for (a joining word is “and”). */
const BODY_PIECES: readonly (readonly [string, string])[] = [
  ...DEPARTMENT_WORDS,
  ...BODY_WORDS,
  ...JOIN_WORDS.map((w) => [w, 'and'] as const),
].sort((a, b) => b[0].length - a[0].length);

/**
 * A body's own name in English, word by word: 自然资源与生态环境局 → Natural Resources and
 * Ecology and Environment Bureau. Characters no word covers are spelled in pinyin as one word.
 */
function englishBody(body: string): string {
  const words: string[] = [];
  let unknown = '';
  for (let i = 0; i < body.length; ) {
    const piece = BODY_PIECES.find(([zh]) => body.startsWith(zh, i));
    if (!piece) {
      unknown += body[i];
      i++;
      continue;
    }
    if (unknown) words.push(spell(unknown));
    unknown = '';
    words.push(piece[1]);
    i += piece[0].length;
  }
  if (unknown) words.push(spell(unknown));
  return words.join(' ');
}

const cache = new Map<string, string>();

/** English reading of an agency name for English replies: 循化县人民政府 → Xunhua County. */
export function romaniseAgency(agency: string): string {
  const hit = cache.get(agency);
  if (hit !== undefined) return hit;
  const cut = agency.indexOf('人民政府');
  const place = cut >= 0 ? agency.slice(0, cut) : agency;
  const dept = cut >= 0 ? agency.slice(cut) : '';
  const units = place.match(UNIT) ?? [];
  const tail = place.slice(units.join('').length);
  const parts = [...units.map(romaniseUnit), ...(tail ? [spell(tail)] : [])].reverse();
  const deptEn = DEPARTMENT[dept] ?? englishBody(dept.replace('人民政府', '') || tail);
  const placeEn = (dept ? parts : parts.slice(tail ? 1 : 0)).join(', ');
  const out = [placeEn, deptEn].filter((p) => p !== '').join(', ');
  cache.set(agency, out);
  return out;
}
