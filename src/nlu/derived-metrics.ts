import { APPLY_COLS, APPLY_ROWS, LEGAL_COLS } from '../schema/index.ts';

/** A figure the tables do not print but people ask for: the sum of several cells. */
export interface DerivedMetric {
  id: string;
  /** Table the parts come from. */
  table: '三' | '四';
  row: string;
  col: string;
  zh: string;
  en: string;
  parts: string[];
}

const GROUP_IDS: Record<string, string> = {
  '（三）不予公开': 'denied_sum',
  '（四）无法提供': 'unable_sum',
  '（五）不予处理': 'np_sum',
  '（六）其他处理': 'other_sum',
};
const GROUP_EN: Record<string, string> = {
  denied_sum: 'requests denied',
  unable_sum: 'requests that could not be answered',
  np_sum: 'requests not processed',
  other_sum: 'requests otherwise handled',
};

function buildDerived(): DerivedMetric[] {
  const out: DerivedMetric[] = [];
  for (const [group, gid] of Object.entries(GROUP_IDS)) {
    const rows = APPLY_ROWS.filter((r) => r.group === group);
    const name = group.replace(/^（.）/, '');
    for (const c of APPLY_COLS) {
      out.push({
        id: `apply.${gid}.${c.id}`,
        table: '三',
        row: `${group}（各项合计）`,
        col: c.zh,
        zh: c.id === 'total' ? name : `${name}（${c.zh}）`,
        en: c.id === 'total' ? GROUP_EN[gid]! : `${GROUP_EN[gid]} (${c.en})`,
        parts: rows.map((r) => `apply.${r.id}.${c.id}`),
      });
    }
  }
  for (const c of LEGAL_COLS) {
    out.push({
      id: `legal.suit_sum.${c.id}`,
      table: '四',
      row: '行政诉讼（未经复议直接起诉 + 复议后起诉）',
      col: c.zh,
      zh: c.id === 'total' ? '行政诉讼' : `行政诉讼${c.zh}`,
      en: c.id === 'total' ? 'lawsuits' : `lawsuits: ${c.en}`,
      parts: [`legal.suit_direct.${c.id}`, `legal.suit_after_review.${c.id}`],
    });
  }
  return out;
}

export const DERIVED_METRICS: readonly DerivedMetric[] = buildDerived();

const byId = new Map(DERIVED_METRICS.map((d) => [d.id, d]));

export function getDerivedMetric(id: string): DerivedMetric | undefined {
  return byId.get(id);
}
