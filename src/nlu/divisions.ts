import { pinyin } from 'pinyin-pro';
import { allDivisions, divisionShortForms } from '../domain/index.ts';

/** A real place of the GB/T 2260 dataset, by one of the names people write for it. */
export interface Place {
  name: string;
  /** Province (2 digits), city (4) or county (6) code prefix. */
  code: string;
  level: 'province' | 'city' | 'county';
}

export interface DivisionIndex {
  /** Chinese names and short forms (北京, 北京市, 浦东, 浦东新区). */
  chinese: Map<string, Place[]>;
  longest: number;
  /** Toneless pinyin of the short forms (beijing, pudong). */
  latin: Map<string, Place[]>;
}

function add(map: Map<string, Place[]>, key: string, place: Place): void {
  const list = map.get(key);
  if (!list) map.set(key, [place]);
  else if (!list.some((p) => p.code === place.code)) list.push(place);
}

/** Regions outside the dataset, and English names that are not pinyin. */
const EXTRA: Place[] = [
  { name: '香港特别行政区', code: '81', level: 'province' },
  { name: '澳门特别行政区', code: '82', level: 'province' },
  { name: '台湾省', code: '71', level: 'province' },
];
const EXONYMS: ReadonlyArray<[string, string]> = [
  ['hongkong', '香港'],
  ['macau', '澳门'],
  ['macao', '澳门'],
  ['taiwan', '台湾'],
  ['innermongolia', '内蒙古'],
  ['tibet', '西藏'],
];

let index: DivisionIndex | undefined;

/** The division dataset (src/domain) by Chinese and pinyin names, indexed on first use (≈0.2 s). */
export function getDivisionIndex(): DivisionIndex {
  if (index) return index;
  const CODE_DIGITS = { province: 2, city: 4, county: 6 } as const;
  const places: Place[] = [
    ...allDivisions().map((d) => ({
      name: d.name,
      code: d.code.slice(0, CODE_DIGITS[d.level]),
      level: d.level,
    })),
    ...EXTRA,
  ];
  const chinese = new Map<string, Place[]>();
  const latin = new Map<string, Place[]>();
  let longest = 0;
  for (const place of places) {
    for (const form of divisionShortForms(place.name)) {
      add(chinese, form, place);
      longest = Math.max(longest, form.length);
      if (form.length <= 4 && form !== place.name) add(latin, toPinyin(form), place);
    }
  }
  for (const [word, name] of EXONYMS) for (const place of chinese.get(name) ?? []) add(latin, word, place);
  index = { chinese, longest, latin };
  return index;
}

/** Toneless pinyin without separators: 浦东 → pudong. */
export function toPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', separator: '', v: true }).toLowerCase();
}

/** The one place a name means, or a province over its namesakes; undefined when ambiguous. */
export function pickPlace(places: readonly Place[]): Place | undefined {
  if (places.length === 1) return places[0];
  const provinces = places.filter((p) => p.level === 'province');
  return provinces.length === 1 ? provinces[0] : undefined;
}
