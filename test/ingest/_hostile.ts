/** Builders of hostile files: each small to make, each built to make a reader do too much. */
import { constants, crc32, deflateRawSync } from 'node:zlib';

const enc = new TextEncoder();
const MB = 1024 * 1024;

export function deepDivs(depth: number, closed = false): Uint8Array {
  return enc.encode(
    `<html><body>${'<div>'.repeat(depth)}x${closed ? '</div>'.repeat(depth) : ''}</body></html>`,
  );
}

export function nestedTables(depth: number): Uint8Array {
  return enc.encode(`<html><body>${'<table><tr><td>'.repeat(depth)}x</body></html>`);
}

/** `cells` cells in one row, each claiming `span` columns and rows. */
export function spanBomb(cells: number, span: number): Uint8Array {
  const td = `<td colspan="${span}" rowspan="${span}">1</td>`;
  return enc.encode(`<html><body><table border="1"><tr>${td.repeat(cells)}</tr></table></body></html>`);
}

/**
 * Raw deflate of `mb` megabytes of one repeated byte, made without ever holding them: one
 * full-flushed 1 MB block repeated (identical bytes, since a full flush resets the window).
 */
export function deflateBomb(mb: number, fill = 0x20): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB, fill), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const end = Buffer.from([0x03, 0x00]); // an empty final fixed block
  return Buffer.concat([...Array.from({ length: mb }, () => block), end]);
}

interface ZipEntry {
  name: string;
  data: Buffer;
  /** Raw-deflated already (method 8); otherwise stored. */
  deflated?: boolean;
  size: number;
  crc: number;
}

/** A zip archive of the entries; `size` is what the central directory declares (it may lie). */
export function buildZip(entries: ZipEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const method = e.deflated ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dirBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dirBytes, eocd]));
}

const stored = (name: string, text: string): ZipEntry => {
  const data = Buffer.from(text);
  return { name, data, size: data.length, crc: crc32(data) };
};

/**
 * A DOCX whose word/document.xml inflates to `mb` MB of spaces; `lie` declares 1 KB in the
 * central directory instead of the true size.
 */
export function docxBomb(mb: number, lie = false): Uint8Array {
  return buildZip([
    stored(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    { name: 'word/document.xml', data: deflateBomb(mb), deflated: true, size: lie ? 1024 : mb * MB, crc: 0 },
  ]);
}

/** A PDF of `pages` pages, each showing one line of text, with a correct xref table. */
export function manyPagesPdf(pages: number, extraContent?: Buffer): Uint8Array {
  const objects: Buffer[] = [];
  const kids: string[] = [];
  // 1 catalog, 2 pages, 3 font, 4 content, 5.. pages
  const content = extraContent ?? Buffer.from('BT /F1 12 Tf 72 720 Td (Annual report page text here) Tj ET');
  const filter = extraContent ? '/Filter /FlateDecode ' : '';
  for (let i = 0; i < pages; i++) kids.push(`${5 + i} 0 R`);
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objects.push(Buffer.from(`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`));
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'));
  objects.push(
    Buffer.concat([
      Buffer.from(`<< ${filter}/Length ${content.length} >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]),
  );
  for (let i = 0; i < pages; i++) {
    objects.push(
      Buffer.from(
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>',
      ),
    );
  }
  const out: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let offset = out[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    out.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  ].join('');
  out.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(out));
}

/** A one-page PDF whose content stream is a flate bomb of `mb` MB (zlib-wrapped). */
export function flateBombPdf(mb: number): Uint8Array {
  const zlibStream = Buffer.concat([Buffer.from([0x78, 0xda]), deflateBomb(mb), Buffer.alloc(4)]);
  return manyPagesPdf(1, zlibStream);
}
