import { type AgencyLevel, agencyKey, agencyLevel } from '../domain/index.ts';
import type { Report } from '../schema/index.ts';
import { type AliasHit, chineseAliases, pinyinAliases, regionShortForms } from './agency-aliases.ts';
import { getDivisionIndex } from './divisions.ts';
import { buildDeletionIndex, buildFuzzyIndex } from './fuzzy.ts';
import { buildMetricTerms, type MetricTerm } from './metric-terms.ts';

/** Where a body stands (src/domain/agency-level.ts); re-exported for existing imports. */
export { type AgencyLevel, agencyLevel };

export interface AgencyInfo {
  key: string;
  /** Agency name as in its newest report. */
  name: string;
  kind: Report['kind'];
  years: number[];
  level: AgencyLevel;
  province: string | null;
  city: string | null;
}

/** Everything the matcher needs, built once per store revision. */
export interface NluContext {
  agencies: Map<string, AgencyInfo>;
  aliases: Map<string, AliasHit[]>;
  longestAlias: number;
  pinyin: Map<string, AliasHit[]>;
  /** Pinyin spellings within one edit (huanzhong → huangzhong). */
  fuzzyPinyin: Map<string, string[]>;
  fuzzyAliases: Map<string, string[]>;
  metricTerms: Map<string, MetricTerm>;
  longestTerm: number;
  fuzzyTerms: Map<string, string[]>;
  /** Newest reporting year held; 近三年 counts back from it (今年/去年 count from today). */
  newestYear: number | null;
  /** Agency keys by the division codes they sit in (32 → 江苏's agencies, 3208 → 淮安's). */
  within: Map<string, string[]>;
}

/** Province, city and county code prefixes of an agency key (`320813|人民政府` → 32, 3208, 320813). */
function regionPrefixes(key: string): string[] {
  const code = key.split('|')[0]!;
  if (!/^\d{6}$/.test(code)) return [];
  const out = [code.slice(0, 2), code.slice(0, 4)];
  if (!code.endsWith('00')) out.push(code);
  return out;
}

function addHit(map: Map<string, AliasHit[]>, alias: string, hit: AliasHit): void {
  const list = map.get(alias);
  if (!list) map.set(alias, [hit]);
  else if (!list.some((h) => h.key === hit.key)) list.push(hit);
  else if (hit.own) for (const h of list) if (h.key === hit.key) h.own = true;
}

/** Builds the matcher context from the stored reports (agency aliases, metric words). */
export function createNluContext(
  reports: Iterable<Pick<Report, 'agency' | 'kind' | 'region' | 'year'>>,
): NluContext {
  const agencies = new Map<string, AgencyInfo>();
  const aliases = new Map<string, AliasHit[]>();
  const pinyin = new Map<string, AliasHit[]>();
  let newestYear: number | null = null;
  const newestOf = new Map<string, number>();
  for (const r of reports) {
    const key = agencyKey(r);
    const info = agencies.get(key);
    if (!info)
      agencies.set(key, {
        key,
        name: r.agency,
        kind: r.kind,
        years: [r.year],
        level: agencyLevel(r),
        province: r.region?.province ?? null,
        city: r.region?.city ?? null,
      });
    else {
      if (!info.years.includes(r.year)) info.years.push(r.year);
      if (r.year > (newestOf.get(key) ?? 0)) info.name = r.agency;
    }
    newestOf.set(key, Math.max(newestOf.get(key) ?? 0, r.year));
    if (newestYear === null || r.year > newestYear) newestYear = r.year;
    const { own, area } = chineseAliases(r);
    for (const a of own) addHit(aliases, a, { key, own: true });
    for (const a of area) addHit(aliases, a, { key, own: false });
    const places = r.region ? regionShortForms(r.region.name) : [];
    for (const p of pinyinAliases(places)) addHit(pinyin, p, { key, own: r.kind === 'gov' });
  }
  const within = new Map<string, string[]>();
  for (const info of agencies.values()) {
    info.years.sort((a, b) => a - b);
    for (const prefix of regionPrefixes(info.key)) {
      const list = within.get(prefix);
      if (list) list.push(info.key);
      else within.set(prefix, [info.key]);
    }
  }
  getDivisionIndex(); // loaded here, so no question pays for it
  const metricTerms = buildMetricTerms();
  let longestAlias = 0;
  for (const a of aliases.keys()) longestAlias = Math.max(longestAlias, a.length);
  let longestTerm = 0;
  for (const t of metricTerms.keys()) longestTerm = Math.max(longestTerm, t.length);
  return {
    agencies,
    aliases,
    longestAlias,
    pinyin,
    fuzzyPinyin: buildDeletionIndex(pinyin.keys()),
    fuzzyAliases: buildFuzzyIndex([...aliases.keys()].filter((a) => a.length <= 8)),
    metricTerms,
    longestTerm,
    fuzzyTerms: buildFuzzyIndex(metricTerms.keys()),
    newestYear,
    within,
  };
}
