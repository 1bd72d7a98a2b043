import type { Report, Warning } from '../schema/index.ts';
import { splitLine } from './_cells.ts';
import { linesOf, type RawSource, type TableResult, type TextLine } from './_notes.ts';
import { mergeValues } from './_values.ts';
import { parseActiveTable } from './active-table.ts';
import { parseApplicationTable } from './application-table.ts';
import { flatSections } from './flat-sections.ts';
import { readFlatTables } from './flat-tables.ts';
import { parseLegalTable } from './legal-table.ts';
import { readHead, readPeriod, splitCrawlerHeader } from './metadata.ts';
import { extractNarrative } from './narrative.ts';
import { normalisePlain, normaliseText } from './normalise.ts';
import type { ParseResult, SourceInfo } from './result.ts';
import { findLayout, type Layout, sliceSections } from './sections.ts';

const CURRENT_LABELS = ['本年制发件数', '现行有效件数', '本年收费金额'];
const OLD_LABELS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '政府集中采购'];
const REPLACEMENT_SHARE = 0.01;
/** Prose lines scanned for narrative figures (a long report has under 1,500). */
const MAX_PROSE_LINES = 4000;

function fail(code: Extract<ParseResult, { ok: false }>['error']['code'], message: string): ParseResult {
  return { ok: false, error: { code, message } };
}

/** C0 controls other than tab, line feed, form feed and carriage return, and U+FFFD (a byte not decoded). */
const UNREADABLE = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/g;

/** UNREADABLE, for the test whether there is any (no array of matches). */
const ANY_UNREADABLE = new RegExp(UNREADABLE.source);

/** EMPTY_FILE for a text of whitespace only. */
function checkEmpty(raw: string): ParseResult | undefined {
  return /\S/.test(raw) ? undefined : fail('EMPTY_FILE', '文件为空或只有空白；请提供年报全文');
}

function checkReadable(raw: string): ParseResult | undefined {
  const n = Math.min(raw.length, 20000);
  const head = raw.slice(0, n);
  // a readable text has neither kind: one test; a text that has some counts them in one pass
  if (!ANY_UNREADABLE.test(head)) return undefined;
  const found = head.match(UNREADABLE) ?? [];
  let bad = 0;
  for (const c of found) if (c === '\ufffd') bad++;
  const ctrl = found.length - bad;
  if (ctrl / n > 0.02)
    return fail('BINARY_FILE', '内容是二进制数据而不是文本；请提供 txt、html、pdf 或 docx 格式的年报');
  if (bad / n > REPLACEMENT_SHARE) {
    return fail(
      'UNREADABLE_ENCODING',
      '文本含大量无法解码的字符，编码可能有误；请另存为 UTF-8 或 GBK 文本后重试',
    );
  }
  return undefined;
}

/** F-05: table 三 labels written 政务公开申请 instead of the official 政府信息公开申请. */
function findLabelVariant(lines: readonly TextLine[]): Warning | undefined {
  const hit = lines.find((l) => l.text.includes('政务公开申请'));
  if (!hit) return undefined;
  const label = splitLine(hit.text).label.replace(/^.*?(?=[一二三四]、)/, '');
  return {
    rule: 'F-05',
    severity: 'info',
    report: '',
    fields: [],
    message: `表格标签“${label}”非标准写法，已按“${label.replace('政务公开申请', '政府信息公开申请')}”识别`,
  };
}

/** Page-break debris: footers such as `- 4 -`, `第4页`, `4/6`. */
const PAGE_FOOTER =
  /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

function regionLines(
  lines: readonly TextLine[],
  layout: Layout,
  key: '二' | '三' | '四',
  notes: Warning[],
  source: RawSource,
): TextLine[] {
  const r = layout.tables[key];
  if (!r) return [];
  const kept: TextLine[] = [];
  for (let i = r[0]; i < r[1]; i++) {
    const l = lines[i]!;
    if (!PAGE_FOOTER.test(l.text)) kept.push({ text: l.text, line: l.line, source });
  }
  const dropped = r[1] - r[0] - kept.length;
  if (dropped > 0) {
    notes.push({
      rule: 'PW-07',
      severity: 'info',
      report: '',
      fields: [],
      message: `表${key}中的页码或重复表头已忽略（${dropped}处）`,
    });
  }
  return kept;
}

const CLAUSE_STOP = /[。；]/;

/** Whether line `i` lies in one of the [start, end) ranges. */
function inRanges(ranges: readonly [number, number][], i: number): boolean {
  for (const [start, end] of ranges) if (i >= start && i < end) return true;
  return false;
}

/** Prose for narrative extraction: everything outside the table regions, plus prose-like lines inside them. */
function proseLines(lines: readonly TextLine[], layout: Layout): TextLine[] {
  // three ranges at most: asked per line rather than marked in a typed array (slow to allocate)
  const ranges = Object.values(layout.tables);
  const prose: TextLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { text } = lines[i]!;
    if (text.includes('\t')) continue;
    if (!inRanges(ranges, i) || (text.length > 40 && CLAUSE_STOP.test(text))) prose.push(lines[i]!);
  }
  // the figures a report states sit in its prose pages; a giant paste is not scanned to the end
  return prose.length > MAX_PROSE_LINES ? prose.slice(0, MAX_PROSE_LINES) : prose;
}

/** Any format label; no label's end is another's start, so every occurrence of each is matched. */
const FORMAT_LABEL = new RegExp([...CURRENT_LABELS, ...OLD_LABELS].join('|'), 'g');

/** The format labels in `hay`, found in one pass. */
const labelsIn = (hay: string) => new Set(hay.match(FORMAT_LABEL));

function detectFormat(
  text: string,
  tables: readonly TableResult[],
): { format: '2021' | '2019trial' | 'pre2019'; old: string[] } {
  // labels are usually printed whole: look in the text as it is, and compact it only when needed
  let found = labelsIn(text);
  if (!CURRENT_LABELS.every((l) => found.has(l))) found = labelsIn(text.replace(/\s+/g, ''));
  const old = OLD_LABELS.filter((l) => found.has(l));
  if (CURRENT_LABELS.every((l) => found.has(l))) return { format: '2021', old };
  if (old.length > 0) return { format: '2019trial', old };
  if (tables.some((t) => t.found)) return { format: '2021', old };
  return { format: 'pre2019', old };
}

/** The lines with a table zone emptied (line breaks kept, so line numbers hold): prose only. */
function outsideZone(text: string, [from, to]: [number, number]): TextLine[] {
  const blanked = `${text.slice(0, from)}。${text.slice(from + 1, to).replace(/[^\n]+/g, '')}${text.slice(to)}`;
  return linesOf(blanked);
}

const TABLE_NAMES = ['二（主动公开）', '三（依申请公开）', '四（行政复议、行政诉讼）'];

/** A table not found leaves its cells null: said once per table. */
function missingTables(tables: readonly TableResult[]): Warning[] {
  return tables.flatMap((t, i) =>
    t.found
      ? []
      : [
          {
            rule: 'PW-10',
            severity: 'warning' as const,
            report: '',
            fields: Object.keys(t.values),
            message: `未找到表${TABLE_NAMES[i]}，其数值暂缺`,
          },
        ],
  );
}

/** Parses one report's text into a Report record plus parse warnings; never throws on bad input. */
export function parseReport(raw: string, source: SourceInfo): ParseResult {
  const empty = checkEmpty(raw);
  if (empty) return empty;
  // a crawler's header (标题 / 发布时间 / 原文链接 …) is page metadata, not report text
  const { header, body } = splitCrawlerHeader(raw);
  // plain text (nearly every report) holds no unreadable character: its one normalising scan is the check
  const plain = header === null ? normalisePlain(body) : null;
  const unreadable = plain === null ? checkReadable(raw) : undefined;
  if (unreadable) return unreadable;
  const text = plain ?? normaliseText(body);
  const lines = linesOf(text);
  const layout = findLayout(lines);
  // table lines carry the text as written: column positions are measured on it
  const written: RawSource = { text: body };
  const debris: Warning[] = [];
  const variant = layout.tables.三 ? findLabelVariant(lines.slice(...layout.tables.三)) : undefined;
  if (variant) debris.push(variant);
  let active = parseActiveTable(regionLines(lines, layout, '二', debris, written));
  let apply = parseApplicationTable(regionLines(lines, layout, '三', debris, written));
  let legal = parseLegalTable(regionLines(lines, layout, '四', debris, written));
  let prose = lines;
  if (!active.found || !apply.found || !legal.found) {
    // a page flattened to a few long lines (a crawler's copy): tables found by their labels
    const flat = readFlatTables(text);
    const used = [flat.active, flat.apply, flat.legal].filter(
      (t, i) => t.found && ![active, apply, legal][i]!.found,
    );
    if (!active.found && flat.active.found) active = flat.active;
    if (!apply.found && flat.apply.found) apply = flat.apply;
    if (!legal.found && flat.legal.found) legal = flat.legal;
    if (used.length > 0 && flat.zone) prose = outsideZone(text, flat.zone);
  }
  const narrative = extractNarrative(proseLines(prose, layout));
  const tables = [active, apply, legal];
  const head = readHead(lines, text, header);
  if (!head) {
    return fail(
      'NOT_A_REPORT',
      tables.some((t) => t.found)
        ? '找到了表格，但找不到标题中的机关名称和年度（如“××县人民政府2024年政府信息公开工作年度报告”）；请附上报告标题'
        : '这不是政府信息公开工作年度报告：既没有报告标题，也没有三张统计表',
    );
  }
  if (!tables.some((t) => t.found)) {
    return fail(
      'NO_TABLES',
      `找到了《${head.title.title}》的标题，但没有识别到主动公开、依申请公开或复议诉讼统计表；请提供含表格的全文`,
    );
  }
  const id = `${head.agency}-${head.title.year}`;
  const { format, old } = detectFormat(text, tables);
  const record: Report = {
    id,
    title: head.title.title,
    agency: head.agency,
    kind: head.kind,
    region: head.region,
    year: head.title.year,
    period: readPeriod(text),
    signed: head.signed,
    published: head.published,
    source: { file: source.file, sha256: source.sha256, url: head.url },
    values: mergeValues([active.values, apply.values, legal.values]),
    blanks: [...active.blanks, ...apply.blanks, ...legal.blanks],
    narrative,
    text: {
      format,
      // a flattened page (its tables read from long lines) has its headings inside them too
      sections:
        prose !== lines && Object.keys(layout.headings).length < 3
          ? flatSections(text)
          : sliceSections(lines, layout),
      sigAgency: head.sigAgency,
      feeUnit: active.feeUnit,
      oldLabels: old,
    },
  };
  // validated against ReportSchema where it enters the store, not on this hot path
  // Object.assign, not a spread: the notes come in many shapes, and a spread of many shapes is slow
  const warnings: Warning[] = [
    ...head.notes,
    ...debris,
    ...tables.flatMap((t) => t.notes),
    ...missingTables(tables),
  ].map((n) => Object.assign({}, n, { report: id }));
  return { ok: true, report: record, warnings };
}
