import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { extractText } from '../ingest/index.ts';
import { parseReport } from '../parse/index.ts';
import type { Report, Warning } from '../schema/index.ts';

export type ReadResult =
  | { ok: true; report: Report; warnings: Warning[] }
  | { ok: false; error: { code: string; message: string } };

/** Reads a file from disk and parses it: extract text by content, then parse. */
export async function readReportFile(
  path: string,
  read: (p: string) => Promise<Buffer>,
): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await read(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const code = err.code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE';
    return { ok: false, error: { code, message: `无法读取文件 ${path}：${err.code ?? err.message}` } };
  }
  return parseBytes(new Uint8Array(bytes), basename(path));
}

/** Parses a report from bytes (any supported format). */
export async function parseBytes(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const extracted = await extractText(bytes, file);
  if (!extracted.ok) return extracted;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return parseReport(extracted.value.text, { file, sha256 });
}
