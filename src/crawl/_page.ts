import type { FetchedResource } from '../fetch/index.ts';
import { declaredCharset, decodeHtml, detectKind } from '../ingest/index.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 is almost never real GBK/Big5 text: a header naming another charset is then wrong. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Labels the WHATWG decoder knows; anything else falls back to sniffing. */
function decoderFor(label: string): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
}

/**
 * The bytes to ingest for a download. An HTML page whose charset only the HTTP header names
 * (no `<meta charset>`) is re-encoded as UTF-8 with that declaration, so ingestion reads it as
 * the server said; everything else is kept byte for byte. The format is always sniffed.
 */
export function bytesForIngest(res: FetchedResource): Uint8Array {
  if (detectKind(res.bytes) !== 'html' || !res.charset || declaredCharset(res.bytes)) return res.bytes;
  const decoder = decoderFor(res.charset);
  if (!decoder || decoder.encoding === 'utf-8' || isUtf8(res.bytes)) return res.bytes;
  let text: string;
  try {
    text = decoder.decode(res.bytes);
  } catch {
    // the header lies (common on mis-configured servers): let ingestion sniff the bytes
    return res.bytes;
  }
  return new TextEncoder().encode(`<meta charset="utf-8">\n${text}`);
}

/** A page's text for link finding: its own declaration, the header's, or sniffed. */
export function htmlOf(res: FetchedResource): string | undefined {
  const bytes = bytesForIngest(res);
  if (detectKind(bytes) !== 'html') return undefined;
  const decoded = decodeHtml(bytes);
  return decoded.ok ? decoded.text : undefined;
}

/** A file name for a URL: its last path segment, decoded (shown in messages and kept as `source.file`). */
export function fileNameOf(url: string): string {
  const { pathname, hostname } = new URL(url);
  const last = pathname.split('/').filter(Boolean).pop();
  if (!last) return hostname;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
