/** What a parse worker runs: one file, extracted and parsed under the given limits. */
import { setPriority } from 'node:os';
import { type MessagePort, workerData } from 'node:worker_threads';
import { type IngestLimits, sharePdfium } from '../ingest/index.ts';
import { type ParsedFile, parseFile } from './parse-file.ts';

export interface ParseTask {
  file: string;
  bytes: Uint8Array;
  url?: string;
  limits: IngestLimits;
  /** Told when the task starts, so the deadline counts work, not the worker's start-up. */
  started?: MessagePort;
}

// A parse thread yields the CPU to the thread answering users (on Linux the nice value is per thread).
try {
  setPriority(19);
} catch {
  // not permitted here: parse at normal priority
}

// PDFium's code compiled by the pool's thread: this worker instantiates it rather than compiling its own
const shared = (workerData as { pdfium?: object } | null)?.pdfium;
if (shared) sharePdfium(shared);

export default function runParseTask(task: ParseTask): Promise<ParsedFile> {
  task.started?.postMessage('started');
  task.started?.close();
  return parseFile(
    { file: task.file, bytes: task.bytes, ...(task.url ? { url: task.url } : {}) },
    task.limits,
  );
}
