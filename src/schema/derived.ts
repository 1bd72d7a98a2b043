import { APPLY_COLS, APPLY_ROWS, LEGAL_COLS, LEGAL_GROUPS } from './fields.ts';

/**
 * A figure the tables do not print but rules and people use: the sum of several cells. Each sum
 * has exactly one id (docs/schema.md, derived ids); the checker, the question matcher and the
 * answers all read them from here.
 */
export interface DerivedField {
  /** e.g. `apply.denied_sum.total`, `legal.suit.pending`. */
  id: string;
  /** Table the parts come from. */
  table: '三' | '四';
  /** What is summed, in words (Chinese). */
  row: string;
  /** Column (Chinese). */
  col: string;
  /** Short name for replies. */
  zh: string;
  en: string;
  /** The canonical field ids added up (a sum is null only when every part is null). */
  parts: string[];
}

/** The four result groups of table 三: group label as printed → derived row id. */
const APPLY_GROUPS: readonly { label: string; id: string; en: string }[] = [
  { label: '（三）不予公开', id: 'denied_sum', en: 'requests denied' },
  { label: '（四）无法提供', id: 'unable_sum', en: 'requests that could not be answered' },
  { label: '（五）不予处理', id: 'np_sum', en: 'requests not processed' },
  { label: '（六）其他处理', id: 'other_sum', en: 'requests otherwise handled' },
];

/** Sums over whole rows of table 三, besides the groups. */
const APPLY_ROW_SUMS: readonly { id: string; rows: string[]; row: string; zh: string; en: string }[] = [
  {
    id: 'workload',
    rows: ['new_received', 'carried_in'],
    row: '本年新收 + 上年结转',
    zh: '新收与上年结转之和',
    en: 'requests to handle (new + carried in)',
  },
  {
    // the prose's 予以公开及部分公开: one figure for both rows
    id: 'disclosed',
    rows: ['granted', 'partial'],
    row: '（一）予以公开 + （二）部分公开',
    zh: '予以公开及部分公开',
    en: 'requests granted in full or in part',
  },
];

const ORG_COLS = APPLY_COLS.filter((c) => c.id.startsWith('org_'));

function buildDerived(): DerivedField[] {
  const out: DerivedField[] = [];
  const named = (base: string, col: { id: string; zh: string }): string =>
    col.id === 'total' ? base : `${base}（${col.zh}）`;
  for (const g of APPLY_GROUPS) {
    const rows = APPLY_ROWS.filter((r) => r.group === g.label);
    const name = g.label.replace(/^（.）/, '');
    for (const c of APPLY_COLS)
      out.push({
        id: `apply.${g.id}.${c.id}`,
        table: '三',
        row: `${g.label}（各项合计）`,
        col: c.zh,
        zh: named(name, c),
        en: c.id === 'total' ? g.en : `${g.en} (${c.en})`,
        parts: rows.map((r) => `apply.${r.id}.${c.id}`),
      });
  }
  for (const s of APPLY_ROW_SUMS)
    for (const c of APPLY_COLS)
      out.push({
        id: `apply.${s.id}.${c.id}`,
        table: '三',
        row: s.row,
        col: c.zh,
        zh: named(s.zh, c),
        en: c.id === 'total' ? s.en : `${s.en} (${c.en})`,
        parts: s.rows.map((r) => `apply.${r}.${c.id}`),
      });
  for (const r of APPLY_ROWS)
    out.push({
      id: `apply.${r.id}.org_sum`,
      table: '三',
      row: r.label,
      col: '法人或其他组织',
      zh: `${r.zh}（法人或其他组织）`,
      en: `${r.en} (organisations)`,
      parts: ORG_COLS.map((c) => `apply.${r.id}.${c.id}`),
    });
  for (const c of LEGAL_COLS) {
    out.push({
      id: `legal.suit.${c.id}`,
      table: '四',
      row: '行政诉讼（未经复议直接起诉 + 复议后起诉）',
      col: c.zh,
      zh: c.id === 'total' ? '行政诉讼' : `行政诉讼${c.zh}`,
      en: c.id === 'total' ? 'lawsuits' : `lawsuits: ${c.en}`,
      parts: [`legal.suit_direct.${c.id}`, `legal.suit_after_review.${c.id}`],
    });
    out.push({
      id: `legal.all.${c.id}`,
      table: '四',
      row: '行政复议与行政诉讼合计',
      col: c.zh,
      zh: c.id === 'total' ? '行政复议与行政诉讼' : `行政复议与行政诉讼${c.zh}`,
      en: c.id === 'total' ? 'reconsiderations and lawsuits' : `reconsiderations and lawsuits: ${c.en}`,
      parts: LEGAL_GROUPS.map((g) => `legal.${g.id}.${c.id}`),
    });
  }
  return out;
}

/** Every derived id, with its parts. */
export const DERIVED_FIELDS: readonly DerivedField[] = buildDerived();

const byId = new Map(DERIVED_FIELDS.map((d) => [d.id, d]));

export function getDerivedField(id: string): DerivedField | undefined {
  return byId.get(id);
}
