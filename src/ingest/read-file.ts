import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DEFAULT_LIMITS, formatMb, limitMessage } from './limits.ts';
import type { IngestError } from './types.ts';

export type ReadFileResult = { ok: true; bytes: Uint8Array } | { ok: false; error: IngestError };

function fail(code: IngestError['code'], message: string): ReadFileResult {
  return { ok: false, error: { code, message } };
}

/**
 * Reads a report file with a cap: only regular files (never a device such as /dev/zero, a FIFO
 * or a socket), never more than `maxBytes` (one byte more is read to notice a file that grew).
 */
export async function readFileCapped(
  path: string,
  maxBytes: number = DEFAULT_LIMITS.maxFileBytes,
): Promise<ReadFileResult> {
  const name = basename(path);
  const tooLarge = () =>
    fail(
      'FILE_TOO_LARGE',
      limitMessage(name, 'FILE_TOO_LARGE', `文件大于 ${formatMb(maxBytes)}（INGEST_MAX_FILE_MB）`),
    );
  const notFile = () =>
    fail('NOT_A_FILE', limitMessage(name, 'NOT_A_FILE', '不是普通文件（设备、管道或目录），不予读取'));
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return fail('FILE_NOT_FOUND', `找不到文件 ${path}`);
    return fail('FILE_UNREADABLE', `无法读取文件 ${path}：${err.code ?? err.message}`);
  }
  if (!info.isFile()) return notFile();
  if (info.size > maxBytes) return tooLarge();
  // O_NONBLOCK: should the path have become a FIFO since stat, opening it must not wait for a writer
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return fail('FILE_UNREADABLE', `无法读取文件 ${path}：${err.code ?? err.message}`);
  }
  try {
    if (!(await handle.stat()).isFile()) return notFile();
    const buffer = Buffer.allocUnsafeSlow(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return tooLarge();
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return fail('FILE_UNREADABLE', `无法读取文件 ${path}：${err.code ?? err.message}`);
  } finally {
    await handle.close();
  }
}
