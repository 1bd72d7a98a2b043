import { FIELD_IDS, type NarrativeItem, type Warning } from '../schema/index.ts';
import type { StoredReport } from './types.ts';

/** A warning as a line stores it: fields as indexes into the header, the report id left out when it is the record's. */
export type EncodedWarning = Omit<Warning, 'fields' | 'report'> & { f: (number | string)[]; r?: string };

/**
 * The record format of a version-2 store file: one record a line, cell values as an array in
 * the order of the file's `fields` header, blanks and warning fields as indexes into it (a field
 * id the header lacks stays a string), and a warning's report id left out when it is the record's.
 * A record is a few KB on disk, and its values object in memory shares one shape with every other
 * record's (about 1.7 KB for 200 cells instead of 12 KB).
 *
 * The hot part (what answers read on every question: identity, values, blanks) is `EncodedHot`;
 * the cold part (narrative figures and warnings, most of a record's bytes) is `EncodedCold`, kept
 * on disk and decoded when first read (store-file.ts writes it last on the line, its byte length first).
 */
export interface EncodedHot {
  /** The report without values, blanks and narrative. */
  report: Record<string, unknown>;
  /** Values in `fields` order. */
  v: (number | null)[];
  /** Values of fields the header lacks. */
  vx?: Record<string, number | null>;
  /** Fields the record has no key for (absent, not null). */
  vm?: number[];
  b: (number | string)[];
  prose?: string;
  print?: string;
}

export interface EncodedCold {
  n: NarrativeItem[];
  w: EncodedWarning[];
}

/** A whole record in one object: the line format before the hot/cold split (still read). */
export type EncodedRecord = EncodedHot & { w: EncodedWarning[] };

/** A decoded hot part: the report without its narrative. */
export interface DecodedHot {
  report: Omit<StoredReport['report'], 'narrative'>;
  prose?: string;
  print?: string;
}

export class RecordCodec {
  readonly fields: readonly string[];
  private readonly at: Map<string, number>;
  /** A values object with every field in order; spreading it gives each record the same shape. */
  private readonly template: Record<string, number | null>;

  constructor(fields: readonly string[] = FIELD_IDS) {
    this.fields = fields;
    this.at = new Map(fields.map((f, i) => [f, i]));
    const template: Record<string, number | null> = {};
    for (const f of fields) template[f] = null;
    // built key by key the object is a dictionary; its spread copy is a fast object whose copies are cheap
    this.template = { ...template };
  }

  private ref = (id: string): number | string => this.at.get(id) ?? id;

  /** A field's position in the header's order. */
  indexOf(field: string): number | undefined {
    return this.at.get(field);
  }
  private field = (ref: number | string): string =>
    typeof ref === 'number' ? (this.fields[ref] ?? String(ref)) : ref;

  /** The record's hot and cold parts. */
  encodeParts(e: StoredReport): { hot: EncodedHot; cold: EncodedCold } {
    const { values, blanks, narrative, ...report } = e.report;
    const v: (number | null)[] = new Array(this.fields.length).fill(null);
    let vx: Record<string, number | null> | undefined;
    for (const [k, x] of Object.entries(values)) {
      const i = this.at.get(k);
      if (i !== undefined) v[i] = x;
      else {
        vx ??= {};
        vx[k] = x;
      }
    }
    const hot: EncodedHot = { report, v, b: blanks.map(this.ref) };
    if (vx) hot.vx = vx;
    // a field absent from `values` differs from a null one: absent fields are listed in vm
    const missing = this.fields.filter((f) => !(f in values));
    if (missing.length > 0) hot.vm = missing.map((f) => this.at.get(f)!);
    if (e.prose) hot.prose = e.prose;
    if (e.print) hot.print = e.print;
    const w = e.warnings.map(({ fields, report: rid, ...w }) => ({
      ...w,
      f: fields.map(this.ref),
      ...(rid === e.report.id ? {} : { r: rid }),
    }));
    return { hot, cold: { n: narrative, w } };
  }

  /** The whole record in one object (the format before the hot/cold split). */
  encode(e: StoredReport): EncodedRecord & { report: Record<string, unknown> } {
    const { hot, cold } = this.encodeParts(e);
    return { ...hot, report: { ...hot.report, narrative: cold.n }, w: cold.w };
  }

  /** The values object of a hot part's `v`, `vm` and `vx`. */
  decodeValues(raw: Pick<EncodedHot, 'v' | 'vm' | 'vx'>): Record<string, number | null> {
    const v = raw.v ?? [];
    let values: Record<string, number | null>;
    if (raw.vm) {
      // some fields absent (not null): a plain object without them
      const absent = new Set(raw.vm);
      values = {};
      for (let i = 0; i < this.fields.length; i++) if (!absent.has(i)) values[this.fields[i]!] = v[i] ?? null;
    } else {
      values = { ...this.template };
      for (let i = 0; i < this.fields.length; i++) values[this.fields[i]!] = v[i] ?? null;
    }
    if (raw.vx) Object.assign(values, raw.vx);
    return values;
  }

  /**
   * The report (without narrative), prose key and print of a hot part. `withValues` false leaves
   * `values` out (the caller decodes them when first read).
   */
  decodeHot(raw: EncodedHot, withValues = true): DecodedHot {
    const blanks = (raw.b ?? []).map(this.field);
    const report = (
      withValues ? { ...raw.report, values: this.decodeValues(raw), blanks } : { ...raw.report, blanks }
    ) as DecodedHot['report'];
    const out: DecodedHot = { report };
    if (raw.prose) out.prose = raw.prose;
    if (raw.print) out.print = raw.print;
    return out;
  }

  /** Warnings as stored → Warning objects of the record `id`. */
  decodeWarnings(ws: readonly EncodedWarning[] | undefined, id: string): Warning[] {
    return (ws ?? []).map((w) => {
      const out = {
        rule: w.rule,
        severity: w.severity,
        report: w.r ?? id,
        fields: (w.f ?? []).map(this.field),
        message: w.message,
      } as Warning;
      for (const k in w)
        if (!(k in out) && k !== 'f' && k !== 'r')
          (out as Record<string, unknown>)[k] = (w as Record<string, unknown>)[k];
      return out;
    });
  }

  /** A whole record (either line format, parsed) → the stored record. */
  decode(raw: EncodedHot & { w?: EncodedWarning[]; x?: EncodedCold }): StoredReport {
    const hot = this.decodeHot(raw);
    const narrative = raw.x ? raw.x.n : ((raw.report as { narrative?: NarrativeItem[] }).narrative ?? []);
    const report = { ...hot.report, narrative } as StoredReport['report'];
    const out: StoredReport = {
      report,
      warnings: this.decodeWarnings(raw.x ? raw.x.w : raw.w, report.id),
    };
    if (hot.prose) out.prose = hot.prose;
    if (hot.print) out.print = hot.print;
    return out;
  }
}
