/**
 * Renders a gold record's three tables the way real extractors print them (tab grids, pdftotext
 * with and without -layout, HTML-to-text, markdown), inside a minimal report body.
 */
import { APPLY_COLS, APPLY_ROWS, LEGAL_COLS, LEGAL_GROUPS } from '../../src/schema/index.ts';

export interface GoldTables {
  agency: string;
  year: number;
  values: Record<string, number | null>;
}

/** A cell as printed: a number, or blank (''). */
type Cell = number | '';

interface ApplyRow {
  /** Field-id stem (`apply.<row>`) whose seven values the row prints. */
  id: string;
  /** 三、本年度办理结果 on the first result row. */
  top?: string;
  /** （三）不予公开 … on the first row of a group. */
  group?: string;
  label: string;
  cells: Cell[];
  fields: string[];
}

export interface RenderOptions {
  /** Zero cells printed blank instead of `0`: in all three tables, or in table 三 only. */
  blankZeros?: 'all' | 'apply';
  /** Table 三 with the 法人或其他组织 subtotal column (8 values a row). */
  orgSubtotal?: boolean;
}

const TOP = '三、本年度办理结果';
const GROUPS: Record<string, string> = {
  denied_: '（三）不予公开',
  unable_: '（四）无法提供',
  np_: '（五）不予处理',
  other_: '（六）其他处理',
};
const SUB_LABELS: Record<string, string> = {
  new_received: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied_state_secret: '1.属于国家秘密',
  denied_law_prohibited: '2.其他法律行政法规禁止公开',
  denied_security_stability: '3.危及“三安全一稳定”',
  denied_third_party: '4.保护第三方合法权益',
  denied_internal_affairs: '5.属于三类内部事务信息',
  denied_process_info: '6.属于四类过程性信息',
  denied_enforcement_file: '7.属于行政执法案卷',
  denied_admin_query: '8.属于行政查询事项',
  unable_not_held: '1.本机关不掌握相关政府信息',
  unable_needs_creation: '2.没有现成信息需要另行制作',
  unable_unclear: '3.补正后申请内容仍不明确',
  np_petition: '1.信访举报投诉类申请',
  np_duplicate: '2.重复申请',
  np_publication: '3.要求提供公开出版物',
  np_excessive: '4.无正当理由大量反复申请',
  np_confirm_reissue: '5.要求行政机关确认或重新出具已获取信息',
  other_no_correction: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_fee_unpaid: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_other: '3.其他',
  results_total: '（七）总计',
  carried_out: '四、结转下年度继续办理',
};
export const APPLY_HEAD = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** The printed cells of a table: the cells printed blank are collected in `blanks`. */
export class Tables {
  readonly blanks: string[] = [];
  readonly active: { group: string; head: string[]; rows: { label: string; cells: Cell[] }[] }[];
  readonly apply: ApplyRow[];
  readonly legal: Cell[];

  constructor(
    readonly gold: GoldTables,
    readonly opts: RenderOptions = {},
  ) {
    const cell = (f: string, blankable = true): Cell => {
      const v = gold.values[f];
      if (v === null || v === undefined) throw new Error(`no value for ${f}`);
      const blankHere = opts.blankZeros === 'all' || (opts.blankZeros === 'apply' && f.startsWith('apply.'));
      if (v === 0 && blankHere && blankable) {
        this.blanks.push(f);
        return '';
      }
      return v;
    };
    const doc = (row: string) => ['issued', 'repealed', 'in_force'].map((c) => cell(`active.${row}.${c}`));
    this.active = [
      {
        group: '第二十条第（一）项',
        head: ['本年制发件数', '本年废止件数', '现行有效件数'],
        rows: [
          { label: '规章', cells: doc('regulation') },
          { label: '行政规范性文件', cells: doc('normative_doc') },
        ],
      },
      {
        group: '第二十条第（五）项',
        head: ['本年处理决定数量'],
        rows: [{ label: '行政许可', cells: [cell('active.license')] }],
      },
      {
        group: '第二十条第（六）项',
        head: ['本年处理决定数量'],
        rows: [
          { label: '行政处罚', cells: [cell('active.penalty')] },
          { label: '行政强制', cells: [cell('active.coercion')] },
        ],
      },
      {
        group: '第二十条第（八）项',
        head: ['本年收费金额（单位：万元）'],
        rows: [{ label: '行政事业性收费', cells: [cell('active.admin_fee')] }],
      },
    ];
    const merged = gold.values['apply.other_no_correction.total'] === null;
    const rows: ApplyRow[] = [];
    for (const r of APPLY_ROWS) {
      if (merged && (r.id === 'other_no_correction' || r.id === 'other_fee_unpaid')) continue;
      const fields = APPLY_COLS.map((c) => `apply.${r.id}.${c.id}`);
      const prefix = Object.keys(GROUPS).find((p) => r.id.startsWith(p));
      const mergedRow = merged && r.id === 'other_other';
      // a wholly blank single （六） row reads as three blank sub-rows (see test/fixtures/real/README.md)
      const cells = fields.map((f) => cell(f, !mergedRow));
      rows.push({
        id: r.id,
        top: r.id === 'granted' ? TOP : undefined,
        group:
          prefix && !mergedRow && rows.at(-1)?.id.startsWith(prefix) !== true ? GROUPS[prefix] : undefined,
        label: mergedRow ? GROUPS.other_! : SUB_LABELS[r.id]!,
        cells,
        fields,
      });
    }
    if (opts.orgSubtotal) {
      for (const row of rows) {
        const orgs = row.cells.slice(1, 6);
        const sum = orgs.reduce<number>((a, c) => a + (c === '' ? 0 : c), 0);
        row.cells = [
          row.cells[0]!,
          sum === 0 && orgs.every((c) => c === '') ? '' : sum,
          ...row.cells.slice(1),
        ];
      }
    }
    this.apply = rows;
    this.legal = LEGAL_GROUPS.flatMap((g) => LEGAL_COLS.map((c) => cell(`legal.${g.id}.${c.id}`)));
  }

  /** Column headings of table 三, one list per printed heading row. */
  applyHead(): string[] {
    return this.opts.orgSubtotal ? ['自然人', '法人或其他组织', ...APPLY_HEAD.slice(1)] : APPLY_HEAD;
  }

  /** Full label of a table 三 row (group words folded in), as one-cell layouts print it. */
  static fullLabel(row: ApplyRow): string {
    return [row.top, row.group, row.label].filter(Boolean).join('');
  }
}

/** The three tables' text, placed inside a minimal report with title, prose and signature. */
export function wrapReport(
  gold: GoldTables,
  parts: { active: string[]; apply: string[]; legal: string[] },
): string {
  const y = gold.year;
  return [
    `${gold.agency}${y}年政府信息公开工作年度报告`,
    '',
    `本报告统计期限自${y}年1月1日起至${y}年12月31日止。`,
    '一、总体情况',
    `${y}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。`,
    '二、主动公开政府信息情况',
    ...parts.active,
    '三、收到和处理政府信息公开申请情况',
    ...parts.apply,
    '四、政府信息公开行政复议、行政诉讼情况',
    ...parts.legal,
    '五、存在的主要问题及改进情况',
    '一是公开内容的全面性有待提升。针对上述问题，将进一步加强培训。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    gold.agency,
    `${y + 1}年1月20日`,
  ].join('\n');
}

const wide = (c: string) => (c.codePointAt(0)! >= 0x2e80 ? 2 : 1);
/** Display width in a monospace rendering (CJK two columns). */
export const widthOf = (s: string) => [...s].reduce((a, c) => a + wide(c), 0);
export const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(1, w - widthOf(s)));
export const padStart = (s: string, w: number) => ' '.repeat(Math.max(1, w - widthOf(s))) + s;

/** Cuts a label into lines of at most `n` characters. */
export function wrap(label: string, n: number): string[] {
  const chars = [...label];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
}

export const LEGAL_HEAD = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
