import mammoth from 'mammoth';
import { extractHtml } from './html.ts';
import type { ExtractResult } from './types.ts';

/** Word documents go through mammoth's HTML (its raw-text mode loses table cells), then the HTML path. */
export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      error: {
        code: 'DOCX_UNREADABLE',
        message: `${fileName} 无法作为 Word（docx）文件读取（${why}）；请另存为 docx 或 PDF 后重试`,
      },
    };
  }
  const { text, borderless } = extractHtml(html);
  return { ok: true, value: { format: 'docx', text, borderless } };
}
