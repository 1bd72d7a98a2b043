import { orientItems } from './_pdf-items.ts';
import { checkPdfStreams, statedPageCount } from './_pdf-limits.ts';
import { groupLines, isMarginPageNumber, keepItem, type PdfLine } from './_pdf-lines.ts';
import { renderLines } from './_pdf-table.ts';
import { PdfiumMemoryError, readPdfium } from './_pdfium.ts';
import { DEFAULT_LIMITS, type IngestLimits, LimitError } from './limits.ts';
import type { ExtractResult } from './types.ts';

/** Below this many letters, digits or CJK characters a PDF is taken to be a scan. */
const MIN_TEXT_CHARS = 20;

function tooManyPages(pages: number, limits: IngestLimits): LimitError {
  return new LimitError(
    'PDF_TOO_MANY_PAGES',
    `PDF 有 ${pages} 页，超过 ${limits.maxPdfPages} 页（INGEST_MAX_PDF_PAGES）；年报通常不足 100 页`,
  );
}

/**
 * Reads every page's text layer as lines (PDFium); more pages than the limit throw before any
 * page is read.
 */
async function readPages(
  bytes: Uint8Array,
  limits: IngestLimits,
): Promise<{ pages: number; lines: PdfLine[] }> {
  const lines: PdfLine[] = [];
  const pages = await readPdfium(
    bytes,
    {
      // PDFium's memory is not on the worker's heap: it gets the same budget of its own
      maxMemoryBytes: limits.workerHeapMb * 1024 * 1024,
      checkPages: (n) => {
        if (n > limits.maxPdfPages) throw tooManyPages(n, limits);
      },
    },
    (page, p) => {
      const { items, view } = orientItems(page.items, page.view);
      lines.push(...groupLines(items.filter(keepItem), p).filter((l) => !isMarginPageNumber(l, view)));
    },
  );
  return { pages, lines };
}

const countTextChars = (lines: readonly PdfLine[]) =>
  lines.reduce(
    (n, l) => n + l.cells.reduce((m, c) => m + (c.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0),
    0,
  );

/**
 * Rebuilds a PDF's text layer as lines, table rows as tab-separated cells. Streams are held to
 * the inflate limits before PDFium opens the file; too many pages throw LimitError.
 */
export async function extractPdf(
  bytes: Uint8Array,
  fileName: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<ExtractResult> {
  // the page tree's stated count first: no need to parse 20,000 pages to refuse them
  const stated = statedPageCount(bytes);
  if (stated > limits.maxPdfPages) throw tooManyPages(stated, limits);
  checkPdfStreams(bytes, limits);
  let read: { pages: number; lines: PdfLine[] };
  try {
    read = await readPages(bytes, limits);
  } catch (cause) {
    if (cause instanceof LimitError) throw cause;
    if (cause instanceof PdfiumMemoryError) {
      throw new LimitError(
        'PARSE_OUT_OF_MEMORY',
        `解析所需内存超过 ${limits.workerHeapMb} MB（INGEST_WORKER_HEAP_MB），已中止`,
      );
    }
    const why = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      error: {
        code: 'PDF_UNREADABLE',
        message: `${fileName} 无法作为 PDF 打开（${why}）；文件可能已损坏或加密`,
      },
    };
  }
  if (countTextChars(read.lines) < MIN_TEXT_CHARS) {
    return {
      ok: false,
      error: {
        code: 'PDF_NO_TEXT',
        message: `${fileName} 没有文字层（可能是扫描件），本工具不支持 OCR 识别；请改用该年报的网页（HTML）版或文本版`,
      },
    };
  }
  const lines = renderLines(read.lines);
  const text = `${lines.map((l) => l.text).join('\n')}\n`;
  return { ok: true, value: { format: 'pdf', text, pages: read.pages, linePages: lines.map((l) => l.page) } };
}
