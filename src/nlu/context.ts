import { type AgencyLevel, agencyKey, agencyLevel } from '../domain/index.ts';
import type { Report } from '../schema/index.ts';
import { normaliseQuestion } from './_normalise.ts';
import { type AliasHit, chineseAliases, pinyinAliases, regionShortForms } from './agency-aliases.ts';
import { getDivisionIndex } from './divisions.ts';
import { addToDeletionIndex, addToFuzzyIndex, buildFuzzyIndex, measureIndex } from './fuzzy.ts';
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
  /** The rate words of metricTerms (公开率, 申请的办结率), matched before the others. */
  rateTerms: Map<string, MetricTerm>;
  longestRateTerm: number;
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

/** Adds a hit; true when the alias is new to the map. */
function addHit(map: Map<string, AliasHit[]>, alias: string, hit: AliasHit): boolean {
  const list = map.get(alias);
  if (!list) {
    map.set(alias, [hit]);
    return true;
  }
  if (!list.some((h) => h.key === hit.key)) list.push(hit);
  else if (hit.own) for (const h of list) if (h.key === hit.key) h.own = true;
  return false;
}

/** What a record gives the matcher: its agency, kind, place and year (no figures). */
export type ContextRow = Pick<Report, 'agency' | 'kind' | 'region' | 'year'>;

/** The metric words: the same for every store, built once per process. */
let metricIndexes: {
  metricTerms: Map<string, MetricTerm>;
  longestTerm: number;
  rateTerms: Map<string, MetricTerm>;
  longestRateTerm: number;
  fuzzyTerms: Map<string, string[]>;
};

const longestKey = (map: ReadonlyMap<string, unknown>) =>
  Math.max(0, ...[...map.keys()].map((k) => k.length));

function metricWords(): typeof metricIndexes {
  if (!metricIndexes) {
    const metricTerms = buildMetricTerms();
    const rateTerms = new Map([...metricTerms].filter(([, t]) => t.table === 'rate'));
    metricIndexes = {
      metricTerms,
      longestTerm: longestKey(metricTerms),
      rateTerms,
      longestRateTerm: longestKey(rateTerms),
      fuzzyTerms: buildFuzzyIndex(metricTerms.keys()),
    };
  }
  return metricIndexes;
}

/** Builds the matcher context from the stored reports (agency aliases, metric words), in store order. */
export function createNluContext(reports: Iterable<ContextRow>): NluContext {
  getDivisionIndex(); // loaded here, so no question pays for it
  const ctx: NluContext = {
    agencies: new Map(),
    aliases: new Map(),
    longestAlias: 0,
    pinyin: new Map(),
    fuzzyPinyin: new Map(),
    fuzzyAliases: new Map(),
    ...metricWords(),
    newestYear: null,
    within: new Map(),
  };
  addToNluContext(ctx, reports);
  // what the first question would otherwise pay: the typo indexes' shapes, the 繁→简 converter
  for (const index of [ctx.fuzzyAliases, ctx.fuzzyPinyin, ctx.fuzzyTerms]) measureIndex(index);
  normaliseQuestion('');
  return ctx;
}

/**
 * Adds records to a context, in place: the result equals a context built from scratch with them
 * after the ones it holds (what a store change that appends records needs, in time proportional
 * to the records added, not to the store).
 */
export function addToNluContext(ctx: NluContext, reports: Iterable<ContextRow>): void {
  const { agencies, aliases, pinyin } = ctx;
  const added: AgencyInfo[] = [];
  const touched = new Set<AgencyInfo>();
  const newAliases: string[] = [];
  const newPinyin: string[] = [];
  for (const r of reports) {
    const key = agencyKey(r);
    const info = agencies.get(key);
    if (!info) {
      const fresh: AgencyInfo = {
        key,
        name: r.agency,
        kind: r.kind,
        years: [r.year],
        level: agencyLevel(r),
        province: r.region?.province ?? null,
        city: r.region?.city ?? null,
      };
      agencies.set(key, fresh);
      added.push(fresh);
    } else {
      if (r.year > Math.max(...info.years)) info.name = r.agency;
      if (!info.years.includes(r.year)) info.years.push(r.year);
      touched.add(info);
    }
    if (ctx.newestYear === null || r.year > ctx.newestYear) ctx.newestYear = r.year;
    const { own, area } = chineseAliases(r);
    for (const a of own) if (addHit(aliases, a, { key, own: true })) newAliases.push(a);
    for (const a of area) if (addHit(aliases, a, { key, own: false })) newAliases.push(a);
    const places = r.region ? regionShortForms(r.region.name) : [];
    for (const p of pinyinAliases(places))
      if (addHit(pinyin, p, { key, own: r.kind === 'gov' })) newPinyin.push(p);
  }
  for (const info of touched) info.years.sort((a, b) => a - b);
  for (const info of added) {
    info.years.sort((a, b) => a - b);
    for (const prefix of regionPrefixes(info.key)) {
      const list = ctx.within.get(prefix);
      if (list) list.push(info.key);
      else ctx.within.set(prefix, [info.key]);
    }
  }
  for (const a of newAliases) ctx.longestAlias = Math.max(ctx.longestAlias, a.length);
  addToDeletionIndex(ctx.fuzzyPinyin, newPinyin);
  addToFuzzyIndex(
    ctx.fuzzyAliases,
    newAliases.filter((a) => a.length <= 8),
  );
}
