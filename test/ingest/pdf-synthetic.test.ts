import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { buildTextPdf, type PdfRun } from './_build.ts';

/** A small table with a blank cell, a prose line above it and a page footer below. */
const RUNS: PdfRun[] = [
  { text: 'Annual report on government information disclosure', x: 60, y: 520 },
  { text: 'Item', x: 60, y: 480 },
  { text: 'Issued', x: 200, y: 480 },
  { text: 'Repealed', x: 300, y: 480 },
  { text: 'In force', x: 400, y: 480 },
  { text: 'Rules', x: 60, y: 450 },
  { text: '1', x: 210, y: 450 },
  { text: '11', x: 410, y: 450 },
  { text: 'Documents', x: 60, y: 420 },
  { text: '8', x: 210, y: 420 },
  { text: '26', x: 310, y: 420 },
  { text: '66', x: 410, y: 420 },
  { text: '- 4 -', x: 400, y: 30 },
];

const EXPECTED = [
  'Annual report on government information disclosure',
  'Item\tIssued\tRepealed\tIn force',
  'Rules\t1\t\t11',
  'Documents\t8\t26\t66',
];

async function lines(bytes: Uint8Array): Promise<string[]> {
  const r = await extractText(bytes, 'made.pdf');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  expect(r.value.pages).toBe(1);
  return r.value.text.trimEnd().split('\n');
}

describe('PDF built in the test, through PDFium', () => {
  it.each([
    ['upright', false],
    ['drawn sideways on a rotated page', true],
  ])('%s: rows by y, cells by x, the blank cell kept, the footer dropped', async (_name, sideways) => {
    expect(await lines(buildTextPdf(RUNS, sideways))).toEqual(EXPECTED);
  });
});

describe('one-glyph cells drawn a column at a time', () => {
  // some generators draw a table column by column: each one-digit cell then sits right under the
  // last one drawn, 1.4 em lower; only a vertical font's glyphs are stacked, so every value stays
  const column = (x: number, cells: string[]): PdfRun[] =>
    cells.map((text, i) => ({ text, x, y: 500 - 14 * i }));
  const runs = [
    { text: 'Annual report on government information disclosure', x: 60, y: 540 },
    ...column(60, ['Item', 'A', 'B', 'C']),
    ...column(200, ['X', '1', '2', '3']),
    ...column(300, ['Y', '4', '5', '6']),
  ];

  it('keeps every value in its row and column', async () => {
    expect(await lines(buildTextPdf(runs))).toEqual([
      'Annual report on government information disclosure',
      'Item\tX\tY',
      'A\t1\t4',
      'B\t2\t5',
      'C\t3\t6',
    ]);
  });
});
