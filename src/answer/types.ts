import type { ClarifyChoice, Intent, Query } from '../nlu/index.ts';
import type { Warning } from '../schema/index.ts';

export type { ClarifyChoice, Intent };

export interface FigureSource {
  /** Report title. */
  title: string;
  /** e.g. 表三 收到和处理政府信息公开申请情况 */
  table: string;
  row: string;
  col: string;
  /** Where the report was published (its record's source.url), when known. */
  url?: string;
}

export interface AnswerFigure {
  /** Report id `<agency>-<year>`. */
  report: string;
  agency: string;
  year: number;
  /** Field id or derived id (e.g. apply.denied_sum.total). */
  field: string;
  /** null = the report does not contain the cell (never shown as 0). */
  value: number | null;
  unit: string;
  source: FigureSource;
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  title: string;
  labels: string[];
  values: number[];
  unit: string;
  /** Several lines on one axis (a trend of several bodies); `values` is then unused. */
  series?: { name: string; values: (number | null)[] }[];
}

export interface Answer {
  intent: Intent;
  answers: AnswerFigure[];
  warnings: Warning[];
  /** The reply as the bot sends it (plain text; the bot escapes it). */
  text: string;
  lang: 'zh' | 'en';
  choices?: ClarifyChoice[];
  chart?: ChartSpec;
  /** How a derived figure was computed: the formula in words and every input figure. */
  derived?: DerivedFigure;
  /** What the reply assumed (the year 去年 meant, an office for its county, the nearest year held). */
  assumed?: string[];
  /** The question as understood: follow-up questions in a chat reuse it. */
  query?: Query;
  /** Rows to take away (CSV/XLSX) for comparisons, rankings and trends. */
  table?: ExportTable;
}

export interface DerivedFigure {
  formula: string;
  value: number | null;
  unit: string;
  inputs: AnswerFigure[];
}

/** A reply's figures as a table: one row per figure, source and warnings in their own columns. */
export interface ExportTable {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}
