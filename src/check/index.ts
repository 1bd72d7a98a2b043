export {
  BOILERPLATE_AGENCIES,
  CopyIndex,
  type CopyMatch,
  copyPrint,
  decodePrint,
  POSTING_CAP,
} from './_copies.ts';
export { agencyKey, findPrevious, isSameAgency } from './agency.ts';
export { ALL_RULES, checkAll, checkReport } from './check-report.ts';
export type { CheckContext, Rule } from './context.ts';
export { describeSkipped } from './cross-year-rules.ts';
