import { constants, inflateSync } from 'node:zlib';
import { formatMb, type IngestLimits, LimitError } from './limits.ts';

/** Streams smaller than this are not held to the ratio limit. */
const RATIO_FLOOR = 1024 * 1024;
/** How far back from `stream` the stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');

interface RawStream {
  dict: string;
  data: Buffer;
}

/** The raw streams of a PDF: each `stream` keyword's data up to `endstream`, with the dictionary before it. */
function* rawStreams(buf: Buffer): Generator<RawStream> {
  let at = 0;
  for (;;) {
    const start = buf.indexOf(STREAM, at);
    if (start < 0) return;
    at = start + STREAM.length;
    // `endstream` also contains `stream`: only a keyword followed by an end of line opens data
    if (start >= 3 && buf.subarray(start - 3, start).toString('latin1') === 'end') continue;
    let dataStart = at;
    if (buf[dataStart] === 0x0d) dataStart++;
    if (buf[dataStart] !== 0x0a && dataStart === at) continue;
    if (buf[dataStart] === 0x0a) dataStart++;
    const end = buf.indexOf(END_STREAM, dataStart);
    if (end < 0) return;
    const dictFrom = Math.max(0, start - DICT_WINDOW);
    const head = buf.subarray(dictFrom, start).toString('latin1');
    const dict = head.slice(Math.max(0, head.lastIndexOf(' obj') >= 0 ? head.lastIndexOf(' obj') : 0));
    yield { dict, data: buf.subarray(dataStart, end) };
    at = end + END_STREAM.length;
  }
}

const COUNT = Buffer.from('/Count');

/**
 * The largest page count a page-tree node states in the file's plain (uncompressed) objects, so
 * that a PDF of 20,000 pages is refused before PDFium parses it; 0 when none is readable (PDFium's
 * own count is checked after opening).
 */
export function statedPageCount(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let most = 0;
  for (let at = buf.indexOf(COUNT); at >= 0; at = buf.indexOf(COUNT, at + COUNT.length)) {
    const m = /^\s*(\d{1,9})/.exec(
      buf.subarray(at + COUNT.length, at + COUNT.length + 16).toString('latin1'),
    );
    if (m) most = Math.max(most, Number(m[1]));
  }
  return most;
}

function tooMuch(detail: string): LimitError {
  return new LimitError('INFLATE_LIMIT', detail);
}

/**
 * Inflates every flate stream of a PDF once, capped, before PDFium sees it (PDFium inflates
 * without a limit): no stream may inflate past `maxPdfInflatedBytes` or, above 1 MB, past
 * `maxInflateRatio` times its compressed size, and the streams other than images together
 * not past `maxPdfInflatedBytes`. Streams that do not inflate (encrypted, damaged) are left to
 * PDFium. Throws LimitError INFLATE_LIMIT.
 */
export function checkPdfStreams(
  bytes: Uint8Array,
  limits: Pick<IngestLimits, 'maxPdfInflatedBytes' | 'maxInflateRatio'>,
): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const cap = limits.maxPdfInflatedBytes;
  let total = 0;
  for (const s of rawStreams(buf)) {
    if (!/\/(?:FlateDecode|Fl)\b/.test(s.dict)) continue;
    const byRatio = Math.max(RATIO_FLOOR, s.data.length * limits.maxInflateRatio);
    const max = Math.min(cap, byRatio);
    let size: number;
    try {
      size = inflateSync(s.data, { maxOutputLength: max, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') continue;
      throw tooMuch(
        max < cap
          ? `PDF 数据流压缩比超过 ${limits.maxInflateRatio}:1（INGEST_MAX_INFLATE_RATIO），疑似压缩炸弹`
          : `PDF 数据流解压后超过 ${formatMb(cap)}（INGEST_MAX_PDF_INFLATED_MB），疑似压缩炸弹`,
      );
    }
    if (/\/Subtype\s*\/Image\b/.test(s.dict)) continue;
    total += size;
    if (total > cap) {
      throw tooMuch(`PDF 数据流解压后合计超过 ${formatMb(cap)}（INGEST_MAX_PDF_INFLATED_MB），疑似压缩炸弹`);
    }
  }
}
