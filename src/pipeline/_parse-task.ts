/** What a parse worker runs: one file, extracted and parsed under the given limits. */
import type { IngestLimits } from '../ingest/index.ts';
import { type ParsedFile, parseFile } from './parse-file.ts';

export interface ParseTask {
  file: string;
  bytes: Uint8Array;
  url?: string;
  limits: IngestLimits;
}

export default function runParseTask(task: ParseTask): Promise<ParsedFile> {
  return parseFile(
    { file: task.file, bytes: task.bytes, ...(task.url ? { url: task.url } : {}) },
    task.limits,
  );
}
