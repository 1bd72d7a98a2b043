import { decodeHtml, decodeText, looksBinary } from './decode.ts';
import { detectKind } from './detect.ts';
import { extractDocx } from './docx.ts';
import { extractHtml } from './html.ts';
import { convertMarkdown, looksLikeMarkdown } from './markdown.ts';
import { extractPdf } from './pdf.ts';
import type { ExtractResult } from './types.ts';

export { declaredCharset, decodeHtml, decodeText, looksBinary } from './decode.ts';
export { type DetectedKind, detectKind } from './detect.ts';
export { extractHtml } from './html.ts';
export { convertMarkdown, looksLikeMarkdown } from './markdown.ts';
export type { ExtractedText, ExtractResult, IngestError, IngestErrorCode, SourceFormat } from './types.ts';

function extractMarkup(bytes: Uint8Array): ExtractResult {
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return decoded;
  const { text, borderless } = extractHtml(decoded.text);
  return { ok: true, value: { format: 'html', text, borderless } };
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
    return { ok: true, value: { format: 'md', text: convertMarkdown(decoded.text) } };
  }
  return { ok: true, value: { format: 'txt', text: decoded.text } };
}

/** Turns a file's bytes into text lines (table cells tab-separated), by content rather than by name. */
export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  if (bytes.length === 0) {
    return { ok: false, error: { code: 'EMPTY_FILE', message: `${fileName} 是空文件` } };
  }
  switch (detectKind(bytes)) {
    case 'pdf':
      return extractPdf(bytes, fileName);
    case 'docx':
      return extractDocx(bytes, fileName);
    case 'html':
      return extractMarkup(bytes);
    case 'zip':
      return {
        ok: false,
        error: {
          code: 'UNSUPPORTED_FORMAT',
          message: `${fileName} 是压缩包而不是 Word 文档；请解压后上传其中的年报文件`,
        },
      };
    case 'ole':
      return {
        ok: false,
        error: {
          code: 'UNSUPPORTED_FORMAT',
          message: `${fileName} 是旧版 Word（.doc）或 Excel 文件，暂不支持；请另存为 docx、PDF 或网页后重试`,
        },
      };
    default:
      return extractPlain(bytes, fileName);
  }
}
