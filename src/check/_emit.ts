import type { Report, Severity, Warning } from '../schema/index.ts';
import { expandFields } from './_values.ts';

/** Builds one warning; derived ids in `fields` are expanded to canonical ids. */
export function createWarning(
  report: Report,
  rule: string,
  severity: Severity,
  fields: readonly string[],
  message: string,
): Warning {
  return { rule, severity, report: report.id, fields: expandFields(fields), message };
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

/** One step down the severity scale (error → warning → info). */
export function lowerSeverity(severity: Severity): Severity {
  return LOWER[severity];
}
