import { decodeByBom, decodeHtml, decodeText, looksBinary } from './decode.ts';
import { detectKind } from './detect.ts';
import { extractDoc } from './doc.ts';
import { extractDocx } from './docx.ts';
import { extractHtml } from './html.ts';
import { DEFAULT_LIMITS, formatMb, type IngestLimits, LimitError, limitMessage } from './limits.ts';
import { convertMarkdown, looksLikeMarkdown } from './markdown.ts';
import { extractPdf } from './pdf.ts';
import type { ExtractResult } from './types.ts';

export { compilePdfium, type PdfiumCode, sharePdfium } from './_pdfium.ts';
export { declaredCharset, decodeHtml, decodeText, looksBinary } from './decode.ts';
export { type DetectedKind, detectKind } from './detect.ts';
export { extractHtml } from './html.ts';
export {
  DEFAULT_LIMITS,
  type IngestLimits,
  type LimitCode,
  LimitError,
  limitMessage,
  limitsFromEnv,
} from './limits.ts';
export { convertMarkdown, looksLikeMarkdown } from './markdown.ts';
export { type ReadFileResult, readFileCapped } from './read-file.ts';
export type { ExtractedText, ExtractResult, IngestError, IngestErrorCode, SourceFormat } from './types.ts';

const notes = (note: string | undefined) => (note ? { notes: [note] } : {});

function extractMarkup(bytes: Uint8Array, limits: IngestLimits): ExtractResult {
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return decoded;
  const { text, borderless } = extractHtml(decoded.text, limits);
  return { ok: true, value: { format: 'html', text, borderless, ...notes(decoded.note) } };
}

function extractPlain(bytes: Uint8Array, fileName: string): ExtractResult {
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
  if (/\.(?:md|markdown)$/i.test(fileName) || looksLikeMarkdown(decoded.text)) {
    return { ok: true, value: { format: 'md', text: convertMarkdown(decoded.text), ...notes(decoded.note) } };
  }
  return { ok: true, value: { format: 'txt', text: decoded.text, ...notes(decoded.note) } };
}

/**
 * Turns a file's bytes into text lines (table cells tab-separated), by content rather than by
 * name. Every limit of `limits` is enforced; one crossed gives its coded error naming the file.
 */
export async function extractText(
  bytes: Uint8Array,
  fileName: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<ExtractResult> {
  if (bytes.length > limits.maxFileBytes) {
    const detail = `文件大于 ${formatMb(limits.maxFileBytes)}（INGEST_MAX_FILE_MB）`;
    return {
      ok: false,
      error: { code: 'FILE_TOO_LARGE', message: limitMessage(fileName, 'FILE_TOO_LARGE', detail) },
    };
  }
  try {
    return await extractByKind(bytes, fileName, limits);
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    return { ok: false, error: { code: e.code, message: limitMessage(fileName, e.code, e.detail) } };
  }
}

async function extractByKind(
  raw: Uint8Array,
  fileName: string,
  limits: IngestLimits,
): Promise<ExtractResult> {
  if (raw.length === 0) {
    return { ok: false, error: { code: 'EMPTY_FILE', message: `${fileName} 是空文件` } };
  }
  // UTF-16/32 text (with its byte-order mark) is read as the same text in UTF-8: its zero bytes are not binary
  const byBom = decodeByBom(raw);
  const bytes = byBom === undefined ? raw : new TextEncoder().encode(byBom);
  switch (detectKind(bytes)) {
    case 'pdf':
      return extractPdf(bytes, fileName, limits);
    case 'docx':
      return extractDocx(bytes, fileName, limits);
    case 'html':
      return extractMarkup(bytes, limits);
    case 'zip':
      return {
        ok: false,
        error: {
          code: 'UNSUPPORTED_FORMAT',
          message: `${fileName} 是压缩包而不是 Word 文档；请解压后上传其中的年报文件`,
        },
      };
    case 'ole':
      return extractDoc(bytes, fileName, limits);
    default:
      return extractPlain(bytes, fileName);
  }
}
