import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import type { Report } from '../../src/schema/index.ts';
import { APPLY_COLS, APPLY_ROWS, LEGAL_COLS, LEGAL_GROUPS } from '../../src/schema/index.ts';
import { ROOT } from '../helpers.ts';

/**
 * Real reports the parser was not built on (test/fixtures/real, origins in its README).
 * Every expected value was read by hand from the source table. `_` marks a cell printed
 * blank (value 0, listed in `blanks`); `null` a cell the report's format does not have;
 * `?` a cell the text does not let a reader decide (not asserted; the README says why).
 */
type Cell = number | '_' | null | '?';

interface Expected {
  file: string;
  title: string;
  agency: string;
  kind: 'gov' | 'dept';
  year: number;
  regionCode: string | null;
  period: { from: string; to: string } | null;
  signed: string | null;
  /** 规章 ×3, 规范性文件 ×3, 许可, 处罚, 强制, 收费 */
  active: Cell[];
  /** The 25 rows of table 三 in schema order, 7 cells each. */
  apply: Cell[][];
  /** review ×5, suit_direct ×5, suit_after_review ×5 */
  legal: Cell[];
}

const ACTIVE_FIELDS = [
  'active.regulation.issued',
  'active.regulation.repealed',
  'active.regulation.in_force',
  'active.normative_doc.issued',
  'active.normative_doc.repealed',
  'active.normative_doc.in_force',
  'active.license',
  'active.penalty',
  'active.coercion',
  'active.admin_fee',
];
const LEGAL_FIELDS = LEGAL_GROUPS.flatMap((g) => LEGAL_COLS.map((c) => `legal.${g.id}.${c.id}`));

const z7 = (): Cell[] => [0, 0, 0, 0, 0, 0, 0];
const b7 = (): Cell[] => ['_', '_', '_', '_', '_', '_', '_'];
/** A row with only 自然人 and 商业企业 filled, the rest printed blank (common in 2019 pages). */
const nc = (natural: Cell, commercial: Cell = '_'): Cell[] => [natural, commercial, '_', '_', '_', '_', '_'];

const CASES: Expected[] = [
  {
    // markdown-like conversion with per-row sub-tables, 数据1…数据6 headings, a transposed heading row
    // and table 四 as three labelled sub-tables; the agency name carries an OCR slip (沐 for 沭)
    file: 'shuyang-gov-2025.txt',
    title: '沐阳县人民政府2025年政府信息公开工作年度报告',
    agency: '沐阳县人民政府',
    kind: 'gov',
    year: 2025,
    regionCode: null,
    period: { from: '2025-01-01', to: '2025-12-31' },
    signed: '2026-01-23',
    active: [0, 0, 0, 6, 1, 32, 517645, 693957, 2154, 4068.208],
    apply: [
      [705, 3, 0, 0, 5, 0, 713],
      [36, 0, 0, 0, 0, 0, 36],
      [290, 1, 0, 0, 3, 0, 294],
      [99, 0, 0, 0, 2, 0, 101],
      z7(),
      z7(),
      [2, 0, 0, 0, 0, 0, 2],
      [2, 0, 0, 0, 0, 0, 2],
      [13, 0, 0, 0, 0, 0, 13],
      [2, 0, 0, 0, 0, 0, 2],
      [4, 0, 0, 0, 0, 0, 4],
      [9, 0, 0, 0, 0, 0, 9],
      [111, 0, 0, 0, 0, 0, 111],
      [2, 0, 0, 0, 0, 0, 2],
      z7(),
      [12, 0, 0, 0, 0, 0, 12],
      [6, 1, 0, 0, 0, 0, 7],
      z7(),
      z7(),
      z7(),
      [9, 0, 0, 0, 0, 0, 9],
      [7, 0, 0, 0, 0, 0, 7],
      [142, 1, 0, 0, 0, 0, 143],
      [710, 3, 0, 0, 5, 0, 718],
      [31, 0, 0, 0, 0, 0, 31],
    ],
    legal: [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10],
  },
  {
    // 2019 trial format as an HTML page: colspan label cells, blank (&nbsp;) cells everywhere,
    // 总计 left blank on most rows, a single （六）其他处理 row, table 四 with blank cells
    file: 'shanghai-office-2019.html',
    title: '2019年上海市人民政府办公厅政府信息公开工作年度报告',
    agency: '上海市人民政府办公厅',
    kind: 'dept',
    year: 2019,
    regionCode: '310000',
    period: { from: '2019-01-01', to: '2019-12-31' },
    signed: null,
    active: [13, null, 524, 60, null, 368, 0, 0, 0, null],
    apply: [
      [821, 35, '_', '_', 2, 1, 859],
      [18, '_', '_', '_', '_', '_', 18],
      [258, 12, '_', '_', 1, 1, '_'],
      nc(3),
      nc(14),
      b7(),
      b7(),
      b7(),
      nc(5),
      nc(3, 1),
      b7(),
      nc(10, 2),
      [252, 12, '_', '_', 1, '_', '_'],
      nc(44, 3),
      nc(25),
      nc(148, 1),
      nc(5, 4),
      b7(),
      b7(),
      b7(),
      // a wholly blank single （六）其他处理 row is read as three blank sub-rows (see README: open question)
      b7(),
      b7(),
      b7(),
      [767, 35, '_', '_', 2, 1, 805],
      [72, '_', '_', '_', '_', '_', 72],
    ],
    legal: [5, '_', '_', 2, 7, 8, '_', '_', 1, 9, '_', '_', '_', '_', '_'],
  },
  {
    // a county bureau's page saved with the site's chrome (field table, 标题：…) around a Word-made
    // article: cells are p > span runs, blank cells hold <o:p> </o:p>, only 自然人 and 总计 are filled
    file: 'shuyang-fgj-2023.html',
    title: '沭阳县发展和改革局2023年政府信息公开年度报告',
    agency: '沭阳县发展和改革局',
    kind: 'dept',
    year: 2023,
    regionCode: '321322',
    period: { from: '2023-01-01', to: '2023-12-31' },
    signed: '2024-01-17',
    active: [0, 0, 0, 8, 0, 18, 0, 0, 0, 0],
    apply: APPLY_ROWS.map((r) => {
      const n = { new_received: 26, granted: 26, results_total: 26 }[r.id as string] ?? 0;
      return [n, '_', '_', '_', '_', '_', n];
    }),
    legal: [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  },
  {
    // a PDF run through a markdown converter: the department numbers its sections on its own
    // (tables under 一/二/三), row labels wrap into prose lines away from their numbers, unlabelled
    // rows, a 规章 table printed after 行政事业性收费, and one stray number the converter displaced
    // (the 1 of 结转下年度 总计, whose cell it left empty: read as printed, A-04 then flags it)
    file: 'shanghai-kewei-2024.md',
    title: '2024年上海市科委政府信息公开工作年度报告',
    agency: '上海市科委',
    kind: 'dept',
    year: 2024,
    regionCode: '310000',
    period: { from: '2024-01-01', to: '2024-12-31' },
    signed: null,
    active: [0, 0, 0, 13, 0, 55, 97, 0, 0, 0],
    apply: [
      [32, 2, 0, 0, 0, 0, 34],
      [2, 0, 0, 0, 0, 0, 2],
      [9, 0, 0, 0, 0, 0, 9],
      z7(),
      z7(),
      z7(),
      z7(),
      z7(),
      [1, 0, 0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0, 0, 1],
      z7(),
      z7(),
      [4, 0, 0, 0, 0, 0, 4],
      [6, 0, 0, 0, 0, 0, 6],
      z7(),
      z7(),
      z7(),
      z7(),
      z7(),
      z7(),
      [8, 2, 0, 0, 0, 0, 10],
      z7(),
      [4, 0, 0, 0, 0, 0, 4],
      [33, 2, 0, 0, 0, 0, 35],
      [1, 0, 0, 0, 0, 0, '_'],
    ],
    legal: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  },
  {
    // the same converter on the office's 2025 report: page footers (— 4 —) inside the tables,
    // repeated 表二/表三 headings, labels split across cells, a table 二 whose annotated cells
    // （其中修订 16 件） fell out of their rows
    file: 'shanghai-office-2025.md',
    title: '2025年上海市人民政府办公厅政府信息公开工作年度报告',
    agency: '上海市人民政府办公厅',
    kind: 'dept',
    year: 2025,
    regionCode: '310000',
    period: { from: '2025-01-01', to: '2025-12-31' },
    signed: null,
    active: [22, '?', '?', 34, '?', '?', 0, 0, 0, 0],
    apply: [
      [1259, 36, 0, 0, 0, 0, 1295],
      [170, 15, 0, 0, 4, 0, 189],
      [201, 5, 0, 0, 0, 0, 206],
      [2, 0, 0, 0, 0, 0, 2],
      [4, 0, 0, 0, 0, 0, 4],
      z7(),
      [1, 0, 0, 0, 0, 0, 1],
      z7(),
      [8, 0, 0, 0, 1, 0, 9],
      [1, 0, 0, 0, 0, 0, 1],
      z7(),
      [5, 0, 0, 0, 0, 0, 5],
      [484, 28, 0, 0, 1, 0, 513],
      [47, 1, 0, 0, 0, 0, 48],
      [3, 0, 0, 0, 0, 0, 3],
      [61, 1, 0, 0, 0, 0, 62],
      [16, 0, 0, 0, 0, 0, 16],
      [1, 0, 0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0, 0, 1],
      z7(),
      [40, 1, 0, 0, 2, 0, 43],
      z7(),
      [264, 12, 0, 0, 0, 0, 276],
      [1139, 48, 0, 0, 4, 0, 1191],
      [290, 3, 0, 0, 0, 0, 293],
    ],
    legal: [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22],
  },
];

async function parseFixture(file: string, relayout?: (text: string) => string): Promise<Report> {
  let bytes = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'real', file)));
  if (relayout) {
    const first = await extractText(bytes, file);
    if (!first.ok) throw new Error(`${file}: ${first.error.code}`);
    bytes = new TextEncoder().encode(relayout(first.value.text));
  }
  const extracted = await extractText(bytes, relayout ? 'pasted.txt' : file);
  if (!extracted.ok) throw new Error(`${file}: ${extracted.error.code}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const parsed = parseReport(extracted.value.text, { file, sha256 });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.code} ${parsed.error.message}`);
  return parsed.report;
}

function expectedValues(e: Expected): { values: Record<string, number | null>; blanks: string[] } {
  const values: Record<string, number | null> = {};
  const blanks: string[] = [];
  const put = (field: string, cell: Cell) => {
    if (cell === '?') return;
    values[field] = cell === '_' ? 0 : cell;
    if (cell === '_') blanks.push(field);
  };
  for (const [i, f] of ACTIVE_FIELDS.entries()) put(f, e.active[i]!);
  for (const [i, r] of APPLY_ROWS.entries()) {
    for (const [j, c] of APPLY_COLS.entries()) put(`apply.${r.id}.${c.id}`, e.apply[i]![j]!);
  }
  for (const [i, f] of LEGAL_FIELDS.entries()) put(f, e.legal[i]!);
  return { values, blanks };
}

/** The HTML pages saved as Word 97 documents (.doc) by LibreOffice (README): the same cells, read through word-extractor. */
const WORD_97 = CASES.filter((c) => c.file.endsWith('.html')).map((c) => ({
  ...c,
  file: c.file.replace(/\.html$/, '.doc'),
}));

describe.each([...CASES, ...WORD_97].map((c) => [c.file, c] as const))('real report %s', (_file, e) => {
  it('reads title, agency, kind, year, region, period and signature date', async () => {
    const r = await parseFixture(e.file);
    expect({
      title: r.title,
      agency: r.agency,
      kind: r.kind,
      year: r.year,
      region: r.region?.code ?? null,
      period: r.period,
      signed: r.signed,
    }).toEqual({
      title: e.title,
      agency: e.agency,
      kind: e.kind,
      year: e.year,
      region: e.regionCode,
      period: e.period,
      signed: e.signed,
    });
  });

  it('reads every table cell as printed', async () => {
    const r = await parseFixture(e.file);
    const want = expectedValues(e);
    const undecided = [...e.active, ...e.apply.flat(), ...e.legal].filter((c) => c === '?').length;
    expect(Object.keys(want.values)).toHaveLength(200 - undecided);
    const wrong = Object.entries(want.values).flatMap(([field, v]) =>
      r.values[field] === v ? [] : [{ field, want: v, got: r.values[field] }],
    );
    expect(wrong).toEqual([]);
  });

  it('lists exactly the cells printed blank', async () => {
    const r = await parseFixture(e.file);
    const { values, blanks } = expectedValues(e);
    // an undecided cell's blank status is undecided too
    expect(r.blanks.filter((f) => f in values).sort()).toEqual(blanks.sort());
  });
});

/** How the same tables arrive when a page is saved or copied to text (all seen on real pages). */
const RELAYOUTS: Record<string, (text: string) => string> = {
  // `规章 | 0 | 0 | 0 |`: rows with one outer pipe (下湿壕镇 2022 as stored)
  'pipe rows': (t) =>
    t
      .split('\n')
      .map((l) => (l.includes('\t') ? `${l.split('\t').join(' | ')} |` : l))
      .join('\n'),
  // cells apart by runs of spaces, blank cells gone (pdftotext -layout, copied PDF text)
  'space-separated cells': (t) =>
    t
      .split('\n')
      .map((l) =>
        l.includes('\t')
          ? l
              .split('\t')
              .map((c) => c.trim())
              .join('    ')
          : l,
      )
      .join('\n'),
  // every cell on its own line between blank lines, blank cells gone (太平镇 2022 as stored)
  'one cell per line': (t) =>
    t
      .split('\n')
      .map((l) =>
        l.includes('\t')
          ? l
              .split('\t')
              .filter((c) => c.trim())
              .join('\n\n')
          : l,
      )
      .join('\n\n'),
};

// The 2019 page is relaid only with its blank cells kept: where they vanish, its rows with a
// blank 总计 (258 12 _ _ 1 1 _) cannot be placed by anyone.
const RELAID = [
  ...['shuyang-gov-2025.txt', 'shuyang-fgj-2023.html', 'shanghai-office-2025.md'].flatMap((f) =>
    Object.keys(RELAYOUTS).map((l) => [f, l] as const),
  ),
  ['shanghai-kewei-2024.md', 'pipe rows'],
  ['shanghai-kewei-2024.md', 'space-separated cells'],
  ['shanghai-office-2019.html', 'pipe rows'],
] as const;

describe('real reports re-laid out as saved or copied pages', () => {
  it.each(RELAID)('%s as %s keeps every value and the metadata', async (file, layout) => {
    const e = CASES.find((c) => c.file === file)!;
    const r = await parseFixture(file, RELAYOUTS[layout]);
    const want = expectedValues(e).values;
    const wrong = Object.entries(want).flatMap(([field, v]) =>
      r.values[field] === v ? [] : [{ field, want: v, got: r.values[field] }],
    );
    expect(wrong).toEqual([]);
    expect([r.agency, r.year, r.region?.code ?? null, r.signed]).toEqual([
      e.agency,
      e.year,
      e.regionCode,
      e.signed,
    ]);
  });
});

describe('a title that names no body', () => {
  it('takes the body that signs the report', async () => {
    const r = await parseFixture('shuyang-gov-2025.txt', (t) =>
      t.replace(
        '沐阳县人民政府 2025 年 政府信息公开工作年度报告\n\n沐阳县人民政府\n(2026年1月23日)\n',
        '2025年度政府信息公开工作年度报告\n',
      ),
    );
    expect([r.title, r.agency, r.id, r.year, r.signed]).toEqual([
      '2025年度政府信息公开工作年度报告',
      '沐阳县人民政府',
      '沐阳县人民政府-2025',
      2025,
      '2026-01-23',
    ]);
  });
});

describe('section headings as real reports word them', () => {
  // 五、政府信息公开工作存在的主要问题及改进情况 (the 2019 wording, still used)
  it.each(['shuyang-gov-2025.txt', 'shanghai-office-2019.html', 'shuyang-fgj-2023.html'])(
    '%s: all six parts are found',
    async (file) => {
      const r = await parseFixture(file);
      expect(Object.keys(r.text?.sections ?? {}).sort()).toEqual(['一', '二', '三', '四', '五', '六'].sort());
    },
  );
});
