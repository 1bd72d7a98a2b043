import { describe, expect, it } from 'vitest';
import { makeItem, makeReport, warningsOf } from './_reports.ts';

describe('family N (prose versus tables)', () => {
  it.each([
    ['N-01', makeItem('apply.new_received.total', 20), 'error', '正文称新收政府信息公开申请20件，表三为12件'],
    [
      'N-01',
      makeItem('apply.new_received.total', 10, { strength: 'weak' }),
      'warning',
      '正文称新收政府信息公开申请10件，表三为12件（与本年新收申请（自然人）一致，可能口径不同）',
    ],
    [
      'N-01',
      makeItem('apply.new_received.total', 13),
      'warning',
      '正文称新收政府信息公开申请13件，表三为12件（与新收与上年结转之和一致，可能口径不同）',
    ],
    ['N-02', makeItem('apply.carried_in.total', 3), 'error', '正文称上年结转3件，表三为1件'],
    [
      'N-03',
      makeItem('apply.results_total.total', 30, { strength: 'weak' }),
      'warning',
      '正文称办结30件，表三办理结果总计为11件',
    ],
    [
      'N-04',
      makeItem('apply.denied_sum.total', 3, { label: '不予公开' }),
      'error',
      '正文称不予公开3件，表三为0件',
    ],
    ['N-05', makeItem('apply.carried_out.total', 1), 'error', '正文称结转下年度1件，表三为2件'],
    [
      'N-06',
      makeItem('legal.review.total', 3, { label: '行政复议' }),
      'error',
      '正文称行政复议3件，表四为2件',
    ],
    [
      'N-07',
      makeItem('active.normative_doc.issued', 12, { label: '制发' }),
      'warning',
      '正文称制发行政规范性文件12件，表二为2件（与本年制发与现行有效之和一致，可能口径不同）',
    ],
    [
      'N-08',
      makeItem('active.regulation.issued', 2, { label: '制定' }),
      'error',
      '正文称制定规章2件，表二为0件',
    ],
    [
      'N-09',
      makeItem('apply.new_received.total', 0, { zeroClaim: true, text: '本年度未收到政府信息公开申请' }),
      'error',
      '正文称“本年度未收到政府信息公开申请”，但表三新收申请为12件',
    ],
    [
      'N-10',
      makeItem('legal.suit.total', 0, { zeroClaim: true, text: '未发生行政诉讼' }),
      'error',
      '正文称“未发生行政诉讼”，但表四行政诉讼总计为1件',
    ],
    [
      'N-11',
      makeItem(null, 125000, { label: '信息处理费', unit: '元' }),
      'warning',
      '正文信息处理费125000元与表二行政事业性收费12.5万元数额相同或异常，疑似混淆',
    ],
    [
      'N-12',
      makeItem(null, 100, { label: '公开率', unit: '%', text: '依申请公开公开率100%' }),
      'info',
      '正文公开率100%与表三推算值81.8%不符',
    ],
    [
      'N-13',
      makeItem(null, 2671, {
        label: '公开信息',
        unit: '条',
        parts: [
          { label: 'a', value: 2000 },
          { label: 'b', value: 593 },
        ],
      }),
      'info',
      '正文“公开信息”合计2671，所列分项之和为2593',
    ],
  ])('%s %#', (rule, item, severity, message) => {
    expect(warningsOf(rule, makeReport())).toEqual([]);
    expect(
      warningsOf(rule, makeReport({}, { narrative: [item] })).map((w) => [w.severity, w.message]),
    ).toEqual([[severity, message]]);
  });

  it.each([
    makeItem('apply.new_received.total', 12),
    makeItem('legal.suit.total', 1),
    makeItem('legal.review.total', 0, { zeroClaim: true }),
    makeItem(null, 3940, { label: '信息处理费', unit: '元' }),
    makeItem(null, 98, { label: '办结率', unit: '%', text: '县长信箱办结率98%' }),
    makeItem(null, 90.2, { label: '公开率', unit: '%', text: '依申请公开和市政府公文主动公开率达90.2%' }),
    makeItem(null, 100, { label: '办结率', unit: '%', text: '全年受理行政许可申请2300件，按时办结率100%' }),
    makeItem(null, 17, {
      parts: [
        { label: 'a', value: 14 },
        { label: 'b', value: 3 },
      ],
    }),
  ])('agreeing item %# gives no N warning', (item) => {
    const ws = warningsOf(
      'N-01',
      makeReport(
        { 'legal.review.total': 0, 'legal.review.upheld': 0, 'legal.review.pending': 0 },
        { narrative: [item] },
      ),
    );
    const all = ['N-06', 'N-10', 'N-11', 'N-12', 'N-13'].flatMap((r) =>
      warningsOf(
        r,
        makeReport(
          { 'legal.review.total': 0, 'legal.review.upheld': 0, 'legal.review.pending': 0 },
          { narrative: [item] },
        ),
      ),
    );
    expect([...ws, ...all]).toEqual([]);
  });

  // clauses of the real reports (test/fixtures/real) that exposed a misfire or a miss
  const blankGranted = { 'apply.granted.total': 0 };
  it.each([
    [
      '其中自然人申请741件 counts the carry-over too: the same column of the workload explains it',
      makeReport(),
      makeItem('apply.new_received.natural', 11, { label: '其中自然人申请' }),
      'N-01',
      'warning',
      '正文称自然人申请11件，表三为10件（与新收与上年结转之和（自然人）一致，可能口径不同）',
    ],
    [
      '予以公开及部分公开258件 against 予以公开 7 + 部分公开 2',
      makeReport(),
      makeItem('apply.disclosed.total', 258, { label: '予以公开及部分公开' }),
      'N-04',
      'error',
      '正文称予以公开及部分公开258件，表三为9件',
    ],
    [
      'a blank 总计 cell whose applicant columns give the stated figure',
      makeReport(blankGranted, { blanks: ['apply.granted.total'] }),
      makeItem('apply.granted.total', 7, { label: '予以公开' }),
      'N-04',
      'warning',
      '正文称予以公开7件，表三为0件（其中1格为空白，按0计）（与自然人与法人或其他组织各栏之和（总计栏空白）一致，可能口径不同）',
    ],
    [
      'a blank 总计 cell whose applicant columns disagree too',
      makeReport(blankGranted, { blanks: ['apply.granted.total'] }),
      makeItem('apply.granted.total', 8, { label: '予以公开' }),
      'N-04',
      'error',
      '正文称予以公开8件，表三为0件（其中1格为空白，按0计）（自然人与法人或其他组织各栏合计7件）',
    ],
  ])('%s', (_, report, item, rule, severity, message) => {
    const got = warningsOf(rule, { ...report, narrative: [item] });
    expect(got.map((w) => [w.severity, w.message])).toEqual([[severity, message]]);
  });

  it('予以公开及部分公开 equal to 予以公开 + 部分公开 gives no warning', () => {
    const item = makeItem('apply.disclosed.total', 9, { label: '予以公开及部分公开' });
    expect(warningsOf('N-04', makeReport({}, { narrative: [item] }))).toEqual([]);
  });

  it('several items for one field give one warning listing every stated value', () => {
    const narrative = [
      makeItem('apply.carried_in.total', 3),
      makeItem('apply.carried_in.total', 4),
      makeItem('apply.carried_in.total', 1),
    ];
    expect(warningsOf('N-02', makeReport({}, { narrative })).map((w) => w.message)).toEqual([
      '正文称上年结转3、4件，表三为1件',
    ]);
  });
});
