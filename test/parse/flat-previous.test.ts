import { describe, expect, it } from 'vitest';
import { applyPreviousYear, parseReport } from '../../src/parse/index.ts';
import type { Report, Warning } from '../../src/schema/index.ts';

function flatPage(year: number, docRow: string): { report: Report; warnings: Warning[] } {
  const title = `某某县教育局${year}年度政府信息公开工作年度报告`;
  const zeros = '0000000';
  const text = [
    `标题: ${title}`,
    '==================== 正文 ====================',
    `${title} 一、总体情况本局依法公开。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件${docRow}第二十条第（五）项信息内容本年处理决定数量行政许可3` +
      `三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量${zeros}二、上年结转政府信息公开申请数量${zeros}三、本年度办理结果（一）予以公开${zeros}（七）总计${zeros}四、结转下年度继续办理${zeros}` +
      `四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计000000000000000五、存在的主要问题及改进情况无。`,
  ].join('\n');
  const r = parseReport(text, { file: `${year}.txt`, sha256: '0' });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('the previous-year cue for a glued table 二 triple', () => {
  it('settles 4351 as 4|3|51 from last year’s 50 in force, and names the cue', () => {
    const prev = flatPage(2023, '3 0 50').report;
    expect(prev.values['active.normative_doc.in_force']).toBe(50);
    const { report, warnings } = flatPage(2024, '4351');
    expect(report.values['active.normative_doc.repealed']).toBeNull();
    const open = warnings.find((w) => w.rule === 'PW-05' && w.readings);
    expect(open?.readings?.map((r) => r['active.normative_doc.in_force']).sort()).toEqual([1, 51]);

    const after = applyPreviousYear(report, warnings, prev);
    expect(report.values['active.normative_doc.issued']).toBe(4);
    expect(report.values['active.normative_doc.repealed']).toBe(3);
    expect(report.values['active.normative_doc.in_force']).toBe(51);
    const cue = after.find((w) => w.rule === 'PW-05' && w.fields.includes('active.normative_doc.issued'));
    expect(cue?.message).toBe(
      '表二“规范性文件”行粘连数字依据同一机关上年（2023年）现行有效件数50拆分为4|3|51（50+4−3=51）',
    );
    expect(cue?.readings).toBeUndefined();
  });

  it('leaves the cells null when last year’s stock fits no reading or none is held', () => {
    const { report, warnings } = flatPage(2024, '4351');
    expect(applyPreviousYear(report, warnings, flatPage(2023, '3 0 70').report)).toEqual(warnings);
    expect(applyPreviousYear(report, warnings, undefined)).toEqual(warnings);
    expect(report.values['active.normative_doc.in_force']).toBeNull();
  });
});
