/**
 * Hand-written checks of a stored record's parts, run on every line a store file holds. Each is
 * conservative: it accepts only what the zod schemas (src/schema) accept, so a record it passes
 * needs no zod pass; a record it refuses is checked by zod, whose verdict and message stand.
 * test/store/fast-check.test.ts keeps the key lists here in step with the schemas.
 */

const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const strOrNull = (x: unknown) => x === null || isStr(x);
const strArray = (x: unknown) => Array.isArray(x) && x.every(isStr);

/** Report keys checked by `fastReportHead` (every ReportSchema key but values, blanks, narrative). */
export const REPORT_HEAD_KEYS = [
  'id',
  'title',
  'agency',
  'kind',
  'region',
  'year',
  'period',
  'signed',
  'published',
  'source',
  'text',
] as const;

/** The report without values, blanks and narrative (a lean record: text without sections). */
export function fastReportHead(r: unknown): boolean {
  if (!isObj(r)) return false;
  if (!isStr(r.id) || r.id.length === 0 || !isStr(r.title)) return false;
  if (!isStr(r.agency) || r.agency.length === 0) return false;
  if (r.kind !== 'gov' && r.kind !== 'dept') return false;
  const g = r.region;
  if (g !== null) {
    if (!isObj(g) || !isStr(g.name) || !strOrNull(g.code) || !strOrNull(g.province) || !strOrNull(g.city))
      return false;
  }
  if (!Number.isInteger(r.year) || (r.year as number) < 1990 || (r.year as number) > 2100) return false;
  const p = r.period;
  if (p !== null && (!isObj(p) || !isStr(p.from) || !isStr(p.to))) return false;
  if (!strOrNull(r.signed)) return false;
  if (r.published !== undefined && !strOrNull(r.published)) return false;
  const s = r.source;
  if (!isObj(s) || !isStr(s.file) || !isStr(s.sha256)) return false;
  if (s.url !== undefined && !strOrNull(s.url)) return false;
  const t = r.text;
  if (t !== undefined) {
    if (!isObj(t)) return false;
    if (t.format !== '2021' && t.format !== '2019trial' && t.format !== 'pre2019') return false;
    if (t.sections !== undefined) return false; // a lean record has none: leave it to zod
    if (!strOrNull(t.sigAgency) || !strOrNull(t.feeUnit) || !strArray(t.oldLabels)) return false;
  }
  return true;
}

/** Values: numbers (finite) or null. */
export function fastValues(v: Record<string, unknown>): boolean {
  for (const k in v) {
    const x = v[k];
    if (x !== null && !isNum(x)) return false;
  }
  return true;
}

/** Narrative items (NarrativeItemSchema). */
export function fastNarrative(items: unknown): boolean {
  if (!Array.isArray(items)) return false;
  for (const n of items) {
    if (!isObj(n) || !isStr(n.label) || !isNum(n.value) || !isStr(n.unit) || !strOrNull(n.field))
      return false;
    if (!isStr(n.text) || !Number.isInteger(n.line)) return false;
    if (n.strength !== undefined && n.strength !== 'strong' && n.strength !== 'weak') return false;
    if (n.zeroClaim !== undefined && typeof n.zeroClaim !== 'boolean') return false;
    if (n.parts !== undefined) {
      if (!Array.isArray(n.parts)) return false;
      for (const q of n.parts) if (!isObj(q) || !isStr(q.label) || !isNum(q.value)) return false;
    }
  }
  return true;
}

/** Warnings (WarningSchema). */
export function fastWarnings(ws: unknown): boolean {
  if (!Array.isArray(ws)) return false;
  for (const w of ws) {
    if (!isObj(w) || !isStr(w.rule) || !isStr(w.report) || !strArray(w.fields) || !isStr(w.message))
      return false;
    if (w.severity !== 'error' && w.severity !== 'warning' && w.severity !== 'info') return false;
    if (w.readings !== undefined) {
      if (!Array.isArray(w.readings)) return false;
      for (const r of w.readings) if (!isObj(r) || !fastValues(r)) return false;
    }
  }
  return true;
}

/** The print and prose keys beside a record. */
export function fastKeys(e: { prose?: unknown; print?: unknown }): boolean {
  if (e.prose !== undefined && !(isStr(e.prose) && /^[0-9a-f]{64}$/.test(e.prose))) return false;
  // the schema's /^(?:[0-9a-f]{8})+$/, as a length test and one character class (quicker)
  if (e.print !== undefined && !(isStr(e.print) && e.print.length % 8 === 0 && /^[0-9a-f]+$/.test(e.print)))
    return false;
  return true;
}
