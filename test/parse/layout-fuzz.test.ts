import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import type { Report, Warning } from '../../src/schema/index.ts';
import { goldFor, ROOT, seedFiles } from '../helpers.ts';
import { type GoldTables, type RenderOptions, Tables, wrapReport } from './_layout-render.ts';
import { cellLineLayout, markdownLayout, type Parts, spaceLayout, tabLayout } from './_layouts.ts';

/** The 8 hand-checked gold records: 5 seeds and 3 PDFs. */
const PDF_DIR = join(ROOT, 'test', 'fixtures', 'pdf');
const GOLDS: [string, GoldTables][] = [
  ...seedFiles().map((f) => [f.replace(/.*\//, '').slice(0, 3), goldFor(f)] as [string, GoldTables]),
  ...readdirSync(PDF_DIR)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map(
      (f) =>
        [f.replace('.gold.json', ''), JSON.parse(readFileSync(join(PDF_DIR, f), 'utf8'))] as [
          string,
          GoldTables,
        ],
    ),
];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

interface Layout {
  name: string;
  render: (t: Tables) => Parts;
  opts?: RenderOptions;
  /** What happens to cells printed blank: kept as cells, none printed, or lost by the layout. */
  blanks: 'kept' | 'none' | 'lost';
  transform?: (text: string) => string;
}

const tab1 = (t: Tables) => tabLayout(t, { labelCols: 1 });
const tab2 = (t: Tables) => tabLayout(t, { labelCols: 2 });
const spaced = (t: Tables) =>
  spaceLayout(t, { wrapAt: 14, numbersOn: 'last', groups: 'left-column', vertical: true });
const plain = (t: Tables) => cellLineLayout(t, { wrapAt: 14, headings: true, gap: false });
const md = (t: Tables) => markdownLayout(t, { outerPipes: true, bold: true, labelCols: 1 });

const LAYOUTS: Layout[] = [
  // 1. tab grids, labels in 1, 2 or 3 cells
  { name: 'tab, label in one cell', render: tab1, blanks: 'none' },
  { name: 'tab, group cell + sub-label cell', render: tab2, blanks: 'none' },
  { name: 'tab, three label cells', render: (t) => tabLayout(t, { labelCols: 3 }), blanks: 'none' },
  { name: 'tab, one label cell, zeros blank', render: tab1, opts: { blankZeros: 'all' }, blanks: 'kept' },
  { name: 'tab, two label cells, zeros blank', render: tab2, opts: { blankZeros: 'all' }, blanks: 'kept' },
  // 2. pdftotext -layout
  ...(
    [
      [14, 'first', 'own-line', false],
      [14, 'last', 'left-column', true],
      [10, 'own', 'own-line', true],
      [20, 'first', 'left-column', false],
      [8, 'last', 'own-line', false],
      [12, 'own', 'left-column', true],
    ] as const
  ).map(
    ([wrapAt, numbersOn, groups, vertical]): Layout => ({
      name: `-layout, wrap ${wrapAt}, numbers on ${numbersOn} line, groups ${groups}${vertical ? ', vertical 三' : ''}`,
      render: (t) => spaceLayout(t, { wrapAt, numbersOn, groups, vertical }),
      blanks: 'none',
    }),
  ),
  // columns stay where they are: blank cells are read back from the numbers' positions
  { name: '-layout, zeros blank', render: spaced, opts: { blankZeros: 'all' }, blanks: 'kept' },
  ...(
    [
      ['pdftotext character grid', { charGrid: true }],
      ['centred cells', { centred: true }],
      [
        'character grid, centred, 三 in a margin, split group labels',
        { charGrid: true, centred: true, vertical: 'margin', groups: 'split-left' },
      ],
    ] as const
  ).map(
    ([name, extra]): Layout => ({
      name: `-layout, ${name}, zeros blank`,
      render: (t) =>
        spaceLayout(t, { wrapAt: 13, numbersOn: 'last', groups: 'left-column', vertical: false, ...extra }),
      opts: { blankZeros: 'all' },
      blanks: 'kept',
    }),
  ),
  {
    name: '-layout, 三 in a margin, group labels split over two rows',
    render: (t) =>
      spaceLayout(t, { wrapAt: 11, numbersOn: 'first', groups: 'split-left', vertical: 'margin' }),
    blanks: 'none',
  },
  ...(['labelled', 'subtotal'] as const).map(
    (legal): Layout => ({
      name: `-layout, zeros blank, table 四 ${legal}`,
      render: (t) =>
        spaceLayout(t, { wrapAt: 12, numbersOn: 'own', groups: 'own-line', vertical: false, legal }),
      opts: { blankZeros: 'all' },
      blanks: 'kept',
    }),
  ),
  ...(
    [
      [14, 'last', 'left-column', true],
      [10, 'first', 'own-line', false],
    ] as const
  ).map(
    ([wrapAt, numbersOn, groups, vertical]): Layout => ({
      name: `-layout, table 三 zeros blank, wrap ${wrapAt}, numbers on ${numbersOn} line`,
      render: (t) => spaceLayout(t, { wrapAt, numbersOn, groups, vertical }),
      opts: { blankZeros: 'apply' },
      blanks: 'kept',
    }),
  ),
  // 3. plain pdftotext
  { name: 'pdftotext, one cell per line, wrapped', render: plain, blanks: 'none' },
  {
    name: 'pdftotext, no heading cells',
    render: (t) => cellLineLayout(t, { wrapAt: 12, headings: false, gap: false }),
    blanks: 'none',
  },
  { name: 'pdftotext, zeros blank', render: plain, opts: { blankZeros: 'all' }, blanks: 'lost' },
  // 4. HTML-to-text
  {
    name: 'HTML-to-text, cells between blank lines',
    render: (t) => cellLineLayout(t, { headings: true, gap: true }),
    blanks: 'none',
  },
  {
    name: 'HTML-to-text, cells on adjacent lines',
    render: (t) => cellLineLayout(t, { headings: true, gap: false }),
    blanks: 'none',
  },
  // 5. markdown
  { name: 'markdown, outer pipes, bold', render: md, blanks: 'none' },
  {
    name: 'markdown, no outer pipes, two label cells',
    render: (t) => markdownLayout(t, { outerPipes: false, bold: false, labelCols: 2 }),
    blanks: 'none',
  },
  {
    name: 'markdown, no outer pipes, bold',
    render: (t) => markdownLayout(t, { outerPipes: false, bold: true, labelCols: 1 }),
    blanks: 'none',
  },
  {
    name: 'markdown, two label cells, zeros blank',
    render: (t) => markdownLayout(t, { outerPipes: true, bold: true, labelCols: 2 }),
    opts: { blankZeros: 'all' },
    blanks: 'kept',
  },
  // 6. table 四 shapes
  ...(['labelled', 'subtotal', 'one-per-line'] as const).flatMap((legal): Layout[] => [
    { name: `tab, table 四 ${legal}`, render: (t) => tabLayout(t, { labelCols: 2, legal }), blanks: 'none' },
    {
      name: `-layout, table 四 ${legal}`,
      render: (t) =>
        spaceLayout(t, { wrapAt: 14, numbersOn: 'first', groups: 'own-line', vertical: false, legal }),
      blanks: 'none',
    },
  ]),
  {
    name: 'tab, table 四 subtotal, zeros blank',
    render: (t) => tabLayout(t, { labelCols: 1, legal: 'subtotal' }),
    opts: { blankZeros: 'all' },
    blanks: 'kept',
  },
  // 7. 8-column table 三
  { name: 'tab, 法人或其他组织 column', render: tab2, opts: { orgSubtotal: true }, blanks: 'none' },
  { name: '-layout, 法人或其他组织 column', render: spaced, opts: { orgSubtotal: true }, blanks: 'none' },
  { name: 'pdftotext, 法人或其他组织 column', render: plain, opts: { orgSubtotal: true }, blanks: 'none' },
  { name: 'markdown, 法人或其他组织 column', render: md, opts: { orgSubtotal: true }, blanks: 'none' },
  // 8. page breaks and a repeated heading inside table 三
  { name: 'tab, page break', render: (t) => tabLayout(t, { labelCols: 2, pageBreak: true }), blanks: 'none' },
  {
    name: '-layout, page break',
    render: (t) =>
      spaceLayout(t, { wrapAt: 14, numbersOn: 'own', groups: 'own-line', vertical: true, pageBreak: true }),
    blanks: 'none',
  },
  {
    name: 'pdftotext, page break',
    render: (t) => cellLineLayout(t, { wrapAt: 14, headings: true, gap: false, pageBreak: true }),
    blanks: 'none',
  },
  // 9. script, digits, line ends, spaces
  { name: '-layout, traditional characters', render: spaced, blanks: 'none', transform: toTraditional },
  { name: 'tab, traditional characters', render: tab2, blanks: 'none', transform: toTraditional },
  { name: '-layout, full-width digits', render: spaced, blanks: 'none', transform: fullWidth },
  { name: 'pdftotext, CRLF', render: plain, blanks: 'none', transform: (s) => s.replace(/\n/g, '\r\n') },
  {
    name: '-layout, non-breaking spaces',
    render: spaced,
    blanks: 'none',
    transform: (s) => s.replace(/ /g, '\u00a0'),
  },
  {
    name: 'markdown, traditional, full-width, CRLF',
    render: md,
    blanks: 'none',
    transform: (s) => toTraditional(fullWidth(s)).replace(/\n/g, '\r\n'),
  },
];

async function parseText(text: string): Promise<{ report: Report; warnings: Warning[] }> {
  const extracted = await extractText(new TextEncoder().encode(text), 'report.txt');
  if (!extracted.ok) throw new Error(`${extracted.error.code}: ${extracted.error.message}`);
  const r = parseReport(extracted.value.text, { file: 'report.txt', sha256: 'x' });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

const CASES = GOLDS.flatMap(([name, gold]) => LAYOUTS.map((l) => [name, l.name, gold, l] as const));

describe('the same tables in every layout extractors produce', () => {
  it.each(CASES)('%s — %s', async (_name, _layout, gold, layout) => {
    const t = new Tables(gold, layout.opts);
    const text = wrapReport(gold, layout.render(t));
    const { report, warnings } = await parseText(layout.transform ? layout.transform(text) : text);
    expect([report.agency, report.year]).toEqual([gold.agency, gold.year]);
    const wrong = Object.entries(gold.values).flatMap(([field, want]) =>
      report.values[field] === want ? [] : [{ field, want, got: report.values[field] }],
    );
    if (layout.blanks === 'lost') {
      // the text lost which cells were blank: a wrong cell must carry a warning, never pass silently
      const flagged = new Set(warnings.filter((w) => w.severity !== 'info').flatMap((w) => w.fields));
      expect(wrong.filter((w) => !flagged.has(w.field))).toEqual([]);
      return;
    }
    expect(wrong).toEqual([]);
    expect([...report.blanks].sort()).toEqual(layout.blanks === 'kept' ? [...t.blanks].sort() : []);
    // a layout that keeps every cell is read without guessing
    expect(warnings.filter((w) => w.severity !== 'info').map((w) => `${w.rule} ${w.message}`)).toEqual([]);
  });
});
