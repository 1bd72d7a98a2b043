import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.ts';
import type { Report, Warning } from '../../src/schema/index.ts';

/** A crawler-saved page: header, then the body flattened onto one line. */
function page(body: string): string {
  const title = '某某县交通运输局2024年度政府信息公开工作年度报告';
  return `标题: ${title}\n发布时间: 2025-01-20 10:00\n==================== 正文 ====================\n${title} 一、总体情况本局依法公开。${body}五、存在的主要问题及改进情况无。六、其他需要报告的事项无。某某县交通运输局 2025年1月20日`;
}

const ACTIVE_HEAD = '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数';
const ACTIVE_TAIL =
  '第二十条第（五）项信息内容本年处理决定数量行政许可45第二十条第（六）项信息内容本年处理决定数量行政处罚12行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0';
const APPLY_ZEROS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）不予公开1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '（四）无法提供1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '（五）不予处理1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];
const APPLY_HEAD =
  '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他';
const LEGAL =
  '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000';

function parse(body: string): { report: Report; warnings: Warning[] } {
  const r = parseReport(page(body), { file: 'flat.txt', sha256: '0' });
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r;
}

/** Table 三 with the given rows' digits (by label index) and 0000000 elsewhere. */
function apply(rows: Record<number, string> = {}): string {
  return APPLY_HEAD + APPLY_ZEROS.map((l, i) => `${l}${rows[i] ?? '0000000'}`).join('');
}

describe('flattened table 二', () => {
  it('leaves the regulation fields null when a bureau prints no 规章 row, never shifted', () => {
    const { report, warnings } = parse(`${ACTIVE_HEAD}行政规范性文件303${ACTIVE_TAIL}${apply()}${LEGAL}`);
    expect(report.values['active.regulation.issued']).toBeNull();
    expect(report.values['active.regulation.repealed']).toBeNull();
    expect(report.values['active.regulation.in_force']).toBeNull();
    expect(report.values['active.normative_doc.issued']).toBe(3);
    expect(report.values['active.normative_doc.repealed']).toBe(0);
    expect(report.values['active.normative_doc.in_force']).toBe(3);
    expect(report.values['active.license']).toBe(45);
    expect(report.values['active.penalty']).toBe(12);
    expect(
      warnings.some((w) => w.fields.includes('active.regulation.issued') && /未印“规章”行/.test(w.message)),
    ).toBe(true);
  });

  it('splits a triple by the prose (制发规范性文件62件), and says so', () => {
    const prose = '本年制发规范性文件62件，废止33件。';
    const { report, warnings } = parse(
      `${prose}${ACTIVE_HEAD}规章000行政规范性文件6233440${ACTIVE_TAIL}${apply()}${LEGAL}`,
    );
    expect(report.values['active.normative_doc.issued']).toBe(62);
    expect(report.values['active.normative_doc.repealed']).toBe(33);
    expect(report.values['active.normative_doc.in_force']).toBe(440);
    expect(warnings.find((w) => w.rule === 'PW-05' && /依据正文/.test(w.message))?.message).toContain(
      '制发规范性文件62件',
    );
  });

  it('leaves an unsettled triple null with every reading listed', () => {
    const { report, warnings } = parse(
      `${ACTIVE_HEAD}规章000行政规范性文件3123${ACTIVE_TAIL}${apply()}${LEGAL}`,
    );
    expect(report.values['active.normative_doc.issued']).toBe(3);
    expect(report.values['active.normative_doc.repealed']).toBeNull();
    expect(report.values['active.normative_doc.in_force']).toBeNull();
    const w = warnings.find((x) => x.rule === 'PW-05' && x.readings);
    expect(w?.readings).toEqual([
      {
        'active.normative_doc.issued': 3,
        'active.normative_doc.repealed': 1,
        'active.normative_doc.in_force': 23,
      },
      {
        'active.normative_doc.issued': 3,
        'active.normative_doc.repealed': 12,
        'active.normative_doc.in_force': 3,
      },
    ]);
  });
});

describe('flattened table 三', () => {
  it('settles a row the row sum leaves open by the column sums', () => {
    // 予以公开 110000011 is 11|0…|11 or 1|10|…|11; the spaced 新收 and 总计 rows say 自然人 11
    const { report } = parse(
      `${ACTIVE_HEAD}规章000${ACTIVE_TAIL}${apply({ 0: '11 0 0 0 0 0 11', 2: '110000011', 23: '11 0 0 0 0 0 11' })}${LEGAL}`,
    );
    expect(report.values['apply.granted.natural']).toBe(11);
    expect(report.values['apply.granted.org_commercial']).toBe(0);
    expect(report.values['apply.granted.total']).toBe(11);
  });

  it('leaves cells null and lists the readings when the columns cannot decide either', () => {
    // every row glued alike: 11|0 or 1|10 in all three keeps every sum
    const { report, warnings } = parse(
      `${ACTIVE_HEAD}规章000${ACTIVE_TAIL}${apply({ 0: '110000011', 2: '110000011', 23: '110000011' })}${LEGAL}`,
    );
    expect(report.values['apply.granted.natural']).toBeNull();
    expect(report.values['apply.granted.org_commercial']).toBeNull();
    expect(report.values['apply.granted.org_research']).toBe(0);
    expect(report.values['apply.granted.total']).toBe(11);
    const w = warnings.find((x) => x.rule === 'PW-05' && x.fields.includes('apply.granted.natural'));
    expect(w?.readings?.map((r) => r['apply.granted.natural']).sort()).toEqual([1, 11]);
  });

  it('reads a row printed with a cell fewer than its columns without shifting it left', () => {
    const { report, warnings } = parse(
      `${ACTIVE_HEAD}规章000${ACTIVE_TAIL}${apply({ 2: '0 0 0 0 0 0' })}${LEGAL}`,
    );
    // whichever cell was dropped, the row sum makes it 0
    for (const c of ['natural', 'org_commercial', 'total'])
      expect(report.values[`apply.granted.${c}`]).toBe(0);
    expect(warnings.some((w) => w.rule === 'PW-01' && w.fields.includes('apply.granted.total'))).toBe(true);
  });
});

describe('parts of a flattened page', () => {
  it('finds the six headings inside the long line', () => {
    const { report } = parse(`${ACTIVE_HEAD}规章000${ACTIVE_TAIL}${apply()}${LEGAL}`);
    expect(Object.keys(report.text?.sections ?? {}).sort()).toEqual(
      ['一', '三', '二', '五', '六', '四'].sort(),
    );
    expect(report.text?.sections?.五).toBe('无。');
  });
});

describe('where the tables are', () => {
  it('skips 第二十条 and 制发 in the prose and finds tables after long prose', () => {
    const prose = `依据《条例》第二十条规定，本局制发文件。${'本局持续推进政务公开工作，'.repeat(1500)}`;
    const { report } = parse(
      `${prose}${ACTIVE_HEAD}规章000行政规范性文件303${ACTIVE_TAIL}${apply({ 0: '21710000218', 2: '21710000218', 23: '21710000218' })}${LEGAL}`,
    );
    expect(report.values['active.normative_doc.in_force']).toBe(3);
    expect(report.values['active.license']).toBe(45);
    expect(report.values['apply.new_received.total']).toBe(218);
    expect(report.values['legal.review.total']).toBe(0);
  });
});

describe('missing tables', () => {
  it('keeps a missing table 四 null and says so', () => {
    const { report, warnings } = parse(`${ACTIVE_HEAD}规章000${ACTIVE_TAIL}${apply()}`);
    expect(report.values['legal.review.total']).toBeNull();
    expect(report.values['apply.results_total.total']).toBe(0);
    const w = warnings.find((x) => x.rule === 'PW-10');
    expect(w?.message).toBe('未找到表四（行政复议、行政诉讼），其数值暂缺');
    expect(w?.fields).toHaveLength(15);
  });

  it('keeps a missing table 二 null and reads the others', () => {
    const { report, warnings } = parse(
      `${apply({ 0: '21710000218', 2: '21710000218', 23: '21710000218' })}${LEGAL}`,
    );
    expect(report.values['active.license']).toBeNull();
    expect(report.values['apply.new_received.natural']).toBe(217);
    expect(report.values['apply.new_received.org_commercial']).toBe(1);
    expect(report.values['apply.new_received.total']).toBe(218);
    expect(report.values['legal.review.total']).toBe(0);
    expect(warnings.filter((x) => x.rule === 'PW-10').map((x) => x.message)).toEqual([
      '未找到表二（主动公开），其数值暂缺',
    ]);
  });
});
