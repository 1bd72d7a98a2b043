import { agencyKey } from '../domain/index.ts';
import type { Report } from '../schema/index.ts';
import { stripBoilerplate } from './_similarity.ts';

/**
 * Copy detection across agencies (X-10) from a compact fingerprint per report, so adding one
 * report never compares its prose with every other report's.
 *
 * Fingerprint: a bottom-k MinHash sketch — the K smallest 30-bit hashes of the character 5-grams
 * of part 一, after removing whitespace, masking numbers and the report's own agency and place
 * names. The K smallest hashes of a set are a uniform sample of it, and dropping elements keeps
 * that property: the sketch of the text minus its boilerplate is the sketch minus the boilerplate
 * hashes. Banding: an inverted index from each sketch value to the reports holding it (bands of
 * one row), so candidates are found by lookup, not by comparing every pair. A sketch value held by
 * more than BOILERPLATE_AGENCIES agencies' reports is boilerplate (template prose) and ignored.
 */

/** Sketch size: 64 hashes, 512 hex characters per report. */
export const PRINT_K = 64;
/** A 5-gram seen in the reports of more than this many agencies is boilerplate. */
export const BOILERPLATE_AGENCIES = 3;
/** Fewer non-boilerplate hashes than this in either sketch: too little own prose to compare. */
const MIN_KEPT = 12;
/** Postings longer than this are boilerplate for good; their reports are no longer listed. */
export const POSTING_CAP = 48;
/** Marks a saturated posting. */
const MANY = -1;

/** FNV-1a of a string, folded to 30 bits (a small integer in V8). */
function hash30(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 2) & 0x3fffffff;
}

/** Part 一 prepared for shingling: boilerplate sentences cut, spaces gone, numbers and own names masked. */
function preparedPartOne(report: Report): string | null {
  const one = report.text?.sections?.一;
  if (!one || one.length < 50) return null;
  let t = stripBoilerplate(one)
    .replace(/\s/g, '')
    .replace(/\d+(?:\.\d+)?/g, '#');
  const names = [report.agency, report.text?.sigAgency ?? '', report.region?.name ?? ''];
  for (const m of names.filter((n) => n.length >= 2).sort((a, b) => b.length - a.length))
    t = t.split(m).join('＊');
  return t;
}

/** The report's fingerprint (sorted hashes as hex), or null when part 一 is missing or too short. */
export function copyPrint(report: Report): string | null {
  const t = preparedPartOne(report);
  if (t === null) return null;
  const all = new Set<number>();
  for (let i = 0; i + 5 <= t.length; i++) all.add(hash30(t.slice(i, i + 5)));
  if (all.size < MIN_KEPT) return null;
  const sorted = [...all].sort((a, b) => a - b).slice(0, PRINT_K);
  return sorted.map((h) => h.toString(16).padStart(8, '0')).join('');
}

/** Hex fingerprint → sorted hashes; a malformed one reads as empty. */
export function decodePrint(hex: string): Uint32Array {
  if (hex.length % 8 !== 0) return new Uint32Array(0);
  const out = new Uint32Array(hex.length / 8);
  // digit by digit (a store opening decodes 64 per record): no slices, no parseInt
  for (let i = 0, at = 0; i < out.length; i++) {
    let h = 0;
    for (let j = 0; j < 8; j++, at++) {
      const c = hex.charCodeAt(at);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (d < 0) return new Uint32Array(0);
      h = h * 16 + d;
    }
    out[i] = h;
  }
  return out;
}

export interface CopyMatch {
  /** The other report's id. */
  id: string;
  agency: string;
  /** Estimated Jaccard similarity of part 一 without boilerplate. */
  similarity: number;
}

interface Slot {
  id: string;
  agency: string;
  key: number;
  year: number;
  sketch: Uint32Array;
  /** Insertion order: a report is compared only with reports indexed before it, so a pair warns once. */
  order: number;
}

/**
 * Inverted index of fingerprints. `add`/`remove` keep it current as the store changes;
 * `matches` finds the same-year reports of other agencies whose part 一 is a near copy.
 */
export class CopyIndex {
  private readonly slots: (Slot | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<number, number | number[]>();
  private readonly agencyIds = new Map<string, number>();
  private order = 0;
  /** agencyKey by agency name, kind and region code (a body's five years share one). */
  private readonly keys = new Map<string, string>();

  get size(): number {
    return this.slotOf.size;
  }

  private keyOf(report: Pick<Report, 'agency' | 'kind' | 'region'>): string {
    const memo = `${report.agency}\u0000${report.kind}\u0000${report.region?.code ?? ''}`;
    let key = this.keys.get(memo);
    if (key === undefined) {
      key = agencyKey(report);
      this.keys.set(memo, key);
    }
    return key;
  }

  private agencyId(key: string): number {
    let id = this.agencyIds.get(key);
    if (id === undefined) {
      id = this.agencyIds.size;
      this.agencyIds.set(key, id);
    }
    return id;
  }

  /**
   * Marks hash `h` as held by more than POSTING_CAP reports (boilerplate for good), as adding
   * them all would: for an index of only the reports near some others (a database store).
   */
  saturate(h: number): void {
    this.postings.set(h, MANY);
  }

  /** Indexes (or re-indexes) one report by id; a report without a fingerprint is only removed. */
  add(
    report: Pick<Report, 'id' | 'agency' | 'kind' | 'year' | 'region'>,
    print: string | null | undefined,
  ): void {
    this.remove(report.id);
    if (!print) return;
    const sketch = decodePrint(print);
    if (sketch.length === 0) return;
    const slot = this.slots.length;
    this.slots.push({
      id: report.id,
      agency: report.agency,
      key: this.agencyId(this.keyOf(report)),
      year: report.year,
      sketch,
      order: this.order++,
    });
    this.slotOf.set(report.id, slot);
    for (const h of sketch) {
      const p = this.postings.get(h);
      if (p === undefined) this.postings.set(h, slot);
      else if (p === MANY) continue;
      else if (typeof p === 'number') this.postings.set(h, [p, slot]);
      else if (p.length >= POSTING_CAP) this.postings.set(h, MANY);
      else p.push(slot);
    }
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const s = this.slots[slot]!;
    for (const h of s.sketch) {
      const p = this.postings.get(h);
      if (p === slot) this.postings.delete(h);
      else if (Array.isArray(p)) {
        const at = p.indexOf(slot);
        if (at >= 0) p.splice(at, 1);
        if (p.length === 1) this.postings.set(h, p[0]!);
      }
    }
    this.slots[slot] = undefined;
    this.slotOf.delete(id);
  }

  /** Slots holding hash `h`, or MANY. */
  private holders(h: number): readonly number[] | typeof MANY {
    const p = this.postings.get(h);
    if (p === undefined) return [];
    if (p === MANY) return MANY;
    return typeof p === 'number' ? [p] : p;
  }

  /** Whether `h` is boilerplate: held by more than BOILERPLATE_AGENCIES agencies (counting `self`). */
  private isBoilerplate(h: number, self: number): boolean {
    const holders = this.holders(h);
    if (holders === MANY) return true;
    const agencies = new Set<number>([self]);
    for (const s of holders) agencies.add(this.slots[s]!.key);
    return agencies.size > BOILERPLATE_AGENCIES;
  }

  /**
   * Reports of the same year by other agencies whose part 一 resembles `report`'s at least
   * `threshold` (estimated Jaccard after boilerplate is dropped), most similar first. When the
   * report is itself indexed, only reports indexed before it are returned (each pair once).
   */
  matches(report: Report, print: string | null | undefined, threshold: number): CopyMatch[] {
    if (!print) return [];
    const own = decodePrint(print);
    const selfKey = this.agencyIds.get(this.keyOf(report)) ?? -1;
    const selfSlot = this.slotOf.get(report.id);
    const before = selfSlot === undefined ? Number.POSITIVE_INFINITY : this.slots[selfSlot]!.order;
    const kept = own.filter((h) => !this.isBoilerplate(h, selfKey));
    if (kept.length < MIN_KEPT) return [];
    const candidates = new Set<number>();
    for (const h of kept) {
      const holders = this.holders(h);
      if (holders === MANY) continue;
      for (const s of holders) {
        const c = this.slots[s]!;
        if (c.year === report.year && c.key !== selfKey && c.order < before && c.id !== report.id)
          candidates.add(s);
      }
    }
    const out: CopyMatch[] = [];
    const seen = new Set<number>();
    for (const s of candidates) {
      const c = this.slots[s]!;
      if (seen.has(c.key)) continue;
      const theirs = c.sketch.filter((h) => !this.isBoilerplate(h, selfKey));
      if (theirs.length < MIN_KEPT) continue;
      const similarity = estimate(kept, theirs);
      if (similarity >= threshold) {
        seen.add(c.key);
        out.push({ id: c.id, agency: c.agency, similarity });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }
}

/** Bottom-k Jaccard estimate of two sorted sketches: shared share of the union's k smallest. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
  const k = Math.min(a.length, b.length);
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < k && i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
    taken++;
  }
  return k === 0 ? 0 : shared / k;
}
