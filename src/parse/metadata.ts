import { DIVISION_SUFFIXES } from '../domain/index.ts';
import type { Region, Warning } from '../schema/index.ts';
import { linesOf, type TextLine } from './_notes.ts';
import { readChineseNumber, rewriteChineseYears } from './chinese-numerals.ts';
import { normaliseText } from './normalise.ts';
import { divisionShortForms, divisionsOneCharAway, findRegion, findZone, isPlaceName } from './region.ts';

export interface TitleInfo {
  title: string;
  agency: string;
  year: number;
  line: number;
}

const TITLE_TAIL = /(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const BARE_REGION = new RegExp(`(?:${[...DIVISION_SUFFIXES, '州', '特区', '林区'].join('|')})$`);

const compact = (s: string) => s.replace(/\s+/g, '');

/** How the name of an issuing body ends (a region, a government, an office, a bureau …). */
const ORG_SUFFIX =
  /(?:政府|办公室|办公厅|局|委员会|委|厅|院|中心|署|会|部|处|站|所|队|馆|办|区|县|市|省|旗|州|盟|镇|乡|街道|管委会|公司|集团|行|社|团|室|司)$/;

/** 二〇二四 → 2024 (digit-by-digit year numerals). */
export const readChineseYear = rewriteChineseYears;

/** A people's government named by its region alone (某某县) is 某某县人民政府. */
export function normaliseAgency(name: string): string {
  const a = name.replace(/^[(（【\s]+|[)）】\s]+$/g, '').replace(/关于$/, '');
  return BARE_REGION.test(a) ? `${a}人民政府` : a;
}

const LABEL_PREFIX = /^.*?(?:标题|题目|名称)[:：]/;

/** The title text; an agency taken from the line above is prepended unless the tail names it. */
function titleOf(lineAbove: string, before: string, tail: string): string {
  return `${lineAbove && !tail.includes(lineAbove) ? lineAbove : ''}${before}${tail}`;
}

const isAgencyName = (s: string) =>
  !!s && s.length <= 40 && !/[。，；:：,>＞»›|｜/]/.test(s) && ORG_SUFFIX.test(s);

/** A year in a (compacted) line: the text before it, the year, the text after 年 or 年度. */
const TITLE_YEAR = /^(.*?)((?:19|20)\d{2})年度?(.*)$/;

/** What a line must hold to hold a year (TITLE_YEAR after readChineseYear): tested before either runs. */
const MAY_HOLD_YEAR = /[0-9〇零]|一九/;

/** Characters of a line searched for the title. */
const TITLE_SCAN = 400;

/** The agency ending text that runs into a title (breadcrumbs, site name): from its place name on. */
function trailingAgency(lead: string): string {
  for (let p = Math.max(0, lead.length - 40); p < lead.length - 2; p++) {
    for (let k = 2; k <= 10 && p + k <= lead.length; k++) {
      if (isPlaceName(lead.slice(p, p + k)) && isAgencyName(lead.slice(p))) return lead.slice(p);
    }
  }
  return '';
}

/**
 * Finds the report title near the top: agency, year, and the title text. A title that names no
 * body (2023年度政府信息公开工作年度报告) takes the body that signs the report, when there is one.
 */
export function readTitle(lines: readonly TextLine[], signer?: string | null): TitleInfo | undefined {
  // the first 12 lines with text, each read from its start only: a title is short, a flattened page's line is not
  const head: TextLine[] = [];
  for (let i = 0; i < lines.length && head.length < 12; i++) {
    const l = lines[i]!;
    if (/\S/.test(l.text))
      head.push(l.text.length > TITLE_SCAN ? { ...l, text: l.text.slice(0, TITLE_SCAN) } : l);
  }
  let untitled: { year: number; title: string; line: number } | undefined;
  for (let i = 0; i < head.length; i++) {
    // a year is written with a digit, or in numerals that hold 〇/零 (二〇二四) or 一九
    if (!MAY_HOLD_YEAR.test(head[i]!.text)) continue;
    const m = TITLE_YEAR.exec(compact(readChineseYear(head[i]!.text)));
    if (!m) continue;
    // the title may wrap: its tail is looked for in this line and the two after it
    const joined = compact(
      readChineseYear(`${head[i]!.text}${head[i + 1]?.text ?? ''}${head[i + 2]?.text ?? ''}`),
    );
    if (!TITLE_TAIL.test(joined)) continue;
    const [, lead = '', yearText, after = ''] = m;
    // a page's field label (标题：, 名称：) is not part of the title, nor site text run into it
    const labelled = lead.replace(LABEL_PREFIX, '');
    const before = labelled && !isAgencyName(labelled) ? trailingAgency(labelled) || labelled : labelled;
    let agency = before;
    if (!agency) {
      // "2023年XX县政府信息公开工作年度报告", or the agency on the line above
      const rest = after + compact(head[i + 1]?.text ?? '');
      const inner = /^(.*?人民政府)信息公开/.exec(rest) ?? /^(.*?)(?:政府|政务)?信息公开/.exec(rest);
      agency = inner?.[1] ?? '';
      if (!agency && i > 0) agency = compact(head[i - 1]!.text);
    }
    agency = agency.replace(/(?:的|关于)$/, '').replace(LABEL_PREFIX, '');
    const tail = /^(.*?(?:报告|年报))/.exec(joined.slice(joined.indexOf(yearText!)));
    if (!isAgencyName(agency)) {
      if (!before) untitled ??= { year: Number(yearText), title: tail?.[1] ?? '', line: head[i]!.line };
      continue;
    }
    return {
      agency: normaliseAgency(agency),
      year: Number(yearText),
      title: titleOf(before ? '' : agency, before, tail?.[1] ?? `${yearText}年政府信息公开工作年度报告`),
      line: head[i]!.line,
    };
  }
  if (untitled?.title && signer && isAgencyName(signer)) {
    return { agency: normaliseAgency(signer), ...untitled };
  }
  return undefined;
}

const pad = (n: string) => n.padStart(2, '0');

/** A statistics-period statement in compacted text, at its start. */
const PERIOD =
  /^统计[^。]{0,30}?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|－|-|~)((?:19|20)\d{2})?年?(\d{1,2})月(\d{1,2})日/;
/** Compacted characters a statement can span (it is under 60). */
const PERIOD_SPAN = 100;

/** At least `span` characters of the compacted text from `at` (fewer at the end of the text). */
function compactFrom(text: string, at: number, span: number): string {
  let end = at + span;
  let t = compact(text.slice(at, end));
  while (t.length < span && end < text.length) {
    end += span;
    t = compact(text.slice(at, end));
  }
  return t;
}

/** Whether the first character of `text` from `at` that is not whitespace is `char`. */
function nextWordIs(text: string, at: number, char: string): boolean {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text[i] === char;
}

/** The statistics period, e.g. 统计期限从2023年1月1日起到2023年12月31日止. */
export function readPeriod(text: string): { from: string; to: string } | null {
  // the statement starts at a 统: each 统计 is tried on the compacted text after it, not the whole text
  for (let at = text.indexOf('统'); at >= 0; at = text.indexOf('统', at + 1)) {
    if (!nextWordIs(text, at + 1, '计')) continue;
    const m = PERIOD.exec(compactFrom(text, at, PERIOD_SPAN));
    if (!m) continue;
    const [, y1, m1, d1, y2, m2, d2] = m;
    return { from: `${y1}-${pad(m1!)}-${pad(d1!)}`, to: `${y2 ?? y1}-${pad(m2!)}-${pad(d2!)}` };
  }
  return null;
}

/** The signature block at the end: the signing body and the date under it. */
export function readSignature(lines: readonly TextLine[]): {
  signed: string | null;
  sigAgency: string | null;
} {
  // the last 8 lines with text, without trimming every (possibly very long) line
  const tail: TextLine[] = [];
  for (let i = lines.length - 1; i >= 0 && tail.length < 8; i--)
    if (/\S/.test(lines[i]!.text)) tail.unshift(lines[i]!);
  for (let i = tail.length - 1; i >= 0; i--) {
    // a date line is short: long lines are prose (a flattened page's signature is read below)
    if (tail[i]!.text.length > 40) continue;
    const t = compact(readChineseYear(tail[i]!.text));
    const m = /^((?:19|20)\d{2})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/.exec(
      t,
    );
    if (!m) continue;
    const month = readChineseNumber(m[2]!) ?? 0;
    const day = readChineseNumber(m[3]!) ?? 0;
    const signed = `${m[1]}-${pad(String(month))}-${pad(String(day))}`;
    const prev = i > 0 ? compact(tail[i - 1]!.text) : '';
    const sigAgency = prev && prev.length <= 30 && !/[。，；:：]/.test(prev) ? prev : null;
    return { signed, sigAgency };
  }
  return readRunOnSignature(tail.at(-1)?.text ?? '');
}

/** `机关名称 2024年1月25日` run into the last line of a flattened page. */
const RUN_ON_SIGNATURE =
  /(?:^|[\s。；;！!])([\u4e00-\u9fff（）()]{2,30}?)\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?!\s*印发)/g;
/** What may follow the signature on a saved page: the print line, 抄送, notes in brackets, 附件下载. */
const AFTER_SIGNATURE =
  /[（(][^）)]{0,80}[）)]|抄送[:：][^。]{0,80}。?|[\u4e00-\u9fff]{2,30}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发|附件下载|打印本页|关闭窗口|返回顶部|此函|\s/g;

/**
 * The signature of a page flattened to long lines: the last `agency date` pair near the end of
 * the last line, followed by nothing but page furniture (印发 line, 抄送, 附件下载 …).
 */
function readRunOnSignature(line: string): { signed: string | null; sigAgency: string | null } {
  const tail = readChineseYear(line.slice(-400));
  let last: RegExpExecArray | undefined;
  for (const m of tail.matchAll(RUN_ON_SIGNATURE)) last = m;
  if (!last || !isAgencyName(last[1]!)) return { signed: null, sigAgency: null };
  const rest = tail.slice(last.index + last[0].length).replace(AFTER_SIGNATURE, '');
  if (rest !== '') return { signed: null, sigAgency: null };
  const [, agency, year, month, day] = last;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31)
    return { signed: null, sigAgency: null };
  return { signed: `${year}-${pad(month!)}-${pad(day!)}`, sigAgency: agency! };
}

/** What a crawler's header says about the page a report was saved from. */
export interface CrawlerHeader {
  /** 标题: the report's title as the page gives it. */
  title: string | null;
  /** 1-based line of the title field. */
  titleLine: number;
  /** 发布时间 as ISO yyyy-mm-dd. */
  published: string | null;
  /** 原文链接: the page the report was published on. */
  url: string | null;
}

/** `key: value` lines a crawler or a page's field table puts above the text. */
const HEADER_FIELD =
  /^\s*(标题|题目|名称|发布时间|发布日期|日期|时间|成文日期|文号|发文字号|发布机构|发文机关|来源|信息来源|作者|栏目|原文链接|原文地址|链接地址|页面地址|网址|链接|本地目录|索引号|主题分类|分类|关键词|公开方式|title|url|link|source|date|published)\s*[:：]\s*(.*?)\s*$/i;
/** The line that ends the header: `==== 正文 ====`. */
const BODY_MARK = /^\s*[=＝\-—_*#]{3,}\s*正文\s*[=＝\-—_*#]{3,}\s*$/;
const HEADER_SCAN = 20;

function isoDate(text: string): string | null {
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
}

/**
 * The first of `keys` the header gives a value for (a module function, not a closure: under tsx a
 * named closure costs an Object.defineProperty each time it is made, here once per parse).
 */
function pickField(
  fields: ReadonlyMap<string, { value: string; line: number }>,
  keys: readonly string[],
): { value: string; line: number } | undefined {
  return keys.map((k) => fields.get(k)).find((f) => f?.value);
}

/**
 * Splits a crawler header (标题 / 发布时间 / 文号 / 发布机构 / 栏目 / 原文链接 … then `==== 正文 ====`)
 * off the top of a saved page. The header lines are blanked in the returned body (line numbers
 * stay), so they are never read as the report's own prose. 发布机构 is site metadata, often a
 * short form (区财政金融局) or the parent government: it is not read as the agency.
 */
export function splitCrawlerHeader(raw: string): { header: CrawlerHeader | null; body: string } {
  const fields = new Map<string, { value: string; line: number }>();
  let first = -1;
  let last = -1;
  /** Character offsets: where the header's first line starts and its last line ends. */
  let from = 0;
  let to = 0;
  let at = 0;
  for (let i = 0; i < HEADER_SCAN && at <= raw.length; i++) {
    const nl = raw.indexOf('\n', at);
    const end = nl < 0 ? raw.length : nl;
    // a header line is short: a long first line is report text
    if (end - at > 2000) break;
    const text = raw.slice(at, end).normalize('NFKC');
    const start = at;
    at = end + 1;
    if (first < 0 && text.trim() === '') continue;
    if (BODY_MARK.test(text)) {
      if (first >= 0) [last, to] = [i, end];
      break;
    }
    const m = HEADER_FIELD.exec(text);
    if (m) {
      if (first < 0) [first, from] = [i, start];
      const key = m[1]!.toLowerCase();
      if (!fields.has(key)) fields.set(key, { value: m[2]!, line: i + 1 });
      [last, to] = [i, end];
    } else if (first < 0 || text.length > 80 || /[。；]/.test(text)) break;
  }
  if (first < 0 || fields.size < 2) return { header: null, body: raw };
  const titled = pickField(fields, ['标题', '题目', 'title', '名称']);
  const dated = pickField(fields, ['发布时间', '发布日期', 'published', 'date', '日期', '时间']);
  const linked = pickField(fields, [
    '原文链接',
    '原文地址',
    '链接地址',
    '页面地址',
    '网址',
    'url',
    'link',
    '链接',
  ]);
  if (!(titled || dated || linked)) return { header: null, body: raw };
  const url = linked && /^https?:\/\/\S+$/i.test(linked.value) ? linked.value : null;
  const header: CrawlerHeader = {
    title: titled?.value ? titled.value : null,
    titleLine: titled?.line ?? first + 1,
    published: dated ? isoDate(dated.value) : null,
    url,
  };
  // the header's lines are left empty: line numbers of the text stay as in the file
  return { header, body: raw.slice(0, from) + '\n'.repeat(last - first) + raw.slice(to) };
}

const AGENCY_END = '(?:委员会|办公室|办公厅|人民政府|管理局|局|厅|委|办|署|院|中心)';
const CJK_RUN = /[\u4e00-\u9fff]+$/;

function mostFrequent(found: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0];
}

/**
 * True when `short` abbreviates `long`: its characters occur in `long` in order, they start alike,
 * and it is not a plain part of it (科委 ⊂ 科学技术委员会, 发改委 ⊂ 发展和改革委员会; but 人民政府 is
 * no short form of 人民政府办公室, nor 财政局 of 财政预算管理局: 财政 is written out there).
 */
function abbreviates(short: string, long: string): boolean {
  if (long.length <= short.length || long[0] !== short[0] || long.includes(short)) return false;
  if (short.length > 2 && long.includes(short.slice(0, -1))) return false;
  let k = 0;
  for (const c of long) if (c === short[k]) k++;
  return k === short.length;
}

/**
 * The text (its start and end: a giant paste is not searched whole) and the signature, compacted:
 * made only when a name is searched for. A module function, not a closure (under tsx a named
 * closure costs an Object.defineProperty each time it is made).
 */
function haystackOf(text: string, sigAgency: string | null): string {
  return compact(
    `${text.length > 24000 ? `${text.slice(0, 20000)}\n${text.slice(-4000)}` : text}\n${sigAgency ?? ''}`,
  );
}

/**
 * The agency's full name when the title gives a short form the report spells out elsewhere:
 * 区财政金融局 → 平潭综合实验区财政金融局 (the place the body or signature names before it),
 * 上海市科委 → 上海市科学技术委员会 (a name in the body or signature that the short form abbreviates).
 * A name that is merely spelt differently (财政全融局) is never taken.
 */
export function fullAgencyName(agency: string, text: string, sigAgency: string | null): string {
  const level = /^[省市县区州旗]/.exec(agency)?.[0];
  if (level && !isPlaceName(agency.slice(0, 2)) && agency.length >= 3) {
    // a name without its place: the place written before the same name elsewhere
    const hay = haystackOf(text, sigAgency);
    const rest = agency.slice(1);
    const found: string[] = [];
    for (let at = hay.indexOf(rest); at >= 0 && found.length < 50; at = hay.indexOf(rest, at + 1)) {
      const run = CJK_RUN.exec(hay.slice(Math.max(0, at - 16), at))?.[0] ?? '';
      for (let k = run.length - 2; k >= 0; k--) {
        const place = run.slice(k);
        if (place.endsWith(level) && isPlaceName(place)) {
          found.push(place + rest);
          break;
        }
      }
    }
    return mostFrequent(found) ?? agency;
  }
  // a place and a short tail (科委, 发改委): a longer name after the same place that it abbreviates
  let placeEnd = 0;
  for (let k = 2; k <= Math.min(agency.length - 2, 12); k++)
    if (isPlaceName(agency.slice(0, k))) placeEnd = k;
  const place = agency.slice(0, placeEnd);
  const tail = agency.slice(placeEnd);
  // 人民政府, 办公室 … are names in full
  if (!place || tail.length > 4 || tail.length < 2 || /(?:政府|办公室|办公厅)$/.test(tail)) return agency;
  const re = new RegExp(`${place}([\\u4e00-\\u9fff]{${tail.length},16}?${AGENCY_END})`, 'g');
  const found = [...haystackOf(text, sigAgency).matchAll(re)]
    .map((m) => m[1]!)
    .filter((n) => abbreviates(tail, n));
  const best = mostFrequent(found);
  return best ? place + best : agency;
}

/**
 * A zone is run by its administration, not a people's government: 平潭综合实验区 (titled bare,
 * or made 平潭综合实验区人民政府 by normaliseAgency) and 平潭综合实验区管委会 are one body,
 * 平潭综合实验区管理委员会. Its offices and bureaus keep their names.
 */
function zoneAdministration(agency: string): string {
  const zone = findZone(agency);
  if (!zone || zone.index > 0) return agency;
  const rest = agency.slice(zone.name.length);
  return /^(?:|人民政府|管委会|管理委员会)$/.test(rest) ? `${zone.name}管理委员会` : agency;
}

/** `gov` for a people's government's (or a zone administration's) own report, else `dept`. */
export function agencyKind(agency: string): 'gov' | 'dept' {
  if (/人民政府$|^[^办局委厅署]*政府$/.test(agency)) return 'gov';
  const zone = findZone(agency);
  return zone && /^(?:管理委员会|管委会)$/.test(agency.slice(zone.index + zone.name.length)) ? 'gov' : 'dept';
}

/**
 * Region of the agency. When no division is named but the agency's place name is one
 * character away from exactly one real division, and the report elsewhere agrees (the
 * province or city is named, or the signature spells the division), that division is taken:
 * the agency is recorded with the corrected place, and a warning keeps the printed form.
 */
function resolveRegion(
  agency: string,
  text: string,
  sigAgency: string | null,
): { agency: string; region: Region | null; notes: Warning[] } {
  const context = text.slice(0, 6000);
  const region = findRegion(agency, context);
  if (region) return { agency, region, notes: [] };
  for (let end = 3; end <= Math.min(agency.length, 10); end++) {
    const printed = agency.slice(0, end);
    if (!/[省市县区旗州盟]$/.test(printed) || isPlaceName(printed)) continue;
    const near = divisionsOneCharAway(printed);
    if (near.length !== 1) continue;
    const { spelt: corrected, region: real } = near[0]!;
    const sig = compact(sigAgency ?? '');
    const evidence = sig.includes(corrected)
      ? `落款“${sig}”`
      : [real.province, real.city]
          .filter((p): p is string => !!p && p !== real.name)
          .flatMap((p) => divisionShortForms(p))
          .find((p) => p.length >= 2 && text.includes(p));
    if (!evidence) continue;
    const fixed = corrected + agency.slice(end);
    const where = [real.province, real.city].filter((p, i, a) => p && a.indexOf(p) === i).join('');
    return {
      agency: fixed,
      region: real,
      notes: [
        {
          rule: 'PW-11',
          severity: 'warning',
          report: '',
          fields: [],
          message: `机关名称“${agency}”中的“${printed}”不是现有行政区划，按“${corrected}”（${where}，依据：${evidence.startsWith('落款') ? evidence : `正文提到“${evidence}”`}）识别；原文写作“${printed}”`,
        },
      ],
    };
  }
  return { agency, region: null, notes: [] };
}

/**
 * Who wrote the report: the full agency name (fullAgencyName), its region (with a misspelt
 * place corrected under the rules of resolveRegion) and its kind, plus notes on what was read
 * other than as printed in the title.
 */
export function resolveAgency(
  titleAgency: string,
  text: string,
  sigAgency: string | null,
): { agency: string; kind: 'gov' | 'dept'; region: Region | null; notes: Warning[] } {
  const full = zoneAdministration(fullAgencyName(titleAgency, text, sigAgency));
  const notes: Warning[] = [];
  if (full !== titleAgency) {
    notes.push({
      rule: 'PW-11',
      severity: 'info',
      report: '',
      fields: [],
      message: `标题中的机关简称“${titleAgency}”按正文或落款中的全称“${full}”记录`,
    });
  }
  const r = resolveRegion(full, text, sigAgency);
  return { agency: r.agency, kind: agencyKind(r.agency), region: r.region, notes: [...notes, ...r.notes] };
}

/** Everything a report says about itself: title, year, who wrote it, where and when. */
export interface ReportHead {
  title: TitleInfo;
  agency: string;
  kind: 'gov' | 'dept';
  region: Region | null;
  signed: string | null;
  sigAgency: string | null;
  published: string | null;
  url: string | null;
  /** Notes on names read other than as printed (PW-11). */
  notes: Warning[];
}

/** Reads the head of a normalised report (header from splitCrawlerHeader, or null). */
export function readHead(
  lines: readonly TextLine[],
  text: string,
  header: CrawlerHeader | null,
): ReportHead | undefined {
  const { signed, sigAgency } = readSignature(lines);
  // the header's 标题 first: the page's own first line may be a breadcrumb or site name
  const title =
    (header?.title ? readTitle([{ text: header.title, line: header.titleLine }], sigAgency) : undefined) ??
    readTitle(lines, sigAgency);
  if (!title) return undefined;
  const who = resolveAgency(title.agency, text, sigAgency);
  return {
    title,
    ...who,
    signed,
    sigAgency,
    published: header?.published ?? null,
    url: header?.url ?? null,
  };
}

/** The head of a report's raw text, without reading its tables. */
export function readMetadata(raw: string): ReportHead | undefined {
  const { header, body } = splitCrawlerHeader(raw);
  const text = normaliseText(body);
  const lines = linesOf(text);
  return readHead(lines, text, header);
}
