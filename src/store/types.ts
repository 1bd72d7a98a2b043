import type { Report, Warning } from '../schema/index.ts';

/**
 * One stored record. `report` is lean: its `text.sections` (the prose) is kept beside the store,
 * content-addressed by `prose`, and read only by the rules that need it (Store.hydrate).
 */
export interface StoredReport {
  report: Report;
  /** Checker + parser warnings, kept so answering never recomputes them. */
  warnings: Warning[];
  /** sha256 of the section prose (the key of its prose file or row); absent when the report has none. */
  prose?: string;
  /** Copy-detection fingerprint of part 一 (src/check copyPrint); absent when part 一 is missing or short. */
  print?: string;
}

export type UpsertOutcome = 'added' | 'updated' | 'unchanged';
