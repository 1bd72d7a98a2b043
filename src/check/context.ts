import type { Report, Warning } from '../schema/index.ts';

/** What a rule may know beyond the report itself. */
export interface CheckContext {
  /** The same agency's report for Y−1; cross-year rules skip without it. */
  previous?: Report;
  /** Other reports in the store ([S] rules). */
  others?: readonly Report[];
  /** Publication date (ISO), when the caller knows it. */
  published?: string | null;
}

/** A rule: a pure function from a report and its context to warnings. */
export type Rule = (report: Report, ctx: CheckContext) => Warning[];
