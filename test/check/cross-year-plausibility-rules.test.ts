import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/schema/index.ts';
import { makeItem, makeReport, warningsOf } from './_reports.ts';

const prevMeta: Partial<Report> = { id: '甲县人民政府-2022', year: 2022, period: null, signed: '2023-01-20' };
/** Last year's report that rolls forward cleanly into `makeReport()`. */
const prevPatch = {
  'active.normative_doc.in_force': 9,
  'apply.carried_out.natural': 1,
  'apply.carried_out.total': 1,
};
const previousWith = (patch: Record<string, number | null> = {}, meta: Partial<Report> = {}): Report => {
  const p = makeReport({ ...prevPatch, ...patch }, { ...prevMeta, ...meta });
  return {
    ...p,
    text: { ...p.text!, sections: { 一: '去年的总体情况完全不同，内容另写。', 五: '去年的问题另写。' } },
  };
};

describe('family X (cross-year)', () => {
  it.each([
    [
      'X-01',
      { 'apply.carried_out.total': 5 },
      'error',
      '2023年上年结转1件，与2022年报告结转下年度5件不一致（总计）',
    ],
    [
      'X-02',
      { 'active.normative_doc.in_force': 4185 },
      'warning',
      '行政规范性文件现行有效件数未能衔接：上年4185 + 制发2 − 废止1 = 4186，本年为10',
    ],
    [
      'X-03',
      { 'active.regulation.in_force': 15 },
      'warning',
      '规章现行有效件数未能衔接：上年15 + 制发0 − 废止0 = 15，本年为0',
    ],
    [
      'X-04',
      { 'legal.review.pending': 5, 'legal.review.upheld': 0, 'legal.review.total': 5 },
      'info',
      '上年“行政复议”尚未审结5件，本年总计仅2件',
    ],
    ['X-08', { 'active.license': 2000 }, 'warning', '行政许可由2022年2000变为2023年100（0.05倍），波动异常'],
  ])('%s', (rule, patch, severity, message) => {
    expect(warningsOf(rule, makeReport(), { previous: previousWith() })).toEqual([]);
    expect(warningsOf(rule, makeReport(), {})).toEqual([]);
    const got = warningsOf(rule, makeReport(), { previous: previousWith(patch) });
    expect(got.map((w) => [w.severity, w.message])).toEqual([[severity, message]]);
  });

  it('X-01 is lowered one step when the prose mentions 机构改革', () => {
    const previous = previousWith({ 'apply.carried_out.total': 5 });
    const base = makeReport();
    const sections = { ...base.text!.sections, 一: '因机构改革，职能划转至新部门。' };
    const report = makeReport({}, { text: { ...base.text!, sections } });
    expect(warningsOf('X-01', report, { previous }).map((w) => w.severity)).toEqual(['warning']);
  });

  it('X-05/X-06 flag copied prose; X-07 copied tables', () => {
    const current = makeReport();
    const previous = { ...makeReport({}, prevMeta), text: current.text };
    const rules = ['X-05', 'X-06', 'X-07'].map((r) =>
      warningsOf(r, current, { previous }).map((w) => w.severity),
    );
    expect(rules).toEqual([['error'], ['warning'], ['error']]);
  });

  it('X-09 compares versions of the same report in the store', () => {
    const other = makeReport({ 'active.penalty': 51 }, { source: { file: 'b.txt', sha256: 'bbbb' } });
    expect(warningsOf('X-09', makeReport(), { others: [other] }).map((w) => w.message)).toEqual([
      '同一报告存在多个版本，1项数据不一致（如行政处罚：50/51）',
    ]);
    expect(warningsOf('X-09', makeReport(), { others: [makeReport()] })).toEqual([]);
  });
});

const PROVINCE: Partial<Report> = {
  agency: '乙省人民政府',
  region: { name: '乙省', code: '990000', province: '乙省', city: null },
};

describe('family P (plausibility)', () => {
  it.each([
    [
      'P-01',
      Object.fromEntries(Object.keys(makeReport().values).map((f) => [f, 0])),
      PROVINCE,
      '省级以上机关年报三张表数据全部为0',
    ],
    [
      'P-02',
      {
        'apply.new_received.org_commercial': 0,
        'apply.new_received.org_other': 12,
        'apply.new_received.total': 22,
      },
      {},
      '法人或其他组织申请12件全部计入“其他”，未按类型区分',
    ],
    ['P-04', { 'active.admin_fee': 35000 }, {}, '行政事业性收费35000万元为较大整数，请确认单位为万元'],
    [
      'P-05',
      { 'apply.new_received.total': 2 },
      PROVINCE,
      '本级政府年报新收申请仅2件，疑似未反映本行政区域情况',
    ],
    [
      'P-06',
      { 'apply.results_total.total': 25, 'apply.denied_third_party.total': 15 },
      {},
      '不予公开15件，占办理结果的60.0%，比例偏高',
    ],
    ['P-07', { 'apply.partial.total': 60, 'apply.granted.total': 5 }, {}, '部分公开60件，远多于予以公开5件'],
    [
      'P-09',
      { 'legal.review.upheld': 28, 'legal.review.corrected': 12 },
      {},
      '行政复议、诉讼纠错率31.7%（13/41），偏高',
    ],
    [
      'P-10',
      { 'apply.results_total.total': 50, 'apply.granted.total': 8, 'apply.partial.total': 2 },
      {},
      '实质公开率20.0%（予以公开与部分公开合计10/50），偏低',
    ],
  ])('%s', (rule, patch, meta, message) => {
    expect(warningsOf(rule, makeReport())).toEqual([]);
    expect(warningsOf(rule, makeReport(patch, meta)).map((w) => w.message)).toEqual([message]);
  });

  it('P-03 needs a zero licence cell and a prose claim', () => {
    const narrative = [
      makeItem('active.license', 1200, { text: '办理行政许可事项1200件', strength: 'weak' }),
    ];
    expect(warningsOf('P-03', makeReport({}, { narrative }))).toEqual([]);
    expect(
      warningsOf('P-03', makeReport({ 'active.license': 0 }, { narrative })).map((w) => w.message),
    ).toEqual(['表二行政许可处理决定为0，但正文提及“办理行政许可事项1200件”']);
  });

  it('P-08 compares with at least 10 peers of the same year, level and kind', () => {
    const peers = Array.from({ length: 10 }, (_, i) =>
      makeReport({ 'active.penalty': 4000 }, { id: `peer-${i}` }),
    );
    expect(
      warningsOf('P-08', makeReport({ 'active.penalty': 0 }), { others: peers }).map((w) => w.message),
    ).toEqual(['行政处罚为0，而同级同类机关平均为4000']);
    expect(warningsOf('P-08', makeReport({ 'active.penalty': 0 }), { others: peers.slice(1) })).toEqual([]);
  });
});
