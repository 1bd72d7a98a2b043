import { allDivisions, divisionShortForms, ZONES } from '../domain/index.ts';
import type { Region } from '../schema/index.ts';

/** How division names shorten is domain knowledge (src/domain/divisions.ts); re-exported for existing imports. */
export { divisionShortForms };

interface Entry {
  name: string;
  /** Names people write (divisionShortForms). */
  aliases: string[];
  code: string;
  province: string;
  city: string | null;
  level: 'province' | 'city' | 'county';
}

let entries: Entry[] | undefined;
let byAlias: Map<string, Entry[]> | undefined;
/** The longest alias by its first two characters: how far a match starting with them can run. */
let longestFrom: Map<string, number> | undefined;

/** The GB/T 2260 divisions (src/domain) with the names people write for them, indexed once, on first use. */
function loadEntries(): Entry[] {
  if (entries) return entries;
  const list: Entry[] = allDivisions().map((d) => ({ ...d, aliases: divisionShortForms(d.name) }));
  entries = list;
  byAlias = new Map();
  longestFrom = new Map();
  for (const e of list) {
    for (const alias of e.aliases) {
      if (alias.length < 2) continue;
      const head = alias.slice(0, 2);
      longestFrom.set(head, Math.max(longestFrom.get(head) ?? 0, alias.length));
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
    const longest = longestFrom?.get(agency.slice(i, i + 2)) ?? 0;
    for (let len = 2; len <= longest && i + len <= agency.length; len++) {
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

export interface Zone {
  /** The zone's name as written, e.g. 雄安新区. */
  name: string;
  /** Where the name starts in the text searched. */
  index: number;
  region: Region;
}

/** The zone or new area an agency name belongs to (雄安新区某某局 → 雄安新区), if any. */
let zoneHosts: Map<string, Region> | undefined;

export function findZone(agency: string): Zone | null {
  for (const z of ZONES) {
    const index = agency.indexOf(z.name);
    if (index < 0) continue;
    if (!zoneHosts) {
      const hosts = new Set(ZONES.map((x) => x.host));
      zoneHosts = new Map(loadEntries().flatMap((e) => (hosts.has(e.code) ? [[e.code, toRegion(e)]] : [])));
    }
    const region = zoneHosts.get(z.host);
    if (region) return { name: z.name, index, region: { ...region } };
  }
  return null;
}

let zoneNames: Set<string> | undefined;
const ENDS_IN_LEVEL = /[省市县区旗州盟]$/;

/** True when `name` is a division (full name or a short form ending in its level, e.g. a county's name with 县) or a zone. */
export function isPlaceName(name: string): boolean {
  loadEntries();
  zoneNames ??= new Set(ZONES.map((z) => z.name));
  if (zoneNames.has(name)) return true;
  const bucket = byAlias?.get(name);
  return !!bucket && bucket.length > 0 && (ENDS_IN_LEVEL.test(name) || bucket.some((e) => e.name === name));
}

/** A division or zone as a name may be written: the form, and the region it stands for. */
export interface NearName {
  spelt: string;
  region: Region;
}

let nearIndex: Map<string, (NearName & { key: string })[]> | undefined;

/**
 * Divisions (by their name or short form with its level, 化隆县) and zones whose name differs
 * from `name` in exactly one character, the level character (县, 区 …) kept.
 */
export function divisionsOneCharAway(name: string): NearName[] {
  if (!nearIndex) {
    const index = new Map<string, (NearName & { key: string })[]>();
    const add = (spelt: string, key: string, region: () => Region) => {
      if (spelt.length < 3) return;
      for (let i = 0; i < spelt.length - 1; i++) {
        const k = `${spelt.slice(0, i)}?${spelt.slice(i + 1)}`;
        const bucket = index.get(k) ?? [];
        if (!bucket.some((b) => b.key === key && b.spelt === spelt))
          bucket.push({ spelt, key, region: region() });
        index.set(k, bucket);
      }
    };
    for (const e of loadEntries()) {
      for (const f of e.aliases)
        if (f === e.name || /[省市县区旗州盟]$/.test(f)) add(f, e.code, () => toRegion(e));
    }
    for (const z of ZONES) add(z.name, `zone:${z.name}`, () => findZone(z.name)!.region);
    nearIndex = index;
  }
  const found = new Map<string, NearName>();
  for (let i = 0; i < name.length - 1; i++) {
    for (const n of nearIndex.get(`${name.slice(0, i)}?${name.slice(i + 1)}`) ?? []) {
      if (n.spelt !== name) found.set(n.key, { spelt: n.spelt, region: { ...n.region } });
    }
  }
  return [...found.values()];
}
