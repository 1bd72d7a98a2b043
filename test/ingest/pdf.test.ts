import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, extractText } from '../../src/ingest/index.ts';
import { APPLY_COLS, APPLY_ROWS, LEGAL_COLS, LEGAL_GROUPS } from '../../src/schema/index.ts';
import { buildTextlessPdf, buildTextPdf, PDF_NAMES, readPdf, readPdfGold } from './_build.ts';

const extracted = new Map<string, { text: string; pages?: number; linePages?: number[]; lines: string[] }>();

beforeAll(async () => {
  for (const name of PDF_NAMES) {
    const r = await extractText(readPdf(name), `${name}.pdf`);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    extracted.set(name, { ...r.value, lines: r.value.text.split('\n') });
  }
});

const got = (name: string) => extracted.get(name)!;
const numericCells = (line: string) => line.split('\t').filter((c) => /^\d+(?:\.\d+)?$/.test(c));

describe('PDF text layer', () => {
  it.each([
    ['hongzequ_2023', 5],
    ['hongzequ_2024', 5],
    ['huaianshi_2024', 6],
  ])('%s has %i pages and is read as pdf', (name, pages) => {
    expect(got(name).pages).toBe(pages);
  });

  it('records the page of every line, for evidence', () => {
    const { lines, linePages } = got('hongzequ_2024');
    expect(linePages).toHaveLength(lines.length - 1); // the text ends with a newline
    const pageOf = (line: string) => linePages![lines.indexOf(line)];
    expect(pageOf('行政许可\t9487')).toBe(2);
    expect(pageOf('行政处罚\t2776')).toBe(3);
    expect(pageOf('1.信访举报投诉类申请\t1\t0\t0\t0\t0\t0\t1')).toBe(4);
    expect(linePages!.at(-1)).toBe(5);
  });

  it.each(PDF_NAMES)('%s drops the page footers (-3-)', (name) => {
    expect(got(name).lines.filter((l) => /^[-－—–]\s*\d+\s*[-－—–]$/.test(l.trim()))).toEqual([]);
    expect(got(name).text).not.toMatch(/- \d -/);
  });

  it('keeps the row label cells and one cell per column', () => {
    const lines = got('hongzequ_2024').lines;
    expect(lines).toContain('（四）无法提供\t1.本机关不掌握相关政府信息\t31\t0\t0\t0\t0\t0\t31');
    expect(lines).toContain('信息内容\t本年制发件数\t本年废止件数\t现行有效件数');
    expect(lines).toContain('规章\t0\t0\t0');
    expect(lines).toContain('行政规范性文件\t3\t0\t8');
    expect(lines).toContain('行政许可\t9487');
    expect(lines).toContain('行政事业性收费\t7545');
    // a stray glyph gap inside a label is not a space in Chinese text
    expect(lines).toContain('4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0');
  });

  it.each([
    ['hongzequ_2023', '行政事业性收费\t7730.28'],
    ['huaianshi_2024', '行政事业性收费\t96171.6'],
    ['huaianshi_2024', '规章\t1\t0\t11'],
    ['huaianshi_2024', '法提供\t2.没有现成信息需要另行制作\t11\t0\t0\t0\t0\t0\t11'],
  ])('%s has the line %j', (name, line) => {
    expect(got(name).lines).toContain(line);
  });

  it.each(PDF_NAMES)('%s: table 三 rows come out as 7 cells equal to the gold', (name) => {
    const gold = readPdfGold(name).values;
    const merged = name.startsWith('hongzequ'); // older row set: 其他处理 is one row, checked below
    const rows = got(name)
      .lines.map(numericCells)
      .filter((cells) => cells.length === APPLY_COLS.length);
    const expected = APPLY_ROWS.filter((r) => !(merged && r.id.startsWith('other_'))).map((r) =>
      APPLY_COLS.map((c) => String(gold[`apply.${r.id}.${c.id}`])),
    );
    if (merged)
      expected.splice(
        APPLY_ROWS.findIndex((r) => r.id === 'other_no_correction'),
        0,
        Array(7).fill('0'),
      );
    expect(rows).toEqual(expected);
  });

  it.each(PDF_NAMES)('%s: table 四 is the one line of exactly 15 numbers, in schema order', (name) => {
    const gold = readPdfGold(name).values;
    const lines = got(name).lines.filter((l) => numericCells(l).length === 15);
    expect(lines).toEqual([
      LEGAL_GROUPS.flatMap((g) => LEGAL_COLS.map((c) => String(gold[`legal.${g.id}.${c.id}`]))).join('\t'),
    ]);
  });

  it('drops the vertical group label glyphs beside table 三', () => {
    const lines = got('huaianshi_2024').lines;
    expect(lines.filter((l) => /^[本年度办理结果]$/.test(l))).toEqual([]);
    expect(lines).toContain('2.其他法律行政法规禁止公开\t30\t1\t0\t0\t0\t0\t31');
  });

  it('keeps prose as lines with the numbers in them', () => {
    const text = got('hongzequ_2024').text;
    expect(text).toContain(
      '府网站平台主动发布各类政府信息 2428 条，公开政府常务会议 7\n期，解读信息发布 7 条。',
    );
    expect(got('huaianshi_2024').text).toContain('年，全市共受理政府信息公开申请');
  });
});

describe('PDF errors', () => {
  it('a PDF without a text layer gets PDF_NO_TEXT, saying OCR is unsupported and what to send instead', async () => {
    const r = await extractText(buildTextlessPdf(), 'scan.pdf');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('PDF_NO_TEXT');
    expect(r.error.message).toContain('OCR');
    expect(r.error.message).toMatch(/HTML/);
    expect(r.error.message).toMatch(/文本/);
  });

  it('a truncated PDF gets PDF_UNREADABLE', async () => {
    const r = await extractText(readPdf('hongzequ_2024').subarray(0, 2000), 'cut.pdf');
    expect(r.ok ? 'ok' : r.error.code).toBe('PDF_UNREADABLE');
  });

  it('a page needing more memory than INGEST_WORKER_HEAP_MB gets PARSE_OUT_OF_MEMORY (PDFium memory is not on the heap), and the next PDF reads', async () => {
    // 40,000 text runs on one page: PDFium needs well over 32 MB to lay them out
    const runs = Array.from({ length: 40_000 }, (_, i) => ({
      text: `row ${i} some text 12345`,
      x: 50 + (i % 7) * 60,
      y: 800 - (i % 70) * 11,
    }));
    const r = await extractText(buildTextPdf(runs), 'many.pdf', { ...DEFAULT_LIMITS, workerHeapMb: 32 });
    expect(r.ok ? 'ok' : r.error.code).toBe('PARSE_OUT_OF_MEMORY');
    if (!r.ok) expect(r.error.message).toMatch(/many\.pdf.*32 MB.*INGEST_WORKER_HEAP_MB/);
    const next = await extractText(readPdf('hongzequ_2024'), 'next.pdf');
    expect(next.ok && next.value.text).toBe(got('hongzequ_2024').text);
  }, 60_000);

  it('leaves the caller’s bytes intact', async () => {
    const bytes = readPdf('hongzequ_2024');
    await extractText(bytes, 'a.pdf');
    expect(bytes.byteLength).toBe(240143);
  });
});
