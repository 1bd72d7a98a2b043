export { type AddOptions, type AddOutcome, addReports, warningsFor } from './add-reports.ts';
export { compareRecords, degradation, describeChange, type RecordChange } from './compare-records.ts';
export { type ParsedFile, parseFile, type ReportFile } from './parse-file.ts';
export { closeParsePool, parseInWorker } from './parse-pool.ts';
export { isSideFile } from './side-files.ts';
