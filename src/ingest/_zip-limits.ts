import yauzl from 'yauzl';
import { formatMb, type IngestLimits, LimitError } from './limits.ts';

/** Entries smaller than this are not held to the ratio limit (tiny XML parts compress very well). */
const RATIO_FLOOR = 1024 * 1024;

function inflateLimit(detail: string): LimitError {
  return new LimitError('INFLATE_LIMIT', detail);
}

/** Every entry of the archive's central directory. */
async function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflates one entry, counting bytes; yauzl fails the stream past the size the directory declares. */
async function drain(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean): Promise<Buffer | undefined> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) if (keep) chunks.push(chunk as Buffer);
  return keep ? Buffer.concat(chunks) : undefined;
}

/**
 * Checks a zip (DOCX) before anything inflates it for real: the sizes its central directory
 * declares (total and per-entry ratio) first, then each entry is inflated once and discarded,
 * stopped by yauzl at the declared size, so a directory that lies cannot make us inflate more.
 * Throws LimitError INFLATE_LIMIT; a broken archive throws yauzl's error. Returns the text of
 * the entry named `keep` (word/document.xml), if any.
 */
export async function checkZipLimits(
  bytes: Uint8Array,
  limits: Pick<IngestLimits, 'maxDocxInflatedBytes' | 'maxInflateRatio'>,
  keep?: string,
): Promise<string | undefined> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), {
    lazyEntries: true,
    validateEntrySizes: true,
  });
  try {
    const entries = await listEntries(zip);
    let total = 0;
    for (const e of entries) {
      total += e.uncompressedSize;
      if (total > limits.maxDocxInflatedBytes) {
        throw inflateLimit(
          `解压后超过 ${formatMb(limits.maxDocxInflatedBytes)}（INGEST_MAX_DOCX_INFLATED_MB），疑似压缩炸弹`,
        );
      }
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (e.uncompressedSize > RATIO_FLOOR && ratio > limits.maxInflateRatio) {
        throw inflateLimit(
          `${e.fileName} 的压缩比 ${Math.round(ratio)}:1 超过 ${limits.maxInflateRatio}:1（INGEST_MAX_INFLATE_RATIO），疑似压缩炸弹`,
        );
      }
    }
    let kept: string | undefined;
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const data = await drain(zip, e, e.fileName === keep);
      if (data) kept = data.toString('utf8');
    }
    return kept;
  } finally {
    zip.close();
  }
}
