/**
 * Renders a gold record's tables as a crawler saves a report page: the page flattened to long
 * lines, the cells run together. Variants differ in what separates cells, rows and label words.
 */
import { APPLY_ROWS, LEGAL_COLS } from '../../src/schema/index.ts';

export type FlatVariant =
  | 'glued'
  | 'spaced-rows'
  | 'half-split'
  | 'full-width'
  | 'stray-label'
  | 'row-lines'
  | 'spaced-all'
  | 'slash-blanks';
export const FLAT_VARIANTS: readonly FlatVariant[] = [
  'glued',
  'spaced-rows',
  'half-split',
  'full-width',
  'stray-label',
  'row-lines',
  'spaced-all',
  'slash-blanks',
];

type Values = Readonly<Record<string, number | null>>;

/** A label with stray spaces (a plain space and a full-width one) inside it. */
function strayLabel(label: string): string {
  if (label.length < 4) return `${label.slice(0, 1)} ${label.slice(1)}`;
  return `${label.slice(0, 2)} ${label.slice(2, 4)}\u3000${label.slice(4)}`;
}

/** One table row as printed by the variant; `k` counts rows so variants can alternate. */
function row(variant: FlatVariant, k: number, label: string, cells: readonly (number | null)[]): string {
  const nums = cells.map((c) => String(c ?? 0));
  let body: string;
  switch (variant) {
    case 'spaced-rows':
      body = nums.join(k % 2 === 0 ? ' ' : '');
      break;
    case 'half-split': {
      // one printed space somewhere in the row, the rest glued (`20 0 0 0 02` style)
      const at = 1 + (k % Math.max(1, nums.length - 1));
      body = `${nums.slice(0, at).join('')} ${nums.slice(at).join('')}`.trim();
      break;
    }
    case 'full-width':
      body = nums.join(k % 2 === 1 ? '\u3000' : '');
      break;
    case 'spaced-all':
      body = nums.join(' ');
      break;
    case 'slash-blanks':
      // a zero printed as the blank mark / in every other row
      body = (k % 2 === 0 ? nums.map((n) => (n === '0' ? '/' : n)) : nums).join(k % 2 === 0 ? ' ' : '');
      break;
    default:
      body = nums.join('');
  }
  const name = variant === 'stray-label' ? strayLabel(label) : label;
  const gap = variant === 'full-width' ? '\u3000' : variant === 'spaced-all' ? ' ' : '';
  return `${name}${gap}${body}${variant === 'row-lines' ? '\n' : ''}`;
}

const APPLY_COLS = [
  'natural',
  'org_commercial',
  'org_research',
  'org_public_welfare',
  'org_legal_service',
  'org_other',
  'total',
];

/** The three tables of a 2021-format report; a table 二 row whose cells are all null is not printed. */
export function renderFlat(agency: string, year: number, v: Values, variant: FlatVariant): string {
  let k = 0;
  const r = (label: string, cells: (number | null)[]) => row(variant, k++, label, cells);
  const doc = (id: string) => ['issued', 'repealed', 'in_force'].map((c) => v[`active.${id}.${c}`] ?? null);
  const parts: string[] = [];
  parts.push('二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数');
  if (doc('regulation').some((x) => x !== null)) parts.push(r('规章', doc('regulation')));
  if (doc('normative_doc').some((x) => x !== null)) parts.push(r('行政规范性文件', doc('normative_doc')));
  parts.push('第二十条第（五）项信息内容本年处理决定数量', r('行政许可', [v['active.license'] ?? null]));
  parts.push('第二十条第（六）项信息内容本年处理决定数量', r('行政处罚', [v['active.penalty'] ?? null]));
  parts.push(r('行政强制', [v['active.coercion'] ?? null]));
  parts.push(
    '第二十条第（八）项信息内容本年收费金额（单位：万元）',
    r('行政事业性收费', [v['active.admin_fee'] ?? null]),
  );
  parts.push(
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
  );
  let group = '';
  for (const def of APPLY_ROWS) {
    if (def.id === 'granted') parts.push('三、本年度办理结果');
    if (def.group && def.group !== group) parts.push(def.group);
    group = def.group ?? '';
    parts.push(
      r(
        def.label,
        APPLY_COLS.map((c) => v[`apply.${def.id}.${c}`] ?? null),
      ),
    );
  }
  const heads = LEGAL_COLS.map((c) => c.zh).join('');
  parts.push(
    `四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼${heads}未经复议直接起诉复议后起诉${heads}${heads}`,
  );
  const legal = ['review', 'suit_direct', 'suit_after_review'].flatMap((g) =>
    LEGAL_COLS.map((c) => v[`legal.${g}.${c.id}`] ?? null),
  );
  parts.push(r('', legal));
  parts.push('五、存在的主要问题及改进情况无。六、其他需要报告的事项无。');
  const title = `${agency}${year}年度政府信息公开工作年度报告`;
  return [
    `标题: ${title}`,
    `发布时间: ${year + 1}-01-15 09:00`,
    '==================== 正文 ====================',
    `${title} 一、总体情况本年度依法做好政府信息公开工作。${parts.join('')} ${agency} ${year + 1}年1月15日`,
  ].join('\n');
}
