import { createHash } from 'node:crypto';
import { copyPrint } from '../check/index.ts';
import type { Report } from '../schema/index.ts';
import type { StoredReport } from './types.ts';

/** A record split for storage: the lean entry, and its prose text (JSON of the sections) when it had any. */
export interface LeanSplit {
  entry: StoredReport;
  /** The prose file's content, keyed by `entry.prose`; null when the entry carried no sections. */
  proseText: string | null;
}

/** Prose text → its content address. */
export function proseKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Moves the section prose out of an entry and fingerprints it. An entry already lean keeps
 * its `prose` and `print` as they are.
 */
export function toLean(entry: StoredReport): LeanSplit {
  const text = entry.report.text;
  if (!text?.sections) return { entry, proseText: null };
  const { sections, ...rest } = text;
  const proseText = JSON.stringify(sections);
  const print = copyPrint(entry.report);
  const report: Report = { ...entry.report, text: rest };
  const lean: StoredReport = { report, warnings: entry.warnings, prose: proseKey(proseText) };
  if (print) lean.print = print;
  return { entry: lean, proseText };
}

/** The report with its sections put back (`sections` parsed from a prose text). */
export function withSections(report: Report, sections: Record<string, string> | undefined): Report {
  if (!report.text || !sections) return report;
  return { ...report, text: { ...report.text, sections } };
}
