import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/schema/index.ts';
import { makeReport, warningsOf } from './_reports.ts';

const base = makeReport();
const withText = (patch: Partial<NonNullable<Report['text']>>): Partial<Report> => ({
  text: { ...base.text!, ...patch },
});
const withSections = (patch: Record<string, string | undefined>): Partial<Report> => {
  const sections = { ...base.text!.sections, ...patch };
  for (const k of Object.keys(sections)) if (sections[k] === undefined) delete sections[k];
  return withText({ sections: sections as Record<string, string> });
};
const APPLY_ROW = (row: string) =>
  Object.fromEntries(
    [
      'natural',
      'org_commercial',
      'org_research',
      'org_public_welfare',
      'org_legal_service',
      'org_other',
      'total',
    ].map((c) => [`apply.${row}.${c}`, null]),
  );

describe('family F (format)', () => {
  it.each([
    [
      'F-01',
      {},
      withText({ format: '2019trial', oldLabels: ['本年新制作数量'] }),
      'info',
      '报告按2019年试行格式识别（2023年度）',
    ],
    [
      'F-02',
      {},
      withText({ format: '2019trial', oldLabels: ['本年新制作数量'] }),
      'error',
      '2023年度报告仍使用旧格式（发现“本年新制作数量”），应使用2021年版格式',
    ],
    [
      'F-03',
      { 'apply.granted.org_legal_service': null },
      {},
      'error',
      '表三缺少1个单元格（如“（一）予以公开—法律服务机构”），行列不完整',
    ],
    ['F-04', { 'active.coercion': null }, {}, 'error', '表二缺少“行政强制”本年处理决定数量数据'],
  ])('%s', (rule, patch, meta, severity, message) => {
    expect(warningsOf(rule, base)).toEqual([]);
    expect(warningsOf(rule, makeReport(patch, meta)).map((w) => [w.severity, w.message])).toEqual([
      [severity, message],
    ]);
  });

  it('F-03 accepts a missing 2019-trial row, and a single 其他处理 row (A-12 reports that)', () => {
    expect(warningsOf('F-03', makeReport(APPLY_ROW('np_confirm_reissue'), { year: 2020 }))).toEqual([]);
    expect(
      warningsOf(
        'F-03',
        makeReport({ ...APPLY_ROW('other_no_correction'), ...APPLY_ROW('other_fee_unpaid') }),
      ),
    ).toEqual([]);
    expect(warningsOf('F-03', makeReport(APPLY_ROW('np_confirm_reissue')))).toHaveLength(1);
  });

  it('F-04 does not ask a 2019-trial table 二 for the 本年废止 and 收费金额 cells it has no column for', () => {
    const trial = withText({ format: '2019trial', oldLabels: ['本年新制作数量'] });
    const absent = {
      'active.regulation.repealed': null,
      'active.normative_doc.repealed': null,
      'active.admin_fee': null,
    };
    expect(warningsOf('F-04', makeReport(absent, { year: 2019, ...trial }))).toEqual([]);
    expect(
      warningsOf('F-04', makeReport({ ...absent, 'active.license': null }, { year: 2019, ...trial })).map(
        (w) => w.message,
      ),
    ).toEqual(['表二缺少“行政许可”本年处理决定数量数据']);
    expect(warningsOf('F-04', makeReport(absent))).toHaveLength(3);
  });

  it('F-06 when a table heading has no numbers', () => {
    const legal = Object.fromEntries(
      Object.keys(base.values)
        .filter((f) => f.startsWith('legal.'))
        .map((f) => [f, null]),
    );
    expect(warningsOf('F-06', makeReport(legal)).map((w) => w.message)).toEqual([
      '第四部分“政府信息公开行政复议、行政诉讼情况”下未识别到表格数据',
    ]);
  });

  it.each([
    [
      Array.from({ length: 11 }, (_, i) => `apply.np_duplicate.${i < 7 ? 'natural' : 'org_other'}${i}`),
      '表三有11个单元格为空白，可能填报不规范或表格未完整提取',
    ],
    [
      ['legal.a', 'legal.b', 'legal.c', 'legal.d', 'legal.e', 'legal.f'],
      '表四有6个单元格为空白，可能填报不规范或表格未完整提取',
    ],
  ])('F-07 %#', (blanks, message) => {
    expect(warningsOf('F-07', makeReport({}, { blanks })).map((w) => w.message)).toEqual([message]);
  });
});

// The renumbered parts of a converter-made report (上海市科委 2024): 一、主动公开政府信息情况 is its part 二.
const RENUMBERED = [
  '上海市科委 2024 年深入贯彻《政府信息公开条例》。',
  '',
  '三、主动公开工作情况',
  '市科委积极做好政府信息主动公开工作。',
  '',
  '一、主动公开政府信息情况',
  '第二十条第(一)项',
  '',
  '二、收到和处理政府信息公开申请情况',
  '申请人情况',
  '',
  '三、政府信息公开行政复议、行政诉讼情况',
  '行政复议行政诉讼',
  '',
  '(一)主要问题',
  '市科委 2024 年根据本市机构改革工作安排，内设机构和职能发生较大调整。',
  '',
  '五、其他需要报告的事项',
  '本年度信息公开处理费收费情况',
].join('\n');

describe('M rules on real wording', () => {
  it('M-04 finds renumbered part headings by their keywords, and still misses a part that has none', () => {
    const meta = withSections({
      一: RENUMBERED,
      二: undefined,
      三: undefined,
      四: undefined,
      五: undefined,
      六: undefined,
    });
    expect(warningsOf('M-04', makeReport({}, meta)).map((w) => w.message)).toEqual([
      '报告缺少第五部分“存在的主要问题及改进情况”',
    ]);
  });

  it.each([
    ['2025 年度本机关未收取信息公开处理费。', 0],
    ['2023年度，县发展和改革局政府信息公开未发生收费情况。', 0],
    ['2024 年，市科委未发生政府信息公开收费事项。', 0],
    ['全年收取政府信息公开信息处理费 0 元。', 0],
    ['本年度行政事业性收费0万元。', 1],
  ])('M-06 on 六 = %s: %i warning', (six, n) => {
    expect(warningsOf('M-06', makeReport({}, withSections({ 六: six })))).toHaveLength(n);
  });

  it.each([
    ['无其他需要报告的事项。\n\n甲县人民政府办公室\n\n2024年1月25日', 1],
    ['无。\n甲县人民政府办公室\n（2024年1月20日）', 1],
    ['无其他需要报告的事项。\n\n甲县人民政府办公室\n\n二〇二四年一月二十日', 1],
    ['本年度未收取信息处理费。\n\n甲县人民政府办公室\n\n2024年1月25日', 0],
  ])('M-11 on 六 = %j (the signature block is not part of the text): %i warning', (six, n) => {
    expect(warningsOf('M-11', makeReport({}, withSections({ 六: six })))).toHaveLength(n);
  });
});

describe('family M (metadata and completeness)', () => {
  it.each([
    [
      'M-01',
      { period: { from: '2023-01-01', to: '2023-12-28' } },
      {},
      'error',
      '统计期限为2023-01-01至2023-12-28，应为2023年1月1日至12月31日',
    ],
    [
      'M-02',
      { signed: '2024-03-15', kind: 'dept' as const },
      {},
      'error',
      '落款日期2024-03-15晚于法定发布时限2024-01-31',
    ],
    [
      'M-02',
      { signed: '2024-02-20', kind: 'dept' as const },
      {},
      'warning',
      '落款日期2024-02-20晚于法定发布时限2024-01-31',
    ],
    ['M-02', {}, { published: '2024-04-10' }, 'warning', '发布日期2024-04-10晚于法定发布时限2024-03-31'],
    ['M-03', { signed: '2023-01-25' }, {}, 'error', '落款日期2023-01-25不合理：应在2024年内且不晚于发布日期'],
    ['M-03', { signed: null }, {}, 'warning', '报告未标注落款日期'],
    ['M-04', withSections({ 六: undefined }), {}, 'error', '报告缺少第六部分“其他需要报告的事项”'],
    [
      'M-05',
      withSections({ 一: '2023年总体情况。' }),
      {},
      'warning',
      '政府年度报告未说明工作考核、社会评议和责任追究结果情况（缺“考核、评议、责任追究”）',
    ],
    [
      'M-06',
      withSections({ 六: '本年度开展了政务公开创新。' }),
      {},
      'info',
      '第六部分未说明信息处理费收取情况',
    ],
    [
      'M-07',
      withSections({ 五: '明年将加强培训，提升公开质量和水平。' }),
      {},
      'info',
      '第五部分未说明上年度问题的整改情况',
    ],
    [
      'M-08',
      withText({ sigAgency: '甲县卫生局' }),
      {},
      'warning',
      '标题机关“甲县人民政府”与落款机关“甲县卫生局”不一致',
    ],
    [
      'M-09',
      withSections({ 一: '2022年，甲县落实考核、评议、责任追究。2022年全年公开信息。' }),
      {},
      'warning',
      '总体情况部分主要提及2022年，与报告年度2023不符',
    ],
    [
      'M-10',
      withSections({ 五: '无' }),
      {},
      'warning',
      '第五部分“存在的主要问题及改进情况”内容空缺或过于简略（1字）',
    ],
    ['M-11', withSections({ 六: '无。' }), {}, 'info', '第六部分“其他需要报告的事项”仅写“无”'],
  ])('%s', (rule, meta, ctx, severity, message) => {
    expect(warningsOf(rule, base, 'published' in ctx ? { published: '2024-01-25' } : {})).toEqual([]);
    const got = warningsOf(rule, makeReport({}, meta), ctx).filter((w) => w.message === message);
    expect(got.map((w) => w.severity)).toEqual([severity]);
  });
});
