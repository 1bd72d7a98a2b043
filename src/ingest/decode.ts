import type { IngestError } from './types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Share of control bytes (NUL included; tab, CR, LF, FF, ESC not) above which a file is binary. */
const BINARY_RATIO = 0.02;

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    // a stray NUL in text counts like any control byte: the number cell it spoils is flagged later
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) ctrl++;
  }
  return n > 0 && ctrl / n > BINARY_RATIO;
}

/** UTF-32 (no platform decoder has it): code points of 4 bytes, invalid ones as U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length - (bytes.length % 4));
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= view.byteLength; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? cp : 0xfffd);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Text of a file that starts with a UTF-32 or UTF-16 byte-order mark, else undefined. */
export function decodeByBom(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return decodeUtf32(bytes.subarray(4), true);
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return decodeUtf32(bytes.subarray(4), false);
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return undefined;
}

/** Bytes of an incomplete UTF-8 sequence at the very end (a file cut mid-character), 0 if none. */
function truncatedTail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > k ? k : 0;
    }
  }
  return 0;
}

export type DecodedText =
  | { ok: true; text: string /** What was repaired, for a parse warning. */; note?: string }
  | { ok: false; error: IngestError };

/**
 * Decodes UTF-8 (with or without BOM; a final character cut short is dropped with a note),
 * UTF-16/32 with BOM, or GBK/GB18030 text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const byBom = decodeByBom(bytes);
  if (byBom !== undefined) return { ok: true, text: byBom };
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    // a file cut in the middle of its last character is still UTF-8
    const cut = truncatedTail(bytes);
    if (cut > 0) {
      try {
        const text = utf8.decode(bytes.subarray(0, bytes.length - cut)).replace(/^\uFEFF/, '');
        return { ok: true, text, note: `文件末尾的 UTF-8 字符不完整（${cut} 字节），已舍去；文件可能被截断` };
      } catch {
        // not UTF-8 elsewhere either
      }
    }
  }
  try {
    return { ok: true, text: gb18030.decode(bytes) };
  } catch {
    return {
      ok: false,
      error: {
        code: 'UNREADABLE_ENCODING',
        message: '无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）；请另存为 UTF-8 文本后重试',
      },
    };
  }
}

const CHINESE_CHARSETS = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312']);

/** The charset an HTML page declares in `<meta charset>` or `<meta http-equiv content="…; charset=…">`. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/** Decodes an HTML page by its declared charset (GBK/GB2312 pages are common), else by sniffing. */
export function decodeHtml(bytes: Uint8Array): DecodedText {
  const charset = declaredCharset(bytes);
  if (charset && CHINESE_CHARSETS.has(charset)) {
    return { ok: true, text: new TextDecoder('gb18030').decode(bytes) };
  }
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return { ok: true, text: new TextDecoder(charset).decode(bytes) };
    } catch {
      // an unknown label: fall back to sniffing
    }
  }
  return decodeText(bytes);
}
