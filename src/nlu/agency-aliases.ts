import { pinyin } from 'pinyin-pro';
import { DIVISION_SUFFIXES, divisionShortForms, ZONE_SUFFIXES } from '../domain/index.ts';
import type { Report } from '../schema/index.ts';
import { getDivisionIndex } from './divisions.ts';

/** How strongly an alias names an agency: its own name, or only the region it sits in. */
export interface AliasHit {
  key: string;
  /** true when the alias is the agency's own name (or, for a government, its region's). */
  own: boolean;
}

/** Short forms of a division name (the parser's rule, shared). */
export const regionShortForms = divisionShortForms;

/** Names people type for a report's agency (simplified Chinese); `area` only names its region. */
export function chineseAliases(r: Pick<Report, 'agency' | 'kind' | 'region'>): {
  own: string[];
  area: string[];
} {
  const own = new Set<string>([r.agency]);
  const area = new Set<string>();
  const cut = r.agency.indexOf('人民政府');
  const split = cut >= 0 ? undefined : splitBureau(r.agency, r.region);
  const place = cut >= 0 ? r.agency.slice(0, cut) : (split?.place ?? '');
  const dept = cut >= 0 ? r.agency.slice(cut) : (split?.dept ?? '');
  const places = new Set<string>(place ? regionShortForms(place) : []);
  if (r.region) {
    for (const f of regionShortForms(r.region.name)) {
      places.add(f);
      if (r.region.city && r.region.city !== r.region.name) places.add(r.region.city + f);
    }
  }
  for (const p of places) {
    if (r.kind === 'gov') {
      own.add(p);
      own.add(`${p}人民政府`);
      own.add(`${p}政府`);
    } else {
      area.add(p);
      if (dept) {
        own.add(p + dept);
        own.add(p + dept.replace('人民政府', '政府'));
      }
    }
  }
  // A bureau of a zone or county is also asked for by its own name (交通与建设局, 区交通与建设局).
  if (split && split.dept.length >= 3) {
    own.add(split.dept);
    own.add(split.place.slice(-1) + split.dept);
    // the body that runs an area inside the place is asked for by the area's name (某片区, 某某片区)
    const area = AREA_BODY.exec(split.dept)?.[1];
    if (area) for (const p of ['', ...places]) own.add(p + area);
  }
  return {
    own: [...own].filter((a) => a.length >= 2),
    area: [...area].filter((a) => a.length >= 2 && !own.has(a)),
  };
}

/** The body that runs an area (片区, 园区, 街道, 镇 …): the area's name, then what the body is. */
const AREA_BODY =
  /^(.{2,8}?(?:片区|园区|新区|开发区|高新区|街道|镇|乡))(?:管理局|管委会|管理委员会|办事处|人民政府|政府)$/;

/** Toneless pinyin forms: 朝阳区 → chaoyang, chaoyangqu. */
export function pinyinAliases(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    if (n.length > 6) continue;
    out.add(pinyin(n, { toneType: 'none', separator: '', v: true }).toLowerCase());
  }
  return [...out];
}

/** A division unit opening a bureau name: 某某综合实验区, 某某市, 城东区. */
const UNIT = new RegExp(`^.{1,8}?(?:${[...ZONE_SUFFIXES, ...DIVISION_SUFFIXES, '州'].join('|')})`);
const ZONE = new RegExp(`(?:${ZONE_SUFFIXES.join('|')})$`);

/**
 * 平潭综合实验区交通与建设局 → place 平潭综合实验区, bureau 交通与建设局: leading units that are
 * real divisions (or zones, or the report's own region) are the place; the rest is the body.
 */
export function splitBureau(
  agency: string,
  region: Report['region'],
): { place: string; dept: string } | undefined {
  const known = new Set([region?.name, region?.city, region?.province].filter((x): x is string => !!x));
  const divisions = getDivisionIndex().chinese;
  let place = '';
  let rest = agency;
  for (;;) {
    const m = UNIT.exec(rest);
    if (!m || rest.length - m[0].length < 2) break;
    const unit = m[0];
    if (!(divisions.has(unit) || known.has(unit) || ZONE.test(unit))) break;
    place += unit;
    rest = rest.slice(unit.length);
  }
  return place && rest ? { place, dept: rest } : undefined;
}
