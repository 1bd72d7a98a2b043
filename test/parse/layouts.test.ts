import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.ts';
import { APPLY_ROWS } from '../../src/schema/index.ts';

/** Official row labels as printed, one per table 三 row (group labels folded in where reports put them). */
const PRINTED: Record<string, string> = {
  new_received: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  granted: '三、本年度办理结果 （一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied_state_secret: '（三）不予公开 1.属于国家秘密',
  denied_law_prohibited: '2.其他法律行政法规禁止公开',
  denied_security_stability: '3.危及“三安全一稳定”',
  denied_third_party: '4.保护第三方合法权益',
  denied_internal_affairs: '5.属于三类内部事务信息',
  denied_process_info: '6.属于四类过程性信息',
  denied_enforcement_file: '7.属于行政执法案卷',
  denied_admin_query: '8.属于行政查询事项',
  unable_not_held: '（四）无法提供 1.本机关不掌握相关政府信息',
  unable_needs_creation: '2.没有现成信息需要另行制作',
  unable_unclear: '3.补正后申请内容仍不明确',
  np_petition: '（五）不予处理 1.信访举报投诉类申请',
  np_duplicate: '2.重复申请',
  np_publication: '3.要求提供公开出版物',
  np_excessive: '4.无正当理由大量反复申请',
  np_confirm_reissue: '5.要求行政机关确认或重新出具已获取信息',
  other_no_correction: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_fee_unpaid: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_other: '3.其他',
  results_total: '（七）总计',
  carried_out: '四、结转下年度继续办理',
};

/** A consistent table 三: 10 new (8 natural + 2 commercial), 1 carried in, results 9, 2 carried out. */
const ROWS: Record<string, number[]> = Object.fromEntries(
  APPLY_ROWS.map((r) => [r.id, [0, 0, 0, 0, 0, 0, 0]]),
);
Object.assign(ROWS, {
  new_received: [8, 2, 0, 0, 0, 0, 10],
  carried_in: [1, 0, 0, 0, 0, 0, 1],
  granted: [5, 1, 0, 0, 0, 0, 6],
  unable_not_held: [2, 0, 0, 0, 0, 0, 2],
  np_petition: [1, 0, 0, 0, 0, 0, 1],
  results_total: [8, 1, 0, 0, 0, 0, 9],
  carried_out: [1, 1, 0, 0, 0, 0, 2],
});

interface Build {
  sep?: string;
  rows?: Record<string, string>;
  legal?: string;
  omit?: string[];
  active?: string;
  title?: string;
}

function buildReport(opts: Build = {}): string {
  const sep = opts.sep ?? ' ';
  const table3 = APPLY_ROWS.filter((r) => !opts.omit?.includes(r.id)).map(
    (r) => opts.rows?.[r.id] ?? `${PRINTED[r.id]}${sep}${ROWS[r.id]!.join(sep)}`,
  );
  return [
    opts.title ?? '某某县人民政府2023年政府信息公开工作年度报告',
    '本报告统计期限自2023年1月1日起至2023年12月31日止。',
    '一、总体情况',
    '2023年，我县认真贯彻落实《条例》。',
    '二、主动公开政府信息情况',
    opts.active ??
      [
        '信息内容 本年制发件数 本年废止件数 现行有效件数',
        '规章 0 0 0',
        '行政规范性文件 3 1 40',
        '行政许可 1,234',
        '行政处罚 56',
        '行政强制 7',
        '信息内容 本年收费金额（单位：万元）',
        '行政事业性收费 12.5',
      ].join('\n'),
    '三、收到和处理政府信息公开申请情况',
    '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
    ...table3,
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 行政诉讼',
    '结果维持 结果纠正 其他结果 尚未审结 总计',
    opts.legal ?? '1 0 0 1 2 0 0 0 0 0 1 0 0 0 1',
    '五、存在的主要问题及改进情况',
    '一是公开质量有待提升。针对上年度问题已整改。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '某某县人民政府办公室',
    '2024年1月20日',
  ].join('\n');
}

function parse(text: string) {
  const r = parseReport(text, { file: 'synthetic.txt', sha256: 'x' });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

const row = (values: Record<string, number | null>, id: string) =>
  [
    'natural',
    'org_commercial',
    'org_research',
    'org_public_welfare',
    'org_legal_service',
    'org_other',
    'total',
  ].map((c) => values[`apply.${id}.${c}`]);

describe('table 三 layouts', () => {
  it.each([
    ['space-separated', ' '],
    ['tab-separated', '\t'],
    ['wide spacing', '    '],
  ])('reads every row exactly (%s)', (_name, sep) => {
    const { report } = parse(buildReport({ sep }));
    for (const r of APPLY_ROWS) expect(row(report.values, r.id)).toEqual(ROWS[r.id]);
    expect(report.blanks).toEqual([]);
  });

  it.each([
    [
      '政务公开申请 wording',
      'new_received',
      '一、本年新收政务公开申请数量 8 2 0 0 0 0 10',
      [8, 2, 0, 0, 0, 0, 10],
    ],
    ['variant glyph 査', 'denied_admin_query', '8.属于行政査询事项 0 0 0 0 0 0 0', [0, 0, 0, 0, 0, 0, 0]],
    [
      'traditional characters',
      'new_received',
      '一、本年新收政府資訊公開申請數量 8 2 0 0 0 0 10',
      [8, 2, 0, 0, 0, 0, 10],
    ],
    ['full-width digits', 'granted', '（一）予以公开 ５ １ ０ ０ ０ ０ ６', [5, 1, 0, 0, 0, 0, 6]],
    [
      'Kangxi radical 一',
      'new_received',
      '\u2f00、本年新收政府信息公开申请数量 8 2 0 0 0 0 10',
      [8, 2, 0, 0, 0, 0, 10],
    ],
    [
      'spaces inside the label',
      'np_excessive',
      '4.无正当理由大量反复 申请 0 0 0 0 0 0 0',
      [0, 0, 0, 0, 0, 0, 0],
    ],
    ['8 numbers with an org subtotal', 'granted', '（一）予以公开 5 1 1 0 0 0 0 6', [5, 1, 0, 0, 0, 0, 6]],
    [
      'blank cells vanished (row sum resolves)',
      'carried_in',
      '二、上年结转政府信息公开申请数量 1 1',
      [1, 0, 0, 0, 0, 0, 1],
    ],
  ])('label variant: %s', (_name, id, line, want) => {
    const { report } = parse(buildReport({ rows: { [id]: line } }));
    expect(row(report.values, id)).toEqual(want);
  });

  it('notes the 政务公开申请 wording as a label variant (F-05)', () => {
    const line = '一、本年新收政务公开申请数量 8 2 0 0 0 0 10';
    const { warnings } = parse(buildReport({ rows: { new_received: line } }));
    expect(warnings.find((w) => w.rule === 'F-05')?.message).toBe(
      '表格标签“一、本年新收政务公开申请数量”非标准写法，已按“一、本年新收政府信息公开申请数量”识别',
    );
  });

  it('keeps blank tab cells as 0 and lists them in blanks', () => {
    const { report } = parse(
      buildReport({ sep: '\t', rows: { carried_in: `${PRINTED.carried_in}\t1\t\t\t\t\t\t1` } }),
    );
    expect(row(report.values, 'carried_in')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.blanks).toEqual([
      'apply.carried_in.org_commercial',
      'apply.carried_in.org_research',
      'apply.carried_in.org_public_welfare',
      'apply.carried_in.org_legal_service',
      'apply.carried_in.org_other',
    ]);
  });

  it('reads a wrapped label whose numbers sit on the next line', () => {
    const partial = '（二）部分公开（区分处理的，只计这一\n情形，不计其他情形）\n0 0 0 0 0 0 0';
    const { report } = parse(buildReport({ rows: { partial } }));
    expect(row(report.values, 'partial')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(report.values, 'denied_state_secret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('puts a single （六）其他处理 row in other_other and leaves its sub-rows null', () => {
    const { report } = parse(
      buildReport({
        omit: ['other_fee_unpaid', 'other_other'],
        rows: { other_no_correction: '（六）其他处理 0 0 0 0 0 0 0' },
      }),
    );
    expect(row(report.values, 'other_other')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(report.values, 'other_no_correction')).toEqual([null, null, null, null, null, null, null]);
    expect(row(report.values, 'other_fee_unpaid')).toEqual([null, null, null, null, null, null, null]);
    expect(row(report.values, 'results_total')).toEqual(ROWS.results_total);
  });

  it('leaves a row the report lacks as null (2019 layout without 确认或重新出具)', () => {
    const { report } = parse(buildReport({ omit: ['np_confirm_reissue'] }));
    expect(row(report.values, 'np_confirm_reissue')).toEqual([null, null, null, null, null, null, null]);
    expect(row(report.values, 'other_no_correction')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('uses the default alignment and warns when the row sum cannot decide', () => {
    const { report, warnings } = parse(buildReport({ rows: { granted: '（一）予以公开 5 1 6' } }));
    expect(row(report.values, 'granted')).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(warnings).toContainEqual(expect.objectContaining({ rule: 'PW-01', severity: 'warning' }));
  });
});

describe('table 四 layouts', () => {
  it.each([
    ['15 numbers', '1 0 0 1 2 0 0 0 0 0 1 0 0 0 1', [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1], undefined],
    [
      'tab cells with blanks',
      '1\t\t\t1\t2\t\t\t\t\t\t1\t\t\t\t1',
      [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
      undefined,
    ],
    [
      '16 numbers resolved by group sums',
      '5 0 0 1 6 0 0 0 0 0 0 0 0 0 1 1',
      [5, 0, 0, 1, 6, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
      'PW-03',
    ],
  ])('%s', (_name, legal, want, rule) => {
    const { report, warnings } = parse(buildReport({ legal }));
    const got = ['review', 'suit_direct', 'suit_after_review'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => report.values[`legal.${g}.${c}`]),
    );
    expect(got).toEqual(want);
    if (rule) expect(warnings.map((w) => w.rule)).toContain(rule);
  });
});

describe('table 二 and metadata', () => {
  it('reads table 二 with grouped numbers and decimals', () => {
    const { report } = parse(buildReport());
    expect(report.values['active.normative_doc.in_force']).toBe(40);
    expect(report.values['active.license']).toBe(1234);
    expect(report.values['active.admin_fee']).toBe(12.5);
    expect(report.text?.feeUnit).toBe('万元');
  });

  it.each([
    ['agency before the year', '某某县人民政府2023年政府信息公开工作年度报告', '某某县人民政府', 2023],
    ['bare region name', '某某区 2023 年度政府信息公开 工作年度报告', '某某区人民政府', 2023],
    ['department', '某某市教育局2022年度政府信息公开工作报告', '某某市教育局', 2022],
    ['year first', '2023年某某县人民政府信息公开工作年度报告', '某某县人民政府', 2023],
    ['Chinese numeral year', '某某县人民政府二〇二三年政府信息公开工作年度报告', '某某县人民政府', 2023],
  ])('title: %s', (_name, title, agency, year) => {
    const { report } = parse(buildReport({ title }));
    expect(report.agency).toBe(agency);
    expect(report.year).toBe(year);
    expect(report.id).toBe(`${agency}-${year}`);
  });

  it('reads the period, the signature and the kind', () => {
    const { report } = parse(buildReport());
    expect(report.period).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(report.signed).toBe('2024-01-20');
    expect(report.text?.sigAgency).toBe('某某县人民政府办公室');
    expect(report.kind).toBe('gov');
    expect(parse(buildReport({ title: '某某市教育局2022年度政府信息公开工作报告' })).report.kind).toBe(
      'dept',
    );
  });

  it('finds the region of a real place from the division dataset', () => {
    const { report } = parse(buildReport({ title: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告' }));
    expect(report.region).toEqual({ name: '洪泽区', code: '320813', province: '江苏省', city: '淮安市' });
  });
});

describe('region of a town', () => {
  it.each([
    ['太平镇人民政府2022年政府信息公开工作年度报告', null],
    ['城关镇人民政府2023年政府信息公开工作年度报告', null],
    ['化隆县2024年政府信息公开工作年度报告', '630224'],
    ['淮安市洪泽区岔河镇人民政府2023年政府信息公开工作年度报告', '320813'],
  ])('%s → %s', (title, code) => {
    // a shortened division name (太平 of 太平区) before 镇/乡/街道 is the town's own name
    const { report } = parse(buildReport({ title }));
    expect(report.region?.code ?? null).toBe(code);
  });
});

describe('glued cells (PW-05)', () => {
  it('splits a table 三 row whose digits ran together when only one split keeps the row sum', () => {
    const { report, warnings } = parse(buildReport({ rows: { granted: '（一）予以公开 5100006' } }));
    expect(row(report.values, 'granted')).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(warnings).toContainEqual(expect.objectContaining({ rule: 'PW-05' }));
  });

  it('splits a table 二 row glued to its label when only one split is possible', () => {
    const active = [
      '规章000',
      '行政规范性文件 3 1 40',
      '行政许可 5',
      '行政处罚 6',
      '行政强制 7',
      '行政事业性收费 1',
    ].join('\n');
    const { report, warnings } = parse(buildReport({ active }));
    expect(report.values['active.regulation.issued']).toBe(0);
    expect(report.values['active.regulation.repealed']).toBe(0);
    expect(report.values['active.regulation.in_force']).toBe(0);
    expect(warnings.find((w) => w.rule === 'PW-05')?.fields).toEqual([
      'active.regulation.issued',
      'active.regulation.repealed',
      'active.regulation.in_force',
    ]);
  });

  it('never guesses a glued table 二 row that several splits satisfy', () => {
    const active = [
      '规章 0 0 0',
      '行政规范性文件12047',
      '行政许可 5',
      '行政处罚 6',
      '行政强制 7',
      '行政事业性收费 1',
    ].join('\n');
    const { report, warnings } = parse(buildReport({ active }));
    expect(report.values['active.normative_doc.issued']).toBeNull();
    expect(warnings.find((w) => w.rule === 'PW-05')?.message).toContain('无法唯一确定');
  });
});

describe('2019 trial format table 二', () => {
  it('maps 本年新制作数量 / 对外公开总数量 and 处理决定数量, leaving the rest null', () => {
    const active = [
      '信息内容 本年新制作数量 本年新公开数量 对外公开总数量',
      '规章 0 0 2',
      '规范性文件 4 4 31',
      '信息内容 上一年项目数量 本年增/减 处理决定数量',
      '行政许可 12 1 860',
      '行政处罚 9 0 75',
      '行政强制 3 0 6',
      '信息内容 上一年项目数量 本年增/减',
      '行政事业性收费 5 0',
    ].join('\n');
    const { report } = parse(buildReport({ active, title: '某某县人民政府2020年政府信息公开工作年度报告' }));
    expect(report.values['active.normative_doc.issued']).toBe(4);
    expect(report.values['active.normative_doc.repealed']).toBeNull();
    expect(report.values['active.normative_doc.in_force']).toBe(31);
    expect(report.values['active.license']).toBe(860);
    expect(report.values['active.penalty']).toBe(75);
    expect(report.values['active.admin_fee']).toBeNull();
    expect(report.text?.format).toBe('2019trial');
    expect(report.text?.oldLabels).toContain('本年新制作数量');
  });
});

describe('page-break debris (PW-07)', () => {
  it('drops page footers inside table 三 and says so', () => {
    const partial = `${PRINTED.partial} 0 0 0 0 0 0 0\n- 3 -\n第3页 共6页`;
    const { report, warnings } = parse(buildReport({ rows: { partial } }));
    for (const r of APPLY_ROWS) expect(row(report.values, r.id)).toEqual(ROWS[r.id]);
    expect(warnings).toContainEqual(
      expect.objectContaining({ rule: 'PW-07', message: '表三中的页码或重复表头已忽略（2处）' }),
    );
  });
});

describe('title search', () => {
  it.each([
    [
      'a web page header before the title',
      '索引号：11-22 发布日期：2024年01月25日\n某某县人民政府2023年政府信息公开工作年度报告',
      '某某县人民政府',
      2023,
    ],
    [
      '关于 before the year',
      '某某县人民政府办公室关于2023年政府信息公开工作年度报告',
      '某某县人民政府办公室',
      2023,
    ],
    [
      'title on two lines',
      '某某市某某区人民政府\n2024 年政府信息公开工作年度报告',
      '某某市某某区人民政府',
      2024,
    ],
  ])('%s', (_name, title, agency, year) => {
    const { report } = parse(buildReport({ title }));
    expect(report.agency).toBe(agency);
    expect(report.year).toBe(year);
  });
});

describe('printed group subtotals (A-06)', () => {
  it('skips subtotal rows when assigning, and checks them against their sub-rows', () => {
    const { report, warnings } = parse(
      buildReport({
        rows: {
          denied_state_secret: `（三）不予公开 0 0 0 0 0 0 1\n1.属于国家秘密 ${ROWS.denied_state_secret!.join(' ')}`,
          unable_not_held: `（四）无法提供 2 0 0 0 0 0 2\n1.本机关不掌握相关政府信息 ${ROWS.unable_not_held!.join(' ')}`,
          other_no_correction: `（六）其他处理 0 0 0 0 0 0 0\n${PRINTED.other_no_correction!.replace('（六）其他处理 ', '')} 0 0 0 0 0 0 0`,
        },
      }),
    );
    for (const r of APPLY_ROWS) expect(row(report.values, r.id)).toEqual(ROWS[r.id]);
    const a06 = warnings.filter((w) => w.rule === 'A-06');
    expect(a06.map((w) => w.message)).toEqual(['表三“（三）不予公开”小计为1，子项之和为0（总计）']);
    expect(a06[0]!.fields).toHaveLength(8);
  });
});
