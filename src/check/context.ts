import type { Report, Warning } from '../schema/index.ts';
import type { CopyIndex } from './_copies.ts';

/** What a rule may know beyond the report itself. */
export interface CheckContext {
  /** The same agency's report for Y−1; cross-year rules skip without it. */
  previous?: Report;
  /** Other reports in the store ([S] rules). */
  others?: readonly Report[];
  /**
   * Fingerprints of the stored reports. Without it, X-10 indexes `others` once per pool
   * (reports with their part 一) and compares each report with those before it in the pool.
   */
  copies?: CopyIndex;
  /** Publication date (ISO), when the caller knows it. */
  published?: string | null;
}

/** A rule: a pure function from a report and its context to warnings. */
export type Rule = (report: Report, ctx: CheckContext) => Warning[];
