import { isSameAgency } from '../domain/index.ts';
import type { Report } from '../schema/index.ts';

/** Agency identity lives in src/domain/agency.ts; re-exported for existing imports. */
export { agencyKey, isSameAgency } from '../domain/index.ts';

/** The same agency's report for Y−1 in `pool`, if any. */
export function findPrevious(report: Report, pool: readonly Report[]): Report | undefined {
  return pool.find((r) => r.year === report.year - 1 && r !== report && isSameAgency(r, report));
}
