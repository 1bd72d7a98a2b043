import { basename } from 'node:path';
import { type IngestLimits, limitsFromEnv, readFileCapped } from '../ingest/index.ts';
import { parseInWorker } from '../pipeline/index.ts';
import type { Report, Warning } from '../schema/index.ts';

export type ReadResult =
  | { ok: true; report: Report; warnings: Warning[] }
  | { ok: false; error: { code: string; message: string } };

/**
 * Reads a file from disk (regular files only, at most the byte limit) and parses it in a worker
 * thread under the file limits (INGEST_* settings): extract text by content, then parse.
 */
export async function readReportFile(
  path: string,
  limits: IngestLimits = limitsFromEnv(),
): Promise<ReadResult> {
  const read = await readFileCapped(path, limits.maxFileBytes);
  if (!read.ok) return read;
  return parseBytes(read.bytes, basename(path), limits);
}

/** Parses a report from bytes (any supported format), in a worker thread. */
export async function parseBytes(
  bytes: Uint8Array,
  file: string,
  limits: IngestLimits = limitsFromEnv(),
): Promise<ReadResult> {
  const r = await parseInWorker({ file, bytes }, limits);
  return r.ok
    ? { ok: true, report: r.report, warnings: r.warnings }
    : { ok: false, error: { code: r.code, message: r.message } };
}
