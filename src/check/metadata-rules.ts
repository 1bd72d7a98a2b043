import type { Report, Severity } from '../schema/index.ts';
import { createWarning } from './_emit.ts';
import { deriveLevel } from './_level.ts';
import type { Rule } from './context.ts';

const HEADINGS: readonly [string, string][] = [
  ['一', '总体情况'],
  ['二', '主动公开政府信息情况'],
  ['三', '收到和处理政府信息公开申请情况'],
  ['四', '政府信息公开行政复议、行政诉讼情况'],
  ['五', '存在的主要问题及改进情况'],
  ['六', '其他需要报告的事项'],
];

/** Adds days to an ISO date, staying in ISO. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const strip = (s: string): string => s.replace(/[\s。.，,；;：:]/g, '');

const checkPeriod: Rule = (report) => {
  const p = report.period;
  const Y = report.year;
  if (!p || (p.from === `${Y}-01-01` && p.to === `${Y}-12-31`)) return [];
  const msg = `统计期限为${p.from}至${p.to}，应为${Y}年1月1日至12月31日`;
  return [createWarning(report, 'M-01', 'error', [], msg)];
};

const checkDeadline: Rule = (report, ctx) => {
  // the publish date: given by the caller, or read from the page (a crawler header's 发布时间)
  const published = ctx.published ?? report.published ?? null;
  const d = published ?? report.signed;
  if (!d) return [];
  const township = deriveLevel(report) === 'township';
  const D = report.kind === 'dept' && !township ? `${report.year + 1}-01-31` : `${report.year + 1}-03-31`;
  if (d <= D) return [];
  const severity: Severity = township ? 'info' : d > addDays(D, 30) ? 'error' : 'warning';
  const kind = published ? '发布日期' : '落款日期';
  return [createWarning(report, 'M-02', severity, [], `${kind}${d}晚于法定发布时限${D}`)];
};

const checkSignature: Rule = (report, ctx) => {
  const s = report.signed;
  if (!s) return [createWarning(report, 'M-03', 'warning', [], '报告未标注落款日期')];
  const Y1 = report.year + 1;
  const published = ctx.published ?? report.published ?? null;
  if (s.startsWith(`${Y1}-`) && (published === null || s <= published)) return [];
  return [createWarning(report, 'M-03', 'error', [], `落款日期${s}不合理：应在${Y1}年内且不晚于发布日期`)];
};

/** M-04 keywords (docs/rules.md), looked for in numbered heading lines. */
const KEYWORDS: Record<string, string> = {
  一: '总体情况',
  二: '主动公开政府信息',
  三: '收到和处理政府信息公开申请',
  四: '行政复议、行政诉讼',
  五: '存在的主要问题及改进情况',
  六: '其他需要报告的事项',
};

/** Short lines opening with a numeral such as 三、: a report with its own numbering has its parts there. */
function headingLines(sections: Record<string, string>): string[] {
  const out: string[] = [];
  for (const text of Object.values(sections))
    for (const line of text.split('\n')) {
      const t = line.replace(/\s/g, '');
      if (t.length <= 40 && /^[一二三四五六七八九十]+[、.．]/.test(t)) out.push(t);
    }
  return out;
}

const checkParts: Rule = (report) => {
  const sections = report.text?.sections;
  if (!sections) return [];
  const missing = HEADINGS.filter(([k]) => !(k in sections));
  if (missing.length === 0) return [];
  const lines = headingLines(sections);
  return missing
    .filter(([k]) => !lines.some((l) => l.includes(KEYWORDS[k]!)))
    .map(([k, h]) => createWarning(report, 'M-04', 'error', [], `报告缺少第${k}部分“${h}”`));
};

const checkAssessment: Rule = (report) => {
  const s = report.text?.sections;
  if (!s || report.kind !== 'gov') return [];
  const prose = `${s.一 ?? ''}${s.五 ?? ''}`;
  const missing = ['考核', '评议', '责任追究'].filter((w) => !prose.includes(w));
  if (missing.length === 0) return [];
  const msg = `政府年度报告未说明工作考核、社会评议和责任追究结果情况（缺“${missing.join('、')}”）`;
  return [createWarning(report, 'M-05', 'warning', [], msg)];
};

/** 信息处理费, also worded 信息公开处理费 or 政府信息公开未发生收费情况. */
const PROCESSING_FEE = /处理费|信息公开[^。；]{0,10}收费/;

const checkProcessingFee: Rule = (report) => {
  const six = report.text?.sections?.六;
  if (six === undefined || PROCESSING_FEE.test(six)) return [];
  return [createWarning(report, 'M-06', 'info', [], '第六部分未说明信息处理费收取情况')];
};

const checkFollowUp: Rule = (report) => {
  const five = report.text?.sections?.五;
  if (five === undefined || /整改|上年度|上一年度|上年/.test(five)) return [];
  return [createWarning(report, 'M-07', 'info', [], '第五部分未说明上年度问题的整改情况')];
};

/** Normalised body name: no whitespace; a government's 办公室/办公厅 stands for it. */
const normName = (s: string): string => s.replace(/\s/g, '');

const checkSignatureAgency: Rule = (report) => {
  const sig = report.text?.sigAgency;
  if (!sig) return [];
  const a = normName(report.agency);
  const b = normName(sig);
  const ok = a === b || (report.kind === 'gov' && (b === `${a}办公室` || b === `${a}办公厅`));
  if (ok) return [];
  return [createWarning(report, 'M-08', 'warning', [], `标题机关“${report.agency}”与落款机关“${sig}”不一致`)];
};

const checkOverviewYear: Rule = (report) => {
  const one = report.text?.sections?.一;
  if (!one) return [];
  const counts = new Map<number, number>();
  for (const m of one.matchAll(/((?:19|20)\d{2})\s*年(?!度报告)/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const top = [...counts].sort((x, y) => y[1] - x[1] || (x[0] === report.year ? -1 : 1))[0];
  if (!top || top[0] === report.year) return [];
  return [
    createWarning(
      report,
      'M-09',
      'warning',
      [],
      `总体情况部分主要提及${top[0]}年，与报告年度${report.year}不符`,
    ),
  ];
};

const checkProblemsPart: Rule = (report) => {
  const five = report.text?.sections?.五;
  if (five === undefined) return [];
  const body = strip(five);
  if (body.length >= 10 && body !== '无') return [];
  const msg = `第五部分“存在的主要问题及改进情况”内容空缺或过于简略（${body.length}字）`;
  return [createWarning(report, 'M-10', 'warning', [], msg)];
};

/** Part 六 ends the report: its text may carry the signature block (body, date) after the prose. */
function withoutSignature(report: Report, six: string): string {
  const lines = six.split('\n');
  const sig = normName(report.text?.sigAgency ?? '');
  const isSignature = (l: string) => {
    const t = normName(l).replace(/^[（(]|[）)]$/g, '');
    return (
      t === '' ||
      (sig !== '' && t === sig) ||
      /^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月[\d〇零一二三四五六七八九十]{1,3}日$/.test(
        t,
      )
    );
  };
  while (lines.length > 0 && isSignature(lines.at(-1)!)) lines.pop();
  return lines.join('\n');
}

const checkOtherPart: Rule = (report) => {
  const six = report.text?.sections?.六;
  if (six === undefined || !['', '无', '无其他需要报告的事项'].includes(strip(withoutSignature(report, six))))
    return [];
  return [createWarning(report, 'M-11', 'info', [], '第六部分“其他需要报告的事项”仅写“无”')];
};

/** Family M: metadata and completeness (docs/rules.md). */
export const METADATA_RULES: readonly Rule[] = [
  checkPeriod,
  checkDeadline,
  checkSignature,
  checkParts,
  checkAssessment,
  checkProcessingFee,
  checkFollowUp,
  checkSignatureAgency,
  checkOverviewYear,
  checkProblemsPart,
  checkOtherPart,
];
