import { getRateMetric } from '../nlu/index.ts';
import { getDerivedField, getField, TABLE_TITLES, type Warning } from '../schema/index.ts';
import type { StoredReport } from '../store/index.ts';
import type { AnswerFigure } from './types.ts';

/** What the catalogue says about a metric (a field or a derived sum). */
export interface MetricInfo {
  id: string;
  zh: string;
  en: string;
  unit: string;
  table: string;
  row: string;
  col: string;
  /** The fields the value is read from (one for a plain field). */
  parts: string[];
  /** A rate: numerator ÷ denominator, in per cent. */
  rate?: { numerator: string[]; denominator: string[]; formulaZh: string; formulaEn: string };
}

/** Looks a metric up in the field catalogue or among the derived sums. */
export function describeMetric(id: string): MetricInfo | undefined {
  const field = getField(id);
  if (field) {
    const table = `表${field.table} ${TABLE_TITLES[field.table].replace(/^.、/, '')}`;
    return {
      id,
      zh: field.zh,
      en: field.en,
      unit: field.unit,
      table,
      row: field.row,
      col: field.col,
      parts: [id],
    };
  }
  const rate = getRateMetric(id);
  if (rate) {
    const table = `表${rate.table} ${TABLE_TITLES[rate.table].replace(/^.、/, '')}`;
    return {
      id,
      zh: rate.zh,
      en: rate.en,
      unit: '%',
      table,
      row: rate.formulaZh,
      col: '',
      parts: [...rate.numerator, ...rate.denominator],
      rate: {
        numerator: rate.numerator,
        denominator: rate.denominator,
        formulaZh: rate.formulaZh,
        formulaEn: rate.formulaEn,
      },
    };
  }
  const d = getDerivedField(id);
  if (!d) return undefined;
  const table = `表${d.table} ${TABLE_TITLES[d.table].replace(/^.、/, '')}`;
  return { id, zh: d.zh, en: d.en, unit: '件', table, row: d.row, col: d.col, parts: d.parts };
}

/**
 * Sum of the parts; null when the report lacks every part (a missing cell is never 0). A part that
 * is a derived sum (a rate's 不予公开 is apply.denied_sum.total) is the sum of its own parts.
 */
export function readValue(values: Record<string, number | null>, parts: readonly string[]): number | null {
  let sum: number | null = null;
  for (const p of parts) {
    const derived = values[p] === undefined ? getDerivedField(p) : undefined;
    const v = derived ? readValue(values, derived.parts) : values[p];
    if (typeof v === 'number') sum = (sum ?? 0) + v;
  }
  return sum === null ? null : Math.round(sum * 100) / 100;
}

/** numerator ÷ denominator in per cent (2 decimals); null when either is missing or the denominator is 0. */
function readRate(
  values: Record<string, number | null>,
  rate: { numerator: string[]; denominator: string[] },
): number | null {
  const num = readValue(values, rate.numerator);
  const den = readValue(values, rate.denominator);
  if (num === null || den === null || den === 0) return null;
  return Math.round((num / den) * 10000) / 100;
}

/** A metric's value in one report's values (a field, a sum of parts, or a rate). */
export function figureValue(values: Record<string, number | null>, info: MetricInfo): number | null {
  return info.rate ? readRate(values, info.rate) : readValue(values, info.parts);
}

/** One figure from one stored report, with the warnings whose fields touch it. */
export function readFigure(
  entry: StoredReport,
  info: MetricInfo,
): { figure: AnswerFigure; warnings: Warning[] } {
  const r = entry.report;
  const figure: AnswerFigure = {
    report: r.id,
    agency: r.agency,
    year: r.year,
    field: info.id,
    value: figureValue(r.values, info),
    unit: info.unit,
    source: {
      title: r.title,
      table: info.table,
      row: info.row,
      col: info.col,
      ...(r.source.url ? { url: r.source.url } : {}),
    },
  };
  const parts = new Set(info.parts);
  const warnings = entry.warnings.filter((w) => w.fields.some((f) => parts.has(f)));
  return { figure, warnings };
}

/** Adds warnings not yet in the list (same rule, report and message). */
export function mergeWarnings(into: Warning[], more: readonly Warning[]): void {
  for (const w of more) {
    if (!into.some((x) => x.rule === w.rule && x.report === w.report && x.message === w.message))
      into.push(w);
  }
}
