import type { IngestError } from './types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Share of control bytes (other than tab, CR, LF, FF, ESC) above which a file is binary. */
const BINARY_RATIO = 0.02;

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) ctrl++;
  }
  return n > 0 && ctrl / n > BINARY_RATIO;
}

/** Decodes UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 text. */
export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: IngestError } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    // not UTF-8: try the Chinese national encodings
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
export function decodeHtml(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: IngestError } {
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
