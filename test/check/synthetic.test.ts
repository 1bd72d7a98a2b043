import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.ts';
import { WarningSchema } from '../../src/schema/index.ts';
import { makeReport } from './_reports.ts';

describe('a fully consistent synthetic report', () => {
  it('yields no warning at all', () => {
    expect(checkReport(makeReport())).toEqual([]);
  });

  it('with its previous year rolled forward still yields none', () => {
    const previous = makeReport(
      { 'active.normative_doc.in_force': 9, 'apply.carried_out.natural': 1, 'apply.carried_out.total': 1 },
      {
        id: '甲县人民政府-2022',
        year: 2022,
        period: { from: '2022-01-01', to: '2022-12-31' },
        signed: '2023-01-20',
      },
    );
    previous.text = { ...previous.text!, sections: { 一: '完全不同的正文内容，用于避免重复率告警。' } };
    expect(checkReport(makeReport(), { previous })).toEqual([]);
  });

  it('every warning of a broken report matches the Warning schema', () => {
    const broken = makeReport({
      'apply.new_received.total': 99,
      'legal.review.total': 7,
      'active.admin_fee': -1,
    });
    const warnings = checkReport(broken);
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(WarningSchema.safeParse(w).success).toBe(true);
  });
});
