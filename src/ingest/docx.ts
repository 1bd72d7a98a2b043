import mammoth from 'mammoth';
import { checkZipLimits } from './_zip-limits.ts';
import { extractHtml } from './html.ts';
import { DEFAULT_LIMITS, type IngestLimits, LimitError } from './limits.ts';
import type { ExtractResult } from './types.ts';

/**
 * Holds word/document.xml to the element and table-cell limits before mammoth converts it (its
 * conversion of a table of thousands of merged cells takes minutes): table cells count with
 * their gridSpan (capped at the span limit), paragraphs, rows and cells as elements.
 */
function checkDocumentXml(xml: string, limits: IngestLimits): void {
  let elements = 0;
  let slots = 0;
  for (const m of xml.matchAll(/<w:(?:p|tr|tc)[\s>/]|<w:gridSpan\s+w:val="(\d+)"/g)) {
    if (m[1] !== undefined) {
      slots += Math.min(Number(m[1]), limits.maxSpan) - 1;
      continue;
    }
    elements++;
    if (m[0].startsWith('<w:tc')) slots++;
  }
  if (elements > limits.maxHtmlElements) {
    throw new LimitError(
      'HTML_TOO_MANY_ELEMENTS',
      `文档段落与表格元素超过 ${limits.maxHtmlElements} 个（INGEST_MAX_HTML_ELEMENTS）`,
    );
  }
  if (slots > limits.maxTableCells) {
    throw new LimitError(
      'TABLE_TOO_LARGE',
      `表格展开合并单元格后超过 ${limits.maxTableCells} 格（INGEST_MAX_TABLE_CELLS；跨列上限 INGEST_MAX_SPAN=${limits.maxSpan}）`,
    );
  }
}

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
    const documentXml = await checkZipLimits(bytes, limits, 'word/document.xml');
    if (documentXml !== undefined) checkDocumentXml(documentXml, limits);
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
