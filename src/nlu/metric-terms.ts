import {
  ACTIVE_DOC_COLS,
  ACTIVE_DOC_ROWS,
  ACTIVE_SINGLE_ROWS,
  APPLY_COLS,
  APPLY_ROWS,
  LEGAL_COLS,
  LEGAL_GROUPS,
} from '../schema/index.ts';
import { RATE_METRICS } from './derived-metrics.ts';

export type TableKey = 'doc' | 'single' | 'apply' | 'legal' | 'rate';

/** What a metric word names: a row (with its table) or a column of one table. */
export interface MetricTerm {
  kind: 'row' | 'col';
  table: TableKey;
  id: string;
  /** 3 = official label, 2 = everyday word, 1 = generic word used only when nothing better. */
  prio: 1 | 2 | 3;
  /** The word asks for this figure itself, not just for its table (收到 vs 依申请公开). */
  explicit?: boolean;
}

/** Every applicant column of table 三 (申请人类型): its one term, expanded by byApplicant. */
const ALL_APPLICANTS = 'all_applicants';

/** Everyday words for rows and columns (the official labels come from the catalogue). */
const EVERYDAY: ReadonlyArray<[string[], Omit<MetricTerm, 'prio'>]> = [
  [
    [
      '收费',
      '收费金额',
      '收费总额',
      '收费额',
      '收了多少钱',
      '行政收费',
      '行政事业性收费金额',
      '事业性收费金额',
    ],
    { kind: 'row', table: 'single', id: 'admin_fee' },
  ],
  [
    ['处罚', '罚款', '罚了', '被罚', '罚没', '罚单', '罚得', '罚的'],
    { kind: 'row', table: 'single', id: 'penalty' },
  ],
  [['许可', '审批'], { kind: 'row', table: 'single', id: 'license' }],
  [['强制'], { kind: 'row', table: 'single', id: 'coercion' }],
  [['规范性文件', '规范文件'], { kind: 'row', table: 'doc', id: 'normative_doc' }],
  [['制发', '新制发', '印发', '出台', '发布'], { kind: 'col', table: 'doc', id: 'issued' }],
  [['废止'], { kind: 'col', table: 'doc', id: 'repealed' }],
  [['现行有效', '有效'], { kind: 'col', table: 'doc', id: 'in_force' }],
  // 收到/新收 ask for the count itself; 依申请公开 alone may only name the table (依申请公开 予以公开)
  [['新收', '收到', '新收申请', '受理'], { kind: 'row', table: 'apply', id: 'new_received', explicit: true }],
  [
    ['依申请公开', '信息公开申请', '政务公开申请', '申请数'],
    { kind: 'row', table: 'apply', id: 'new_received' },
  ],
  [['上年结转', '去年结转', '上年度结转'], { kind: 'row', table: 'apply', id: 'carried_in' }],
  [
    [
      '结转下年',
      '结转下年度',
      '结转到下一年',
      '结转至下一年',
      '结转到下年',
      '结转至下年',
      '转下一年',
      '转下年',
      '转入下一年',
      '转入下年',
      '转到下一年',
      '转到下年',
      '转至下一年',
      '转至下年',
      '顺延到下一年',
      '顺延至下一年',
      '结转到明年',
    ],
    { kind: 'row', table: 'apply', id: 'carried_out' },
  ],
  [['办结', '办理结果'], { kind: 'row', table: 'apply', id: 'results_total' }],
  [['信访', '投诉'], { kind: 'row', table: 'apply', id: 'np_petition' }],
  [['第三方', '第三方权益'], { kind: 'row', table: 'apply', id: 'denied_third_party' }],
  [['内部事务'], { kind: 'row', table: 'apply', id: 'denied_internal_affairs' }],
  [['过程性信息'], { kind: 'row', table: 'apply', id: 'denied_process_info' }],
  [['执法案卷'], { kind: 'row', table: 'apply', id: 'denied_enforcement_file' }],
  [['行政查询'], { kind: 'row', table: 'apply', id: 'denied_admin_query' }],
  [['不掌握', '没有掌握', '信息不存在'], { kind: 'row', table: 'apply', id: 'unable_not_held' }],
  [['另行制作'], { kind: 'row', table: 'apply', id: 'unable_needs_creation' }],
  [['仍不明确', '内容不明确'], { kind: 'row', table: 'apply', id: 'unable_unclear' }],
  [['出版物'], { kind: 'row', table: 'apply', id: 'np_publication' }],
  [['大量反复申请', '反复申请'], { kind: 'row', table: 'apply', id: 'np_excessive' }],
  [['企业', '公司', '商业企业提出'], { kind: 'col', table: 'apply', id: 'org_commercial' }],
  [['个人', '公民', '群众'], { kind: 'col', table: 'apply', id: 'natural' }],
  [['科研'], { kind: 'col', table: 'apply', id: 'org_research' }],
  [['公益组织'], { kind: 'col', table: 'apply', id: 'org_public_welfare' }],
  [['律师', '律所', '律师事务所'], { kind: 'col', table: 'apply', id: 'org_legal_service' }],
  [
    ['申请人类型', '申请人构成', '申请人情况', '申请主体', '申请人分类', '各类申请人', '申请人分布'],
    { kind: 'col', table: 'apply', id: ALL_APPLICANTS },
  ],
  // the five organisation columns together: the table's own group header
  [
    ['法人或其他组织', '法人或者其他组织', '法人和其他组织', '法人及其他组织', '法人'],
    { kind: 'col', table: 'apply', id: 'org_sum' },
  ],
  [['复议'], { kind: 'row', table: 'legal', id: 'review' }],
  [['直接起诉'], { kind: 'row', table: 'legal', id: 'suit_direct' }],
  [['行政诉讼', '诉讼', '起诉', '官司', '被告'], { kind: 'row', table: 'legal', id: 'suit' }],
  [['维持'], { kind: 'col', table: 'legal', id: 'upheld' }],
  [['纠正', '纠错', '撤销', '败诉'], { kind: 'col', table: 'legal', id: 'corrected' }],
  [['未审结', '未结', '在审', '审理中'], { kind: 'col', table: 'legal', id: 'pending' }],
];

/** Generic words: they name a metric only when nothing more specific was said. */
const GENERIC: ReadonlyArray<[string[], Omit<MetricTerm, 'prio'>]> = [
  [['申请'], { kind: 'row', table: 'apply', id: 'new_received' }],
];

/** Group labels of table 三 name the derived sums (e.g. 不予公开 = the eight denied rows). */
const GROUP_ROWS: Record<string, string> = {
  '（三）不予公开': 'denied_sum',
  '（四）无法提供': 'unable_sum',
  '（五）不予处理': 'np_sum',
  '（六）其他处理': 'other_sum',
};

/** Strips the numbering of an official row label: 一、 （三） 2. */
function stripNumbering(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]）|\d+\.)/, '');
}

function add(map: Map<string, MetricTerm>, word: string, term: MetricTerm): void {
  const old = map.get(word);
  if (word.length >= 2 && (!old || old.prio < term.prio)) map.set(word, term);
}

/** Builds the metric vocabulary: official labels from the field catalogue plus everyday words. */
export function buildMetricTerms(): Map<string, MetricTerm> {
  const map = new Map<string, MetricTerm>();
  for (const r of ACTIVE_SINGLE_ROWS) add(map, r.zh, { kind: 'row', table: 'single', id: r.id, prio: 3 });
  add(map, '事业性收费', { kind: 'row', table: 'single', id: 'admin_fee', prio: 3 });
  for (const r of ACTIVE_DOC_ROWS) add(map, r.zh, { kind: 'row', table: 'doc', id: r.id, prio: 3 });
  for (const c of ACTIVE_DOC_COLS) {
    add(map, c.zh, { kind: 'col', table: 'doc', id: c.id, prio: 3 });
    add(map, c.zh.replace(/^本年|件数$/g, ''), { kind: 'col', table: 'doc', id: c.id, prio: 3 });
  }
  for (const r of APPLY_ROWS) {
    const label = stripNumbering(r.label);
    // 其他 alone is a column name; the row is reached through 其他处理.
    if (label !== '其他') add(map, label, { kind: 'row', table: 'apply', id: r.id, prio: 3 });
    // 危及“三安全一稳定” is typed without quotes or verb: 三安全一稳定, 第三方合法权益.
    const bare = label.replace(/[“”"]/g, '').replace(/^(?:属于|危及|保护|要求)/, '');
    if (bare.length >= 4) add(map, bare, { kind: 'row', table: 'apply', id: r.id, prio: 3 });
    // 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理… is asked by its first clause.
    if (label.includes('、'))
      add(map, label.split('、')[0]!, { kind: 'row', table: 'apply', id: r.id, prio: 3 });
    const short = r.zh.split('：').pop()!;
    if (short !== '其他') add(map, short, { kind: 'row', table: 'apply', id: r.id, prio: 3 });
    add(map, short.replace(/^属于/, ''), { kind: 'row', table: 'apply', id: r.id, prio: 3 });
  }
  for (const [group, id] of Object.entries(GROUP_ROWS)) {
    add(map, group.replace(/^（.）/, ''), { kind: 'row', table: 'apply', id, prio: 3 });
  }
  for (const c of APPLY_COLS) {
    if (c.id !== 'org_other') add(map, c.zh, { kind: 'col', table: 'apply', id: c.id, prio: 3 });
  }
  for (const g of LEGAL_GROUPS) add(map, g.zh, { kind: 'row', table: 'legal', id: g.id, prio: 3 });
  for (const c of LEGAL_COLS) {
    if (c.id !== 'total') add(map, c.zh, { kind: 'col', table: 'legal', id: c.id, prio: 3 });
  }
  for (const [words, term] of EVERYDAY) for (const w of words) add(map, w, { ...term, prio: 2 });
  for (const [words, term] of GENERIC) for (const w of words) add(map, w, { ...term, prio: 1 });
  for (const r of RATE_METRICS)
    for (const w of r.words) add(map, w, { kind: 'row', table: 'rate', id: r.id, prio: 3, explicit: true });
  return map;
}

/** Turns the matched row and column words into one field id (or derived id). */
export function composeMetric(terms: readonly MetricTerm[]): string | null {
  return composeMetrics(terms)[0] ?? null;
}

/** Table 三 group sums by the member rows they add up (denied_state_secret → denied_sum). */
const GROUP_OF = new Map(
  APPLY_ROWS.filter((r) => r.group && GROUP_ROWS[r.group]).map((r) => [r.id, GROUP_ROWS[r.group!]!]),
);

/**
 * Every metric the words name, in the order said: 行政许可和行政处罚 → two. A group word next
 * to one of its rows (不予公开 国家秘密), or 依申请公开 next to another table 三 row, only
 * narrows that row; generic words count only when nothing better was said.
 */
export function composeMetrics(said: readonly MetricTerm[]): string[] {
  const terms = byApplicant(legalOther(said));
  let rows = terms.filter((t) => t.kind === 'row');
  const best = Math.max(0, ...rows.map((t) => t.prio));
  rows = rows.filter((t) => t.prio >= Math.min(best, 2));
  const named = new Set(rows.map((t) => `${t.table}:${t.id}`));
  // 信息公开申请的公开率: the table word only says where the rate comes from
  const rate = rows.some((t) => t.table === 'rate');
  rows = rows.filter((t) => {
    if (t.table !== 'apply') return true;
    if ([...GROUP_OF].some(([member, group]) => group === t.id && named.has(`apply:${member}`))) return false;
    return (
      t.id !== 'new_received' ||
      t.explicit ||
      (!rate && !rows.some((o) => o.table === 'apply' && o.id !== 'new_received'))
    );
  });
  if (rows.some((t) => LEGAL_RATE.test(t.id))) rows = legalRate(rows);
  const out: string[] = [];
  for (const row of rows) {
    // 复议维持和纠正: one metric per column named.
    const cols = terms.filter((t) => t.kind === 'col' && t.table === row.table).map((t) => t.id);
    for (const col of cols.length > 0 ? cols : [undefined]) {
      const id = composeId(row, col);
      if (!out.includes(id)) out.push(id);
    }
  }
  return out;
}

/**
 * 申请人类型 / 申请人构成: each applicant column and the total, of the row named, else of the
 * requests received.
 */
function byApplicant(terms: readonly MetricTerm[]): readonly MetricTerm[] {
  const all = terms.find((t) => t.kind === 'col' && t.id === ALL_APPLICANTS);
  if (!all) return terms;
  const rest = terms.filter((t) => t !== all);
  const row: MetricTerm[] = rest.some((t) => t.kind === 'row' && t.table === 'apply')
    ? []
    : [{ kind: 'row', table: 'apply', id: 'new_received', prio: all.prio, explicit: true }];
  const cols = APPLY_COLS.map((c): MetricTerm => ({ kind: 'col', table: 'apply', id: c.id, prio: all.prio }));
  return [...rest, ...row, ...cols];
}

/** 行政复议结果为其他: beside a table-四 row, 其他 is that table's 其他结果 column, not table 三's 其他 row. */
function legalOther(terms: readonly MetricTerm[]): readonly MetricTerm[] {
  const other = terms.find((t) => t.table === 'apply' && t.id === 'other_other');
  if (!other || !terms.some((t) => t.table === 'legal' && t.kind === 'row')) return terms;
  return terms.map((t) => (t === other ? { kind: 'col', table: 'legal', id: 'other', prio: other.prio } : t));
}

/** The rates of table 四, by reconsiderations (review_) or lawsuits (suit_). */
const LEGAL_RATE = /^rate\.(?:review|suit)_/;

/**
 * 行政诉讼的纠错率, 复议的维持率: the rate word says which rate, the table word whose (纠错率 and
 * 维持率 alone are the reconsiderations'); the table word is not a figure asked for beside it.
 */
function legalRate(rows: readonly MetricTerm[]): MetricTerm[] {
  const suits = rows.some((t) => t.table === 'legal' && t.id.startsWith('suit'));
  return rows.flatMap((t) => {
    if (t.table === 'legal') return [];
    if (suits && t.id.startsWith('rate.review_'))
      return [{ ...t, id: t.id.replace('rate.review_', 'rate.suit_') }];
    return [t];
  });
}

function composeId(row: MetricTerm, col: string | undefined): string {
  switch (row.table) {
    case 'single':
      return `active.${row.id}`;
    case 'doc':
      return `active.${row.id}.${col ?? 'issued'}`;
    case 'apply':
      return `apply.${row.id}.${col ?? 'total'}`;
    case 'legal':
      return `legal.${row.id}.${col ?? 'total'}`;
    case 'rate':
      return row.id;
  }
}
