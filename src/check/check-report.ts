import type { Report, Warning } from '../schema/index.ts';
import { ACTIVE_RULES } from './active-rules.ts';
import { findPrevious } from './agency.ts';
import { APPLICATION_RULES } from './application-rules.ts';
import type { CheckContext, Rule } from './context.ts';
import { CROSS_YEAR_RULES } from './cross-year-rules.ts';
import { FORMAT_RULES } from './format-rules.ts';
import { LEGAL_RULES } from './legal-rules.ts';
import { METADATA_RULES } from './metadata-rules.ts';
import { NARRATIVE_RULES } from './narrative-rules.ts';
import { PLAUSIBILITY_RULES } from './plausibility-rules.ts';

/** Every rule family, in docs/rules.md order. PW warnings come from the parser and are passed through by callers. */
export const ALL_RULES: readonly Rule[] = [
  ...APPLICATION_RULES,
  ...ACTIVE_RULES,
  ...LEGAL_RULES,
  ...FORMAT_RULES,
  ...METADATA_RULES,
  ...NARRATIVE_RULES,
  ...CROSS_YEAR_RULES,
  ...PLAUSIBILITY_RULES,
];

/** Runs every rule on one report; `ctx.previous` enables the cross-year rules. */
export function checkReport(report: Report, ctx: CheckContext = {}): Warning[] {
  return ALL_RULES.flatMap((rule) => rule(report, ctx));
}

/** Checks each report with its Y−1 report from the same pool, keyed by report id. */
export function checkAll(reports: readonly Report[]): Map<string, Warning[]> {
  const out = new Map<string, Warning[]>();
  for (const report of reports) {
    const previous = findPrevious(report, reports);
    const warnings = checkReport(report, { previous, others: reports });
    out.set(report.id, [...(out.get(report.id) ?? []), ...warnings]);
  }
  return out;
}
