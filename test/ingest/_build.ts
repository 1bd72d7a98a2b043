import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ROOT } from '../helpers.ts';

export const PDF_DIR = join(ROOT, 'test', 'fixtures', 'pdf');
export const PDF_NAMES = ['hongzequ_2023', 'hongzequ_2024', 'huaianshi_2024'] as const;

export interface PdfGold {
  values: Record<string, number | null>;
  agency: string;
  year: number;
}

export const readPdf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(PDF_DIR, `${name}.pdf`)));
export const readPdfGold = (name: string): PdfGold =>
  JSON.parse(readFileSync(join(PDF_DIR, `${name}.gold.json`), 'utf8')) as PdfGold;

/** GBK encoder built from the platform's GB18030 decoder: every two-byte code decoded once, then reversed. */
let gbkTable: Map<string, number[]> | undefined;
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (text: string) => `<w:p>${run(text)}</w:p>`;

/** A table cell; `span` is a gridSpan, `merge` a vertical merge ('restart' or 'continue'). */
export interface DocxCell {
  text: string;
  span?: number;
  merge?: 'restart' | 'continue';
}

function cellXml(c: DocxCell): string {
  const props = [
    c.span ? `<w:gridSpan w:val="${c.span}"/>` : '',
    c.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.merge === 'continue' ? '<w:vMerge/>' : '',
  ].join('');
  return `<w:tc><w:tcPr>${props}</w:tcPr>${para(c.text)}</w:tc>`;
}

/** A body block: a paragraph's text, or a table's rows. */
export type DocxBlock = string | DocxCell[][];

const blockXml = (b: DocxBlock) =>
  typeof b === 'string'
    ? para(b)
    : `<w:tbl>${b.map((r) => `<w:tr>${r.map(cellXml).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A minimal valid .docx holding the blocks in order. */
export async function buildDocx(blocks: DocxBlock[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${blocks.map(blockXml).join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** A one-page PDF whose only content stream is empty: what a scan without OCR looks like to a text reader. */
export function buildTextlessPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  return assemblePdf(objects);
}

/** A text run placed in the reading frame: x to the right, y up, 10 pt Helvetica. */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
}

/**
 * A one-page PDF with ASCII text runs (standard Helvetica, nothing embedded). With `sideways`, the page
 * is portrait but its text is drawn turned 90° anticlockwise, as landscape tables often are.
 */
export function buildTextPdf(runs: readonly PdfRun[], sideways = false): Uint8Array {
  const show = runs
    .map(({ text, x, y }) => {
      const tm = sideways ? `0 1 -1 0 ${595 - y} ${x}` : `1 0 0 1 ${x} ${y}`;
      return `BT /F1 10 Tf ${tm} Tm (${text}) Tj ET`;
    })
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${sideways ? '/Rotate 90 ' : ''}/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${show.length} >>\nstream\n${show}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  return assemblePdf(objects);
}

function assemblePdf(objects: readonly string[]): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
