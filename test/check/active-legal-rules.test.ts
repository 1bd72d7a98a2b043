import { describe, expect, it } from 'vitest';
import { makeReport, warningsOf } from './_reports.ts';

const PREFECTURE = {
  region: { name: '丙市', code: '990100', province: '乙省', city: '丙市' },
  agency: '丙市人民政府',
};

describe('family B (table 二)', () => {
  it.each([
    ['B-01', { 'active.license': 3.5 }, {}, 'error', '表二“行政许可”本年处理决定数量数值3.5不是非负整数'],
    ['B-02', { 'active.admin_fee': -12 }, {}, 'error', '行政事业性收费金额-12万元为负数'],
    [
      'B-03',
      {
        'active.normative_doc.issued': 5,
        'active.normative_doc.repealed': 0,
        'active.normative_doc.in_force': 0,
      },
      {},
      'warning',
      '行政规范性文件现行有效0件，少于本年制发5件减本年废止0件',
    ],
    [
      'B-04',
      { 'active.regulation.issued': 1, 'active.regulation.in_force': 9 },
      {},
      'warning',
      '县乡两级机关无规章制定权，但表二填报规章本年制发1件、废止0件',
    ],
    [
      'B-06',
      { 'active.admin_fee': 2356000 },
      {},
      'warning',
      '行政事业性收费2356000万元（约235.6亿元），对该级机关明显偏大，疑似以元填报',
    ],
    [
      'B-07',
      { 'active.admin_fee': 0.012345 },
      {},
      'info',
      '收费金额0.012345万元小数位超过4位，疑似单位换算错误',
    ],
  ])('%s', (rule, patch, meta, severity, message) => {
    expect(warningsOf(rule, makeReport())).toEqual([]);
    expect(warningsOf(rule, makeReport(patch, meta)).map((w) => [w.severity, w.message])).toEqual([
      [severity, message],
    ]);
  });

  it('B-04 does not apply to a prefecture', () => {
    expect(warningsOf('B-04', makeReport({ 'active.regulation.issued': 1 }, PREFECTURE))).toEqual([]);
  });

  it('B-05 reads the fee unit from the report text', () => {
    const base = makeReport();
    const report = makeReport({}, { text: { ...base.text!, feeUnit: '元' } });
    expect(warningsOf('B-05', report).map((w) => w.message)).toEqual([
      '行政事业性收费金额单位应为万元，报告写作“元”',
    ]);
  });
});

describe('family C (table 四)', () => {
  it.each([
    [
      'C-01',
      {
        'legal.review.upheld': 10,
        'legal.review.corrected': 1,
        'legal.review.pending': 0,
        'legal.review.total': 0,
      },
      'error',
      '表四“行政复议”总计为0，维持10 + 纠正1 + 其他0 + 尚未审结0 = 11',
    ],
    [
      'C-02',
      { 'legal.review.pending': -1, 'legal.review.total': 0 },
      'error',
      '表四“行政复议—尚未审结”数值-1不是非负整数',
    ],
    [
      'C-04',
      { 'legal.review.upheld': 40, 'legal.review.pending': 0, 'legal.review.total': 40 },
      'warning',
      '行政复议与直接起诉合计41件，超过本年依申请办理量13件',
    ],
    [
      'C-05',
      { 'legal.suit_after_review.total': null },
      'error',
      '表四应有15个数值，实际识别14个，无法逐格对应',
    ],
    [
      'C-06',
      {
        'legal.review.upheld': 2,
        'legal.review.corrected': 1,
        'legal.review.pending': 3,
        'legal.review.total': 3,
      },
      'error',
      '表四“行政复议”总计3未计入尚未审结3件（总计应含尚未审结）',
    ],
  ])('%s', (rule, patch, severity, message) => {
    expect(warningsOf(rule, makeReport())).toEqual([]);
    expect(warningsOf(rule, makeReport(patch)).map((w) => [w.severity, w.message])).toEqual([
      [severity, message],
    ]);
  });

  it('C-06 replaces C-01 for its group', () => {
    const r = makeReport({ 'legal.review.upheld': 2, 'legal.review.corrected': 1, 'legal.review.total': 3 });
    expect(warningsOf('C-01', r)).toEqual([]);
  });

  it.each([
    [undefined, 'info'],
    [
      makeReport(
        { 'legal.review.total': 0, 'legal.review.upheld': 0, 'legal.review.pending': 0 },
        { year: 2022 },
      ),
      'warning',
    ],
  ])('C-03 with previous %# → %s', (previous, severity) => {
    const patch = {
      'legal.review.total': 0,
      'legal.review.upheld': 0,
      'legal.review.pending': 0,
      'legal.suit_after_review.upheld': 1,
      'legal.suit_after_review.total': 1,
    };
    expect(warningsOf('C-03', makeReport(patch), { previous }).map((w) => w.severity)).toEqual([severity]);
    expect(warningsOf('C-03', makeReport(), { previous })).toEqual([]);
  });
});
