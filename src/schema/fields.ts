/** The field catalogue: the one place that knows what each of the 200 cells is called. */

export type TableId = '二' | '三' | '四';

export interface FieldDef {
  /** Stable id from docs/schema.md, e.g. `apply.np_petition.total`. */
  id: string;
  table: TableId;
  /** Official row label (Chinese). */
  row: string;
  /** Official column label (Chinese). */
  col: string;
  /** Short Chinese name used in replies, e.g. 行政处罚, 信访举报投诉类申请（总计）. */
  zh: string;
  /** English name used in replies. */
  en: string;
  /** 件 for counts, 万元 for the fee. */
  unit: '件' | '万元';
  rowId: string;
  colId: string;
}

export interface ColumnDef {
  id: string;
  zh: string;
  en: string;
}

export const ACTIVE_DOC_ROWS = [
  { id: 'regulation', zh: '规章', en: 'regulations' },
  { id: 'normative_doc', zh: '行政规范性文件', en: 'normative documents' },
] as const;

export const ACTIVE_DOC_COLS: readonly ColumnDef[] = [
  { id: 'issued', zh: '本年制发件数', en: 'issued this year' },
  { id: 'repealed', zh: '本年废止件数', en: 'repealed this year' },
  { id: 'in_force', zh: '现行有效件数', en: 'in force' },
];

export const ACTIVE_SINGLE_ROWS = [
  { id: 'license', zh: '行政许可', en: 'administrative licensing decisions', col: '本年处理决定数量' },
  { id: 'penalty', zh: '行政处罚', en: 'administrative penalty decisions', col: '本年处理决定数量' },
  { id: 'coercion', zh: '行政强制', en: 'administrative coercion decisions', col: '本年处理决定数量' },
  { id: 'admin_fee', zh: '行政事业性收费', en: 'administrative fees collected', col: '本年收费金额（万元）' },
] as const;

/** Table 三 columns, in table order. */
export const APPLY_COLS: readonly ColumnDef[] = [
  { id: 'natural', zh: '自然人', en: 'individuals' },
  { id: 'org_commercial', zh: '商业企业', en: 'commercial enterprises' },
  { id: 'org_research', zh: '科研机构', en: 'research institutions' },
  { id: 'org_public_welfare', zh: '社会公益组织', en: 'public-welfare organisations' },
  { id: 'org_legal_service', zh: '法律服务机构', en: 'legal service agencies' },
  { id: 'org_other', zh: '其他', en: 'other organisations' },
  { id: 'total', zh: '总计', en: 'total' },
];

export interface ApplyRowDef {
  id: string;
  /** Official label as printed, with its numbering. */
  label: string;
  /** Short name for replies. */
  zh: string;
  en: string;
  /** Parent group label for result rows, e.g. （三）不予公开. */
  group?: string;
}

/** Table 三 rows, in table order (25). */
export const APPLY_ROWS: readonly ApplyRowDef[] = [
  {
    id: 'new_received',
    label: '一、本年新收政府信息公开申请数量',
    zh: '本年新收申请',
    en: 'new requests received',
  },
  {
    id: 'carried_in',
    label: '二、上年结转政府信息公开申请数量',
    zh: '上年结转申请',
    en: 'requests carried over from last year',
  },
  { id: 'granted', label: '（一）予以公开', zh: '予以公开', en: 'granted in full' },
  { id: 'partial', label: '（二）部分公开', zh: '部分公开', en: 'granted in part' },
  {
    id: 'denied_state_secret',
    label: '1.属于国家秘密',
    zh: '不予公开：属于国家秘密',
    en: 'denied: state secret',
    group: '（三）不予公开',
  },
  {
    id: 'denied_law_prohibited',
    label: '2.其他法律行政法规禁止公开',
    zh: '不予公开：其他法律行政法规禁止公开',
    en: 'denied: prohibited by other laws',
    group: '（三）不予公开',
  },
  {
    id: 'denied_security_stability',
    label: '3.危及“三安全一稳定”',
    zh: '不予公开：危及“三安全一稳定”',
    en: 'denied: endangers security or stability',
    group: '（三）不予公开',
  },
  {
    id: 'denied_third_party',
    label: '4.保护第三方合法权益',
    zh: '不予公开：保护第三方合法权益',
    en: "denied: protects third parties' rights",
    group: '（三）不予公开',
  },
  {
    id: 'denied_internal_affairs',
    label: '5.属于三类内部事务信息',
    zh: '不予公开：属于三类内部事务信息',
    en: 'denied: internal affairs',
    group: '（三）不予公开',
  },
  {
    id: 'denied_process_info',
    label: '6.属于四类过程性信息',
    zh: '不予公开：属于四类过程性信息',
    en: 'denied: process information',
    group: '（三）不予公开',
  },
  {
    id: 'denied_enforcement_file',
    label: '7.属于行政执法案卷',
    zh: '不予公开：属于行政执法案卷',
    en: 'denied: enforcement files',
    group: '（三）不予公开',
  },
  {
    id: 'denied_admin_query',
    label: '8.属于行政查询事项',
    zh: '不予公开：属于行政查询事项',
    en: 'denied: administrative query matters',
    group: '（三）不予公开',
  },
  {
    id: 'unable_not_held',
    label: '1.本机关不掌握相关政府信息',
    zh: '无法提供：本机关不掌握相关政府信息',
    en: 'unable: information not held',
    group: '（四）无法提供',
  },
  {
    id: 'unable_needs_creation',
    label: '2.没有现成信息需要另行制作',
    zh: '无法提供：没有现成信息需要另行制作',
    en: 'unable: would need to be created',
    group: '（四）无法提供',
  },
  {
    id: 'unable_unclear',
    label: '3.补正后申请内容仍不明确',
    zh: '无法提供：补正后申请内容仍不明确',
    en: 'unable: request still unclear',
    group: '（四）无法提供',
  },
  {
    id: 'np_petition',
    label: '1.信访举报投诉类申请',
    zh: '不予处理：信访举报投诉类申请',
    en: 'not processed: petitions and complaints',
    group: '（五）不予处理',
  },
  {
    id: 'np_duplicate',
    label: '2.重复申请',
    zh: '不予处理：重复申请',
    en: 'not processed: duplicate requests',
    group: '（五）不予处理',
  },
  {
    id: 'np_publication',
    label: '3.要求提供公开出版物',
    zh: '不予处理：要求提供公开出版物',
    en: 'not processed: requests for publications',
    group: '（五）不予处理',
  },
  {
    id: 'np_excessive',
    label: '4.无正当理由大量反复申请',
    zh: '不予处理：无正当理由大量反复申请',
    en: 'not processed: excessive repeated requests',
    group: '（五）不予处理',
  },
  {
    id: 'np_confirm_reissue',
    label: '5.要求行政机关确认或重新出具已获取信息',
    zh: '不予处理：要求确认或重新出具已获取信息',
    en: 'not processed: confirm or reissue information',
    group: '（五）不予处理',
  },
  {
    id: 'other_no_correction',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    zh: '其他处理：逾期不补正',
    en: 'other: applicant did not amend in time',
    group: '（六）其他处理',
  },
  {
    id: 'other_fee_unpaid',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    zh: '其他处理：逾期未缴费',
    en: 'other: fee not paid in time',
    group: '（六）其他处理',
  },
  { id: 'other_other', label: '3.其他', zh: '其他处理：其他', en: 'other: other', group: '（六）其他处理' },
  { id: 'results_total', label: '（七）总计', zh: '办理结果总计', en: 'total requests concluded' },
  {
    id: 'carried_out',
    label: '四、结转下年度继续办理',
    zh: '结转下年度继续办理',
    en: 'requests carried over to next year',
  },
];

export const LEGAL_GROUPS: readonly ColumnDef[] = [
  { id: 'review', zh: '行政复议', en: 'administrative reconsiderations' },
  { id: 'suit_direct', zh: '未经复议直接起诉', en: 'lawsuits filed directly' },
  { id: 'suit_after_review', zh: '复议后起诉', en: 'lawsuits after reconsideration' },
];

export const LEGAL_COLS: readonly ColumnDef[] = [
  { id: 'upheld', zh: '结果维持', en: 'upheld' },
  { id: 'corrected', zh: '结果纠正', en: 'corrected' },
  { id: 'other', zh: '其他结果', en: 'other outcome' },
  { id: 'pending', zh: '尚未审结', en: 'pending' },
  { id: 'total', zh: '总计', en: 'total' },
];

function buildFields(): FieldDef[] {
  const out: FieldDef[] = [];
  for (const r of ACTIVE_DOC_ROWS) {
    for (const c of ACTIVE_DOC_COLS) {
      out.push({
        id: `active.${r.id}.${c.id}`,
        table: '二',
        row: r.zh,
        col: c.zh,
        zh: `${r.zh}${c.zh.replace('件数', '')}`,
        en: `${r.en} ${c.en}`,
        unit: '件',
        rowId: r.id,
        colId: c.id,
      });
    }
  }
  for (const r of ACTIVE_SINGLE_ROWS) {
    out.push({
      id: `active.${r.id}`,
      table: '二',
      row: r.zh,
      col: r.col,
      zh: r.zh,
      en: r.en,
      unit: r.id === 'admin_fee' ? '万元' : '件',
      rowId: r.id,
      colId: r.id === 'admin_fee' ? 'amount' : 'decisions',
    });
  }
  for (const r of APPLY_ROWS) {
    for (const c of APPLY_COLS) {
      out.push({
        id: `apply.${r.id}.${c.id}`,
        table: '三',
        row: r.group ? `${r.group} ${r.label}` : r.label,
        col: c.zh,
        zh: c.id === 'total' ? r.zh : `${r.zh}（${c.zh}）`,
        en: c.id === 'total' ? r.en : `${r.en} (${c.en})`,
        unit: '件',
        rowId: r.id,
        colId: c.id,
      });
    }
  }
  for (const g of LEGAL_GROUPS) {
    for (const c of LEGAL_COLS) {
      out.push({
        id: `legal.${g.id}.${c.id}`,
        table: '四',
        row: g.id === 'review' ? g.zh : `行政诉讼 ${g.zh}`,
        col: c.zh,
        zh: c.id === 'total' ? `${g.zh}总计` : `${g.zh}${c.zh}`,
        en: c.id === 'total' ? `${g.en} (total)` : `${g.en}: ${c.en}`,
        unit: '件',
        rowId: g.id,
        colId: c.id,
      });
    }
  }
  return out;
}

/** All 200 fields, in table order. */
export const FIELDS: readonly FieldDef[] = buildFields();

export const FIELD_IDS: readonly string[] = FIELDS.map((f) => f.id);

const byId = new Map(FIELDS.map((f) => [f.id, f]));

export function getField(id: string): FieldDef | undefined {
  return byId.get(id);
}

export const TABLE_TITLES: Record<TableId, string> = {
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
};
