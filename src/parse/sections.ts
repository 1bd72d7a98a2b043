import { isSpace } from './_cells.ts';
import type { TextLine } from './_notes.ts';

export const SECTION_KEYS = ['一', '二', '三', '四', '五', '六'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

const HEADINGS: Record<SectionKey, RegExp> = {
  一: /^一[、.．]?总体情况/,
  二: /^二[、.．]?主动公开政府信息/,
  三: /^三[、.．]?收到和处理(?:政府信息公开|政务公开|信息公开)?申请/,
  四: /^四[、.．]?(?:政府信息公开|政务公开|信息公开)?行政复议/,
  五: /^五[、.．]?(?:政府信息公开工作)?存在的?主要问题/,
  六: /^六[、.．]?其他需要报告/,
};

export interface Layout {
  /** Line index (into the lines array) where each found heading is. */
  headings: Partial<Record<SectionKey, number>>;
  /** [start, end) line indexes of each table region. */
  tables: Partial<Record<'二' | '三' | '四', [number, number]>>;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** Headings and table markers are short lines: long prose lines are not compacted at all. */
const MAX_MARKER_LINE = 80;

/**
 * Each line without whitespace ('' for a long line), compacted when first asked for: most lines
 * are never looked at whole.
 */
class CompactLines {
  readonly length: number;
  private readonly done: (string | undefined)[];
  constructor(private readonly lines: readonly TextLine[]) {
    this.length = lines.length;
    this.done = new Array(lines.length);
  }
  at(i: number): string {
    const text = this.lines[i]!.text;
    this.done[i] ??= text.length > MAX_MARKER_LINE ? '' : compact(text);
    return this.done[i];
  }
  /** The line's first character that is not whitespace (its compact form's first character). */
  first(i: number): string {
    const text = this.lines[i]!.text;
    if (text.length > MAX_MARKER_LINE) return '';
    let k = 0;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    return text.charAt(k);
  }
}

function findHeadings(compacts: CompactLines): Partial<Record<SectionKey, number>> {
  const found: Partial<Record<SectionKey, number>> = {};
  let from = 0;
  for (const key of SECTION_KEYS) {
    for (let i = from; i < compacts.length; i++) {
      // every heading starts with its numeral
      if (compacts.first(i) !== key) continue;
      const t = compacts.at(i);
      if (t.length <= 40 && HEADINGS[key].test(t)) {
        found[key] = i;
        from = i + 1;
        break;
      }
    }
  }
  return found;
}

function firstIndex(compacts: CompactLines, re: RegExp, from = 0): number {
  for (let i = from; i < compacts.length; i++) if (re.test(compacts.at(i))) return i;
  return -1;
}

/** Converters sometimes print the 规章/规范性文件 rows after 行政事业性收费: they still belong to table 二. */
function extendActiveEnd(compacts: CompactLines, end: number): number {
  const stop = firstIndex(compacts, /收到和处理|申请人情况|本年新收|勾稽关系/, end);
  const limit = stop < 0 ? Math.min(compacts.length, end + 12) : stop;
  for (let i = limit - 1; i >= end; i--)
    if (/^(?:规章|(?:行政)?规范性文件)(?:\d|$)/.test(compacts.at(i))) return i + 1;
  return end;
}

/** The line of the first heading found after `key`'s, or `end`. */
function nextHeading(headings: Layout['headings'], key: SectionKey, end: number): number {
  for (let k = SECTION_KEYS.indexOf(key) + 1; k < SECTION_KEYS.length; k++) {
    const at = headings[SECTION_KEYS[k]!];
    if (at !== undefined) return at;
  }
  return end;
}

/** Locates the section headings and the three table regions (with fallbacks when headings are missing). */
export function findLayout(lines: readonly TextLine[]): Layout {
  const compacts = new CompactLines(lines);
  const headings = findHeadings(compacts);
  const tables: Layout['tables'] = {};
  for (const key of ['二', '三', '四'] as const) {
    const start = headings[key];
    if (start !== undefined) tables[key] = [start + 1, nextHeading(headings, key, lines.length)];
  }
  if (!tables.二) {
    const s = firstIndex(compacts, /第二十条|^规章|本年制发件数/);
    const e = firstIndex(compacts, /^行政事业性收费/, Math.max(s, 0));
    if (s >= 0 && e >= s) tables.二 = [s, extendActiveEnd(compacts, e + 1)];
  }
  if (!tables.三) {
    const s = firstIndex(compacts, /本年新收/);
    const e = firstIndex(compacts, /结转下年度/, Math.max(s, 0));
    const floor = tables.二 && tables.二[1] <= s ? tables.二[1] : 0;
    if (s >= 0 && e >= s) tables.三 = [Math.max(floor, s - 12), e + 1];
  }
  if (!tables.四) {
    const s = firstIndex(compacts, /^行政复议/, tables.三?.[1] ?? 0);
    if (s >= 0) tables.四 = [s, Math.min(lines.length, s + 30)];
  }
  return { headings, tables };
}

/** The prose of each part, keyed 一…六 (tables excluded). */
export function sliceSections(lines: readonly TextLine[], layout: Layout): Record<string, string> {
  const out: Record<string, string> = {};
  const keys = SECTION_KEYS.filter((k) => layout.headings[k] !== undefined);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const start = layout.headings[key]! + 1;
    const end = i + 1 < keys.length ? layout.headings[keys[i + 1]!]! : lines.length;
    out[key] = key === '二' || key === '三' || key === '四' ? '' : proseOf(lines, start, end);
  }
  return out;
}

/** Lines [start, end) without table rows (a line with a tab), each trimmed, joined, trimmed. */
function proseOf(lines: readonly TextLine[], start: number, end: number): string {
  let body = '';
  for (let l = start; l < end; l++) {
    const text = lines[l]!.text;
    if (text.includes('\t')) continue;
    body += body === '' ? text.trim() : `\n${text.trim()}`;
  }
  return body.trim();
}
