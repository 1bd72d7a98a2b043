/**
 * Tables 二, 三 and 四 read out of flattened page text (a crawler's copy: few lines, cells glued),
 * used when the line-based readers find no table.
 */
import { LEGAL_COLS, LEGAL_GROUPS } from '../schema/index.ts';
import type { ParseNote, TableResult } from './_notes.ts';
import { nullRecord } from './_values.ts';
import { agreed, readFlatApplication } from './flat-apply.ts';
import { type Anchor, FlatText, locateLegalRuns, locateRows, spaceless } from './flat-locate.ts';
import { type Reading, type RowShape, readMaterial, readRow } from './flat-split.ts';

const DOC_FIELDS: Record<string, string[]> = {
  regulation: ['active.regulation.issued', 'active.regulation.repealed', 'active.regulation.in_force'],
  normative_doc: [
    'active.normative_doc.issued',
    'active.normative_doc.repealed',
    'active.normative_doc.in_force',
  ],
};
const SINGLE_FIELDS: Record<string, string> = {
  license: 'active.license',
  penalty: 'active.penalty',
  coercion: 'active.coercion',
  admin_fee: 'active.admin_fee',
};
const ACTIVE_ANCHORS: Anchor[] = [
  { id: 'regulation', re: /规章/, optional: true },
  { id: 'normative_doc', re: /(?:行政)?规范性文件/, optional: true },
  { id: 'license', re: /行政许可/, optional: true },
  { id: 'penalty', re: /行政处罚/, optional: true },
  { id: 'coercion', re: /行政强制/, optional: true },
  { id: 'admin_fee', re: /行政事业性收费/, optional: true },
];
const NULL_ACTIVE = nullRecord([...Object.values(DOC_FIELDS).flat(), ...Object.values(SINGLE_FIELDS)]);
const DECIMAL_IDS = new Set(Object.keys(SINGLE_FIELDS));
/** B-03: documents in force cannot be fewer than issued minus repealed. */
const DOC_SHAPE: RowShape = { n: 3, groups: [], extra: (v) => v[2]! >= v[0]! - v[1]! };
const LEGAL_FIELDS = LEGAL_GROUPS.flatMap((g) => LEGAL_COLS.map((c) => `legal.${g.id}.${c.id}`));
const NULL_LEGAL = nullRecord(LEGAL_FIELDS);
const LEGAL_SHAPE: RowShape = {
  n: 15,
  groups: [0, 5, 10].map((o) => [o, o + 1, o + 2, o + 3, o + 4]),
};

export interface FlatTables {
  active: TableResult & { feeUnit: string | null };
  apply: TableResult;
  legal: TableResult;
  /** [start, end) of the tables read, in the text given: prose figures are not read there. */
  zone: [number, number] | null;
}

const describe = (r: Reading) => r.map((v) => v ?? '?').join('|');
function asRecord(fields: readonly string[], r: Reading): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (let i = 0; i < fields.length; i++) out[fields[i]!] = r[i] ?? null;
  return out;
}

const NOUN: Record<string, string> = { regulation: '规章(?!制度)', normative_doc: '(?:行政)?规范性文件' };
const COUNT = '(?:共|计)?(\\d+)(?:件|份)';

/** Prose statements of a 规章/规范性文件 row's three counts (制发…N件, 废止…N件, 现行有效…N件). */
function statedCounts(noun: string): RegExp[] {
  return [
    new RegExp(`(?:(?:制发|制定|出台|印发|发布)了?|含)${noun}${COUNT}`, 'g'),
    // 废止33件 may follow the 制发 count in the same clause: 制发规范性文件62件，废止33件
    new RegExp(`废止了?${noun}${COUNT}|${noun}(?:[^。；;，,\\d]{0,6}?|${COUNT}[，,、]?)废止${COUNT}`, 'g'),
    new RegExp(
      `现行有效的?${noun}${COUNT}|${noun}(?:[^。；;，,\\d]{0,6}?|${COUNT}[，,、]?(?:废止${COUNT}[，,、]?)?)现行有效(?:件数)?${COUNT}`,
      'g',
    ),
  ];
}
const STATED: Record<string, RegExp[]> = Object.fromEntries(
  Object.entries(NOUN).map(([row, noun]) => [row, statedCounts(noun)]),
);

/**
 * Readings of a 规章/规范性文件 row that agree with the counts the report's prose states; a stated
 * count that fits no reading (a figure about something else) is passed over.
 */
function byProse(row: string, readings: Reading[], prose: string): { kept: Reading[]; cue: string[] } {
  let kept = readings;
  const cue: string[] = [];
  if (prose.length === 0) return { kept, cue };
  STATED[row]!.forEach((re, col) => {
    const said = [...prose.matchAll(re)];
    // the count this pattern states is its last number (earlier ones are the clause's other counts)
    const count = (m: RegExpMatchArray) => Number(m.slice(1).findLast((x) => x !== undefined));
    const values = new Set(said.map(count));
    const fit = kept.filter((r) => values.has(r[col] as number));
    if (fit.length > 0 && fit.length < kept.length) {
      kept = fit;
      cue.push(...said.filter((m) => fit.some((r) => r[col] === count(m))).map((m) => m[0]));
    }
  });
  return { kept, cue };
}

/** PW-05 for a glued row of the 2019 trial table 二: the cells that map to fields, as each reading gives them. */
function trialNote(run: string, fields: string[], readings: Reading[], cells: number[]): ParseNote {
  const seen = new Map<string, Reading>();
  for (const r of readings) {
    const picked = cells.map((c) => r[c] ?? null);
    seen.set(picked.join('|'), picked);
  }
  const options = [...seen.values()];
  return {
    rule: 'PW-05',
    severity: 'warning',
    fields,
    message: `表二（2019年试行格式）数字“${run}”疑似多格粘连，可读作${readings.map(describe).join('、')}，无法唯一确定，暂不取值`,
    readings: options.map((o) => asRecord(fields, o)),
  };
}

/** Where table 二's rows may follow (searched by exec from 0: matchAll would copy the regex each time). */
const ACTIVE_HEAD = /本年制发件数|本年新制作数量|第二十条/g;

/** Table 二 in compacted text `s`; the report's `text` is searched for prose counts only when a row needs them. */
function readActive(s: string, text: string): FlatTables['active'] & { span: [number, number] } {
  const values = { ...NULL_ACTIVE };
  const blanks: string[] = [];
  const notes: ParseNote[] = [];
  // the first heading that rows follow (《条例》第二十条 in prose is not the table)
  let head: RegExpExecArray | null = null;
  let rows: ReturnType<typeof locateRows> = [];
  ACTIVE_HEAD.lastIndex = 0;
  for (let h = ACTIVE_HEAD.exec(s); h; h = ACTIVE_HEAD.exec(s)) {
    rows = locateRows(s, h.index, ACTIVE_ANCHORS, DECIMAL_IDS);
    head = h;
    if (rows.length >= 2) break;
  }
  const zone = s.slice(head?.index ?? 0, (head?.index ?? 0) + 600);
  // the 2019 trial table: 本年新制作|本年新公开|对外公开总数 and 上一年项目数|本年增/减|处理决定数
  const trial = zone.includes('本年新制作数量');
  if (trial && head) rows = locateRows(s, head.index, ACTIVE_ANCHORS);
  const unit = /收费金额[^\d]{0,8}?(万元|元)/.exec(zone);
  if (head && !rows.some((r) => r.id === 'regulation') && rows.some((r) => r.id === 'normative_doc')) {
    notes.push({
      rule: 'PW-01',
      severity: 'info',
      fields: DOC_FIELDS.regulation!,
      message: '表二未印“规章”行（本机关不制定规章），规章各项为空',
    });
  }
  for (const r of rows) {
    const single = SINGLE_FIELDS[r.id];
    if (single && trial) {
      // only 处理决定数量 (the third cell) maps to a field; the fee row has no such cell
      const read = r.id === 'admin_fee' ? [] : readRow(readMaterial(r.run), { n: 3, groups: [] }).readings;
      values[single] = read.length > 0 ? agreed(read)[2]! : null;
      if (values[single] === null && read.length > 0) notes.push(trialNote(r.run, [single], read, [2]));
      continue;
    }
    if (single) {
      values[single] = r.run === '' ? 0 : Number(r.run.replace(/,/g, ''));
      if (r.run === '') blanks.push(single);
      continue;
    }
    const fields = DOC_FIELDS[r.id]!;
    if (r.run === '') {
      for (const f of fields) values[f] = 0;
      blanks.push(...fields);
      continue;
    }
    if (trial) {
      const read = readRow(readMaterial(r.run), { n: 3, groups: [] }).readings;
      const v = read.length > 0 ? agreed(read) : [null, null, null];
      [values[fields[0]!], values[fields[1]!], values[fields[2]!]] = [v[0]!, null, v[2]!];
      if ((v[0] === null || v[2] === null) && read.length > 0) {
        notes.push(trialNote(r.run, [fields[0]!, fields[2]!], read, [0, 2]));
      }
      continue;
    }
    const { readings, status } = readRow(readMaterial(r.run), DOC_SHAPE);
    let options = readings;
    let cue = '';
    if (options.length > 1) {
      const told = byProse(r.id, options, spaceless(text));
      options = told.kept;
      if (told.cue.length > 0) cue = `正文“${told.cue.join('”“')}”`;
    }
    const value =
      options.length === 1 ? options[0]! : options.length > 0 ? agreed(options) : [null, null, null];
    fields.forEach((f, i) => {
      values[f] = value[i] ?? null;
    });
    const label = r.id === 'regulation' ? '规章' : '规范性文件';
    if (options.length > 1 || options.length === 0) {
      notes.push({
        rule: status === 'short' ? 'PW-01' : 'PW-05',
        severity: 'warning',
        fields,
        message:
          options.length === 0
            ? `表二“${label}”行数字“${r.run}”无法读作3格，暂不取值`
            : `表二“${label}”行数字“${r.run}”可读作${options.map(describe).join('、')}（制发|废止|现行有效）${cue ? `（已依据${cue}排除其他读法）` : ''}，无法唯一确定，暂不取值（入库时以同一机关上年现行有效件数核对）`,
        ...(options.length > 1 ? { readings: options.map((o) => asRecord(fields, o)) } : {}),
      });
    } else if (status === 'glued' || status === 'short' || status === 'unsummed') {
      notes.push({
        rule: 'PW-05',
        severity: 'info',
        fields,
        message: `表二“${label}”行数字“${r.run}”疑似多格粘连，${cue ? `依据${cue}` : '按现行有效不少于制发减废止'}拆分为${describe(value)}`,
      });
    }
  }
  const span: [number, number] = [head?.index ?? 0, rows.at(-1)?.span[1] ?? 0];
  return { values, blanks, notes, found: rows.length >= 2, feeUnit: unit ? unit[1]! : null, span };
}

function readLegal(s: string, from: number): TableResult & { end: number } {
  const notes: ParseNote[] = [];
  const anchor = /行政复议/g;
  anchor.lastIndex = from;
  const a = anchor.exec(s);
  const located = a ? locateLegalRuns(s, a.index) : null;
  if (!located) return { values: { ...NULL_LEGAL }, blanks: [], notes, found: false, end: from };
  const material = located.runs.join(' ');
  const { readings, status } = readRow(readMaterial(material), LEGAL_SHAPE);
  const value = readings.length === 1 ? readings[0]! : readings.length > 1 ? agreed(readings) : [];
  const values = { ...NULL_LEGAL };
  LEGAL_FIELDS.forEach((f, i) => {
    values[f] = value[i] ?? null;
  });
  if (readings.length !== 1 || status === 'short' || status === 'unsummed') {
    notes.push({
      rule: status === 'short' ? 'PW-03' : 'PW-05',
      severity: 'warning',
      fields: [...LEGAL_FIELDS],
      message:
        readings.length === 0
          ? `表四数字“${material}”无法读作15格，暂不取值`
          : readings.length > 1
            ? `表四数字“${material}”可读作${readings.map(describe).join('、')}，各组合计无法唯一确定，暂不取值`
            : `表四数字“${material}”读作${describe(value)}${status === 'short' ? '（少于15格，缺格按各组合计推得）' : '（各组合计不符，原表如此）'}`,
      ...(readings.length > 1 ? { readings: readings.map((r) => asRecord(LEGAL_FIELDS, r)) } : {}),
    });
  }
  return { values, blanks: [], notes, found: true, end: located.span[1] };
}

/** Longest stretch of text searched for the three tables (characters): a long report's prose between them. */
const TABLES_SPAN = 60000;

/** The tables' heading words (stray spaces may hide some). */
const TABLE_WORDS = /第二十条|制发件数|新制作数量|信息内容|申请人|本年新收|规范性文件/;

/** Where the tables may begin: a little before the first of their heading words. */
function tablesStart(text: string): number {
  const first = TABLE_WORDS.exec(text);
  return first ? Math.max(0, first.index - 40) : 0;
}

/** Reads the three tables from normalised report text, regardless of its line breaks. */
export function readFlatTables(text: string): FlatTables {
  const from = tablesStart(text);
  const flat = new FlatText(text.slice(from, from + TABLES_SPAN));
  const s = flat.text;
  const active = readActive(s, text);
  // table 三 starts at its column headings, or where its first row is when they are missing
  const head = /申请人情况|自然人法人或其他组织/.exec(s) ?? /(?:本年|一、)新收/.exec(s);
  const apply = readFlatApplication(s, head?.index ?? 0);
  const legal = readLegal(s, apply.found ? apply.span[1] : 0);
  const starts = [active.found ? active.span[0] : -1, apply.found ? apply.span[0] : -1].filter((x) => x >= 0);
  const ends = [
    active.found ? active.span[1] : -1,
    apply.found ? apply.span[1] : -1,
    legal.found ? legal.end : -1,
  ];
  const end = Math.max(...ends);
  const zone: [number, number] | null =
    starts.length > 0 && end >= 0
      ? [from + flat.sourceIndex(Math.min(...starts)), from + flat.sourceIndex(end)]
      : null;
  return { active, apply, legal, zone };
}
