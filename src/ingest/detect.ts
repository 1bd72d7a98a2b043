/** What a file is, judged by its bytes. */
export type DetectedKind = 'pdf' | 'docx' | 'zip' | 'ole' | 'html' | 'text';

const ascii = new TextDecoder('latin1');

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Index of an ASCII marker in the bytes, or -1. */
export function findAscii(bytes: Uint8Array, marker: string, limit = bytes.length): number {
  return ascii.decode(bytes.subarray(0, Math.min(limit, bytes.length))).indexOf(marker);
}

/** Sniffs magic bytes (`%PDF`, `PK\x03\x04` with `word/document.xml`, OLE2) and HTML markup. */
export function detectKind(bytes: Uint8Array): DetectedKind {
  // some servers prepend junk or a BOM before the PDF header; readers accept it within the first 1 KiB
  if (findAscii(bytes, '%PDF-', 1024) >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return findAscii(bytes, 'word/document.xml') >= 0 ? 'docx' : 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const head = ascii.decode(bytes.subarray(0, 4096)).toLowerCase();
  if (/<(?:!doctype\s+html|html|body|table)[\s>]/.test(head)) return 'html';
  return 'text';
}
