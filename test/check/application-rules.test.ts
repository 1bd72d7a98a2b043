import { describe, expect, it } from 'vitest';
import { makeItem, makeReport, warningsOf } from './_reports.ts';

describe('family A (table 三)', () => {
  it.each([
    ['A-00', {}, { blanks: ['apply.carried_in.org_research'] }, 'info'],
    ['A-01', { 'apply.granted.natural': 5.5, 'apply.granted.total': 7.5 }, {}, 'error'],
    ['A-02', { 'apply.new_received.total': 14 }, {}, 'error'],
    ['A-03', { 'apply.results_total.org_commercial': 3, 'apply.results_total.total': 12 }, {}, 'error'],
    ['A-04', { 'apply.carried_out.natural': 3, 'apply.carried_out.total': 3 }, {}, 'error'],
    ['A-05', { 'apply.carried_out.natural': 12, 'apply.carried_out.total': 12 }, {}, 'error'],
    [
      'A-07',
      {
        'apply.new_received.natural': 0,
        'apply.new_received.org_commercial': 0,
        'apply.new_received.total': 0,
        'apply.carried_in.natural': 0,
        'apply.carried_in.total': 0,
      },
      {},
      'error',
    ],
    ['A-08', { 'apply.results_total.total': 100, 'apply.other_other.total': 60 }, {}, 'warning'],
    ['A-09', { 'apply.carried_out.total': 10 }, {}, 'warning'],
    ['A-10', { 'apply.results_total.natural': 12 }, {}, 'error'],
    [
      'A-12',
      { 'apply.other_no_correction.total': null, 'apply.other_fee_unpaid.total': null },
      {},
      'warning',
    ],
  ])('%s fires on a violating report and not on the clean one', (rule, patch, meta, severity) => {
    expect(warningsOf(rule, makeReport())).toEqual([]);
    const got = warningsOf(rule, makeReport(patch, meta));
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]!.severity).toBe(severity);
  });

  it('A-11 needs an all-zero table and a prose claim', () => {
    const zeros = Object.fromEntries(
      Object.keys(makeReport().values)
        .filter((f) => f.startsWith('apply.'))
        .map((f) => [f, 0]),
    );
    expect(warningsOf('A-11', makeReport(zeros))).toEqual([]);
    const got = warningsOf(
      'A-11',
      makeReport(zeros, { narrative: [makeItem('apply.new_received.total', 5, { text: '共收到申请5件' })] }),
    );
    expect(got.map((w) => w.message)).toEqual(['表三数据全部为0，但正文称“共收到申请5件”']);
  });

  it.each([
    [
      { 'apply.new_received.total': 14 },
      [],
      '表三“一、本年新收政府信息公开申请数量”行合计不符：自然人10 + 法人或其他组织2 = 12，总计栏为14',
    ],
    [
      { 'apply.carried_in.org_research': 0, 'apply.carried_in.total': 2 },
      ['apply.carried_in.org_research'],
      '表三“二、上年结转政府信息公开申请数量”行合计不符：自然人1 + 法人或其他组织0 = 1，总计栏为2（其中1格为空白，按0计）',
    ],
    [
      { 'apply.granted.natural': 2, 'apply.granted.org_commercial': 0, 'apply.granted.total': 20 },
      [],
      '表三“（一）予以公开”行合计不符：自然人2 + 法人或其他组织0 = 2，总计栏为20；疑似拆格：“（一）予以公开”行自然人的2与商业企业的0可能为同一数20',
    ],
  ])('A-02 message %#', (patch, blanks, message) => {
    const got = warningsOf('A-02', makeReport(patch, { blanks }));
    expect(got[0]?.message).toBe(message);
  });

  it('A-04 lists the four cells of the failing column', () => {
    const [w] = warningsOf('A-04', makeReport({ 'apply.carried_out.total': 3 }));
    expect(w).toEqual({
      rule: 'A-04',
      severity: 'error',
      report: '甲县人民政府-2023',
      fields: [
        'apply.new_received.total',
        'apply.carried_in.total',
        'apply.results_total.total',
        'apply.carried_out.total',
      ],
      message: '勾稽关系不成立（总计）：新收12 + 上年结转1 = 13，办理结果总计11 + 结转下年度3 = 14',
    });
  });

  it('A-03 expands derived group ids into the rows read', () => {
    const [w] = warningsOf('A-03', makeReport({ 'apply.results_total.total': 12 }));
    expect(w?.fields).toContain('apply.denied_admin_query.total');
    expect(w?.fields).toContain('apply.other_fee_unpaid.total');
    expect(w?.message).toBe('办理结果总计不符（总计）：各办理结果之和为11，（七）总计为12');
  });
});
