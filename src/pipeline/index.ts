export {
  type AddOutcome,
  addReports,
  type ParsedFile,
  parseFile,
  type ReportFile,
  warningsFor,
} from './add-reports.ts';
export { isSideFile } from './side-files.ts';
