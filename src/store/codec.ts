import { FIELD_IDS, type Warning } from '../schema/index.ts';
import type { StoredReport } from './types.ts';

/**
 * The record format of a version-2 store file: one record a line, cell values as an array in
 * the order of the file's `fields` header, blanks and warning fields as indexes into it (a field
 * id the header lacks stays a string), and a warning's report id left out when it is the record's.
 * A record is a few KB on disk, and its values object in memory shares one shape with every other
 * record's (about 1.7 KB for 200 cells instead of 12 KB).
 */
export interface EncodedRecord {
  report: Record<string, unknown>;
  /** Values in `fields` order. */
  v: (number | null)[];
  /** Values of fields the header lacks. */
  vx?: Record<string, number | null>;
  b: (number | string)[];
  w: (Omit<Warning, 'fields' | 'report'> & { f: (number | string)[]; r?: string })[];
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
  private field = (ref: number | string): string =>
    typeof ref === 'number' ? (this.fields[ref] ?? String(ref)) : ref;

  encode(e: StoredReport): EncodedRecord {
    const { values, blanks, ...report } = e.report;
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
    // a field absent from `values` differs from a null one: absent fields are listed in vm
    const missing = this.fields.filter((f) => !(f in values));
    const out: EncodedRecord = {
      report,
      v,
      b: blanks.map(this.ref),
      w: e.warnings.map(({ fields, report: rid, ...w }) => ({
        ...w,
        f: fields.map(this.ref),
        ...(rid === e.report.id ? {} : { r: rid }),
      })),
    };
    if (vx) out.vx = vx;
    if (missing.length > 0)
      (out as EncodedRecord & { vm?: number[] }).vm = missing.map((f) => this.at.get(f)!);
    if (e.prose) out.prose = e.prose;
    if (e.print) out.print = e.print;
    return out;
  }

  decode(raw: EncodedRecord & { vm?: number[] }): StoredReport {
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
    const report = { ...raw.report, values, blanks: (raw.b ?? []).map(this.field) } as StoredReport['report'];
    const warnings = (raw.w ?? []).map((w) => {
      const out = {
        rule: w.rule,
        severity: w.severity,
        report: w.r ?? report.id,
        fields: (w.f ?? []).map(this.field),
        message: w.message,
      } as Warning;
      for (const k in w)
        if (!(k in out) && k !== 'f' && k !== 'r')
          (out as Record<string, unknown>)[k] = (w as Record<string, unknown>)[k];
      return out;
    });
    const out: StoredReport = { report, warnings };
    if (raw.prose) out.prose = raw.prose;
    if (raw.print) out.print = raw.print;
    return out;
  }
}
