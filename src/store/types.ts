import type { Report, Warning } from '../schema/index.ts';

export interface StoredReport {
  report: Report;
  /** Checker + parser warnings, kept so answering never recomputes them. */
  warnings: Warning[];
}

export type UpsertOutcome = 'added' | 'updated' | 'unchanged';
