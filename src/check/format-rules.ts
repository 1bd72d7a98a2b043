import type { Report } from '../schema/index.ts';
import {
  ACTIVE_DOC_COLS,
  ACTIVE_DOC_ROWS,
  ACTIVE_SINGLE_ROWS,
  APPLY_ROWS,
  getField,
} from '../schema/index.ts';
import { createWarning } from './_emit.ts';
import {
  APPLY_COL_IDS,
  applyRowLabel,
  colName,
  LEGAL_COL_IDS,
  LEGAL_GROUP_IDS,
  readValue,
} from './_values.ts';
import type { Rule } from './context.ts';

const ACTIVE_IDS: readonly string[] = [
  ...ACTIVE_DOC_ROWS.flatMap((r) => ACTIVE_DOC_COLS.map((c) => `active.${r.id}.${c.id}`)),
  ...ACTIVE_SINGLE_ROWS.map((r) => `active.${r.id}`),
];
const LEGAL_IDS: readonly string[] = LEGAL_GROUP_IDS.flatMap((g) =>
  LEGAL_COL_IDS.map((k) => `legal.${g}.${k}`),
);
const rowIds = (row: string): string[] => APPLY_COL_IDS.map((c) => `apply.${row}.${c}`);
const TABLE_IDS: Record<string, readonly string[]> = {
  二: ACTIVE_IDS,
  三: APPLY_ROWS.flatMap((r) => rowIds(r.id)),
  四: LEGAL_IDS,
};
const HEADINGS: Record<string, string> = {
  二: '主动公开政府信息情况',
  三: '收到和处理政府信息公开申请情况',
  四: '政府信息公开行政复议、行政诉讼情况',
};
const FORMAT_NAME: Record<string, string> = {
  '2021': '2021年版',
  '2019trial': '2019年试行',
  pre2019: '2019年以前',
};

const isNull = (report: Report, id: string): boolean => readValue(report, id) === null;

/** Rows that may be wholly absent: the 2019-trial rows, and the two 其他处理 sub-rows when A-12 applies. */
function optionalRows(report: Report): Set<string> {
  const out = new Set<string>();
  const trial = report.text?.format === '2019trial' || report.year < 2021;
  if (trial) for (const r of ['np_confirm_reissue', 'other_no_correction', 'other_fee_unpaid']) out.add(r);
  if (!isNull(report, 'apply.other_other.total')) {
    out.add('other_no_correction');
    out.add('other_fee_unpaid');
  }
  return out;
}

const checkFormat: Rule = (report) => {
  const format = report.text?.format;
  if (!format || format === '2021') return [];
  return [
    createWarning(report, 'F-01', 'info', [], `报告按${FORMAT_NAME[format]}格式识别（${report.year}年度）`),
  ];
};

const checkCurrentFormat: Rule = (report) => {
  const format = report.text?.format;
  if (!format || format === '2021' || report.year < 2021) return [];
  const label = report.text?.oldLabels[0] ?? FORMAT_NAME[format];
  const msg = `${report.year}年度报告仍使用旧格式（发现“${label}”），应使用2021年版格式`;
  return [createWarning(report, 'F-02', 'error', [], msg)];
};

const checkApplyComplete: Rule = (report) => {
  const all = TABLE_IDS.三!;
  if (all.every((id) => isNull(report, id))) return [];
  const optional = optionalRows(report);
  const missing = APPLY_ROWS.flatMap((r) => {
    const ids = rowIds(r.id);
    if (optional.has(r.id) && ids.every((id) => isNull(report, id))) return [];
    return ids.filter((id) => isNull(report, id));
  });
  const first = missing[0];
  if (!first) return [];
  const [, row = '', col = ''] = first.split('.');
  const msg = `表三缺少${missing.length}个单元格（如“${applyRowLabel(row)}—${colName(col)}”），行列不完整`;
  return [createWarning(report, 'F-03', 'error', missing, msg)];
};

/** The 2019 trial and older formats have no 本年废止 column and give no fee amount. */
const OLD_FORMAT_ABSENT = /\.repealed$|^active\.admin_fee$/;

const checkActiveComplete: Rule = (report) => {
  if (ACTIVE_IDS.every((id) => isNull(report, id))) return [];
  const old = report.text !== undefined && report.text.format !== '2021';
  const required = old ? ACTIVE_IDS.filter((id) => !OLD_FORMAT_ABSENT.test(id)) : ACTIVE_IDS;
  return required
    .filter((id) => isNull(report, id))
    .map((id) => {
      const f = getField(id);
      return createWarning(report, 'F-04', 'error', [id], `表二缺少“${f?.row ?? id}”${f?.col ?? ''}数据`);
    });
};

const checkTablesUnderHeadings: Rule = (report) => {
  const sections = report.text?.sections;
  if (!sections) return [];
  return ['二', '三', '四'].flatMap((k) => {
    const ids = TABLE_IDS[k]!;
    if (!(k in sections) || !ids.every((id) => isNull(report, id))) return [];
    return [createWarning(report, 'F-06', 'error', [], `第${k}部分“${HEADINGS[k]}”下未识别到表格数据`)];
  });
};

const checkManyBlanks: Rule = (report) => {
  const apply = report.blanks.filter((f) => f.startsWith('apply.'));
  const legal = report.blanks.filter((f) => f.startsWith('legal.'));
  const out = [];
  if (apply.length > 10) {
    const msg = `表三有${apply.length}个单元格为空白，可能填报不规范或表格未完整提取`;
    out.push(createWarning(report, 'F-07', 'warning', apply, msg));
  }
  if (legal.length > 5) {
    const msg = `表四有${legal.length}个单元格为空白，可能填报不规范或表格未完整提取`;
    out.push(createWarning(report, 'F-07', 'warning', legal, msg));
  }
  return out;
};

/** Family F (docs/rules.md). F-05 comes from the parser; F-08 needs the source layout and is skipped. */
export const FORMAT_RULES: readonly Rule[] = [
  checkFormat,
  checkCurrentFormat,
  checkApplyComplete,
  checkActiveComplete,
  checkTablesUnderHeadings,
  checkManyBlanks,
];
