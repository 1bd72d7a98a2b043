import { pinyin } from 'pinyin-pro';
import { divisionShortForms } from '../parse/index.ts';
import type { Report } from '../schema/index.ts';

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
  const place = cut >= 0 ? r.agency.slice(0, cut) : '';
  const dept = cut >= 0 ? r.agency.slice(cut) : '';
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
  return {
    own: [...own].filter((a) => a.length >= 2),
    area: [...area].filter((a) => a.length >= 2 && !own.has(a)),
  };
}

/** Toneless pinyin forms: 朝阳区 → chaoyang, chaoyangqu. */
export function pinyinAliases(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    if (n.length > 6) continue;
    out.add(pinyin(n, { toneType: 'none', separator: '', v: true }).toLowerCase());
  }
  return [...out];
}
