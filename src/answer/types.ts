import type { Warning } from '../schema/index.ts';

export type Intent =
  | 'lookup'
  | 'compare'
  | 'rank'
  | 'trend'
  | 'check'
  | 'list'
  | 'help'
  | 'clarify'
  | 'unknown';

export interface FigureSource {
  /** Report title. */
  title: string;
  /** e.g. 表三 收到和处理政府信息公开申请情况 */
  table: string;
  row: string;
  col: string;
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

export interface ClarifyChoice {
  /** Button text. */
  label: string;
  /** The question to answer when this choice is picked. */
  question: string;
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  title: string;
  labels: string[];
  values: number[];
  unit: string;
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
}
