import type { ClarifyChoice, Intent } from '../answer/types.ts';

/** Which reporting years a question is about. */
export type YearSpec =
  | { kind: 'none' }
  | { kind: 'latest' }
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'all' };

/** Something the matcher assumed and the reply should say. */
export type Assumption =
  | { kind: 'typo'; typed: string; meant: string }
  /** A name matched a government and its departments; the government was chosen. */
  | { kind: 'preferred'; chosen: string; others: string[] };

export interface Query {
  intent: Intent;
  lang: 'zh' | 'en';
  /** Agency keys (see store `agencyKey`), in the order mentioned. */
  agencies: string[];
  years: YearSpec;
  /** Field id or derived id, null when none was named. */
  metric: string | null;
  /** Every metric named, when more than one (行政许可和行政处罚); `metric` is the first. */
  metrics?: string[];
  /** Rank direction: most first or least first. */
  order?: 'desc' | 'asc';
  assumptions: Assumption[];
  /** A place asked about whose agencies (not itself) have reports: 江苏 → rank or list within it. */
  region?: { name: string; code: string };
  /** Place names asked about that the store holds no report for. */
  missing?: string[];
  /** For clarify: the questions to choose from. */
  choices?: ClarifyChoice[];
}
