import { decodeText, looksBinary } from './decode.ts';
import type { ExtractResult } from './types.ts';

export type { ExtractedText, ExtractResult, IngestError, IngestErrorCode, SourceFormat } from './types.ts';
export { decodeText, looksBinary } from './decode.ts';

/** Turns a file's bytes into text lines (table cells tab-separated), by content rather than by name. */
export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  if (bytes.length === 0) {
    return { ok: false, error: { code: 'EMPTY_FILE', message: `${fileName} 是空文件` } };
  }
  if (looksBinary(bytes)) {
    return {
      ok: false,
      error: {
        code: 'BINARY_FILE',
        message: `${fileName} 不是文本文件，也不是可识别的 PDF/DOCX；请提供 txt、html、pdf 或 docx 格式的年报`,
      },
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, value: { format: 'txt', text: decoded.text } };
}
