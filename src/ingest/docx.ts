import mammoth from 'mammoth';
import { checkZipLimits } from './_zip-limits.ts';
import { extractHtml } from './html.ts';
import { DEFAULT_LIMITS, type IngestLimits, LimitError } from './limits.ts';
import type { ExtractResult } from './types.ts';

/** Images are not read: a report's figures are in its text and tables. */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * Word documents go through mammoth's HTML (its raw-text mode loses table cells), then the HTML
 * path. The archive is held to the inflate limits before mammoth opens it.
 */
export async function extractDocx(
  bytes: Uint8Array,
  fileName: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<ExtractResult> {
  let html: string;
  try {
    await checkZipLimits(bytes, limits);
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: noImages })).value;
  } catch (cause) {
    if (cause instanceof LimitError) throw cause;
    // yauzl stops an entry that inflates past the size its directory declares: a lying bomb
    if (cause instanceof Error && /too many bytes in the stream/.test(cause.message)) {
      throw new LimitError(
        'INFLATE_LIMIT',
        `压缩包内文件解压后大于其声明的大小（${cause.message}），疑似压缩炸弹`,
      );
    }
    const why = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      error: {
        code: 'DOCX_UNREADABLE',
        message: `${fileName} 无法作为 Word（docx）文件读取（${why}）；请另存为 docx 或 PDF 后重试`,
      },
    };
  }
  const { text, borderless } = extractHtml(html, limits);
  return { ok: true, value: { format: 'docx', text, borderless } };
}
