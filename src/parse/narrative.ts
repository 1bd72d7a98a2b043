import type { NarrativeItem } from '../schema/index.ts';
import { CHINESE_NUMERALS, charTable, code } from './_chars.ts';
import { allMatches } from './_matches.ts';
import { COUNT_UNITS, findNumbers, type NumToken } from './narrative-numbers.ts';
import { type JoinedText, joinLines, type LineOf, type ProseLine } from './narrative-text.ts';
import { CARRY_OUT_AFTER, type Kind, TRIGGERS, type TriggerDef, ZERO_CLAIMS } from './narrative-triggers.ts';

export type { ProseLine } from './narrative-text.ts';

/** Whether the character at `i` of `s` is in `table`; none is past the end (where charCodeAt gives NaN). */
const isIn = (table: Uint8Array, s: string, i: number): boolean =>
  i < s.length && table[s.charCodeAt(i)] === 1;

/** A clause about disclosure applications (not 行政许可申请 or 政务服务申请). */
const APPLICATION = /公开申请|依申请|申请公开/;

const COMPARATIVE = /同比|较上年|比上年|增加|减少|增长|下降|上升/;

interface Trigger {
  def: TriggerDef;
  start: number;
  end: number;
  text: string;
  /** The clause up to the end of the matched figure's comma-part (for the workload test). */
  scope?: string;
}

/** The hints of the triggers. */
const HINTS = [...new Set(TRIGGERS.flatMap((t) => t.hints ?? []))];
/** A bit for each hint: a clause's hints are one number (30 hints at most; a test checks). */
const HINT_BIT = new Map(HINTS.map((h, i) => [h, 1 << i]));
/** The hint bits of each trigger, one of which it needs (0: none). */
const TRIGGER_BITS = TRIGGERS.map((t) => (t.hints ?? []).reduce((bits, h) => bits | HINT_BIT.get(h)!, 0));
/**
 * The words a clause must hold for any of its figures to claim a field: a gate, not a property of
 * the triggers (the carry-over trigger also matches 转至2025年, which none of these holds: such a
 * clause with no 申请 claims nothing). Kept as the narrative rules have it; TRIGGERS are in
 * narrative-triggers.ts.
 */
const TRIGGER_WORDS = [
  ...['申请', '结转', '转下', '转至下', '转到下', '顺延', '办结', '答复', '办理完毕', '公开', '无法提供'],
  ...['不掌握', '信息不存在', '不予处理', '其他处理', '复议', '诉讼', '起诉', '规范性文件', '规章'],
  ...['行政许可', '信息处理费', '率'],
];
/** The bit of a clause holding a trigger word (above the hints' bits). */
const ANY_TRIGGER = 1 << 30;

/** A word looked for in clauses and the bits it sets. */
interface Word {
  text: string;
  bits: number;
}
/** The hints and trigger words by their first code unit (at index WORD_LIST[c] - 1; 0: none start with c). */
const WORDS_BY_FIRST: Word[][] = [];
const WORD_LIST = new Uint8Array(0x10000);
for (const [text, bits] of [
  ...HINTS.map((h) => [h, HINT_BIT.get(h)!] as const),
  ...TRIGGER_WORDS.map((w) => [w, ANY_TRIGGER] as const),
]) {
  const c = code(text);
  if (WORD_LIST[c] === 0) WORD_LIST[c] = WORDS_BY_FIRST.push([]);
  WORDS_BY_FIRST[WORD_LIST[c]! - 1]!.push({ text, bits });
}

/** Whether `word` is at `k` of `units`, within `limit`. */
function wordAt(units: Uint16Array, k: number, limit: number, word: string): boolean {
  if (k + word.length > limit) return false;
  for (let j = 1; j < word.length; j++) if (units[k + j] !== word.charCodeAt(j)) return false;
  return true;
}

/**
 * The hint bits of the clause at units[from, limit), with ANY_TRIGGER when it holds a trigger word:
 * one scan of joinLines' code units by first character instead of three regex scans of the string
 * (two of them handing back an array of the words they matched).
 */
function wordsIn(units: Uint16Array, from: number, limit: number): number {
  let bits = 0;
  for (let k = from; k < limit; k++) {
    const list = WORD_LIST[units[k]!]!;
    if (list === 0) continue;
    for (const word of WORDS_BY_FIRST[list - 1]!) if (wordAt(units, k, limit, word.text)) bits |= word.bits;
  }
  return bits;
}

/** The triggers of a clause holding the hints `hints` (wordsIn). */
function findTriggers(clause: string, hints: number): Trigger[] {
  const found: Trigger[] = [];
  for (let i = 0; i < TRIGGERS.length; i++) {
    const bits = TRIGGER_BITS[i]!;
    if (bits !== 0 && (hints & bits) === 0) continue;
    const def = TRIGGERS[i]!;
    for (const m of allMatches(def.re, clause))
      found.push({ def, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // most clauses hold one trigger or none: nothing to order or to resolve
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Trigger[] = [];
  for (const t of found) {
    const clash = kept.findIndex((k) => t.start < k.end && k.start < t.end);
    if (clash < 0) kept.push(t);
    else if (t.end - t.start > kept[clash]!.end - kept[clash]!.start) kept[clash] = t;
  }
  return kept.sort((a, b) => a.start - b.start);
}

function unitFits(kind: Kind, unit: string): boolean {
  if (kind === 'fee') return unit === '元';
  if (kind === 'rate') return unit === '%';
  return COUNT_UNITS.has(unit) || (unit.startsWith('万') && COUNT_UNITS.has(unit.slice(1)));
}

/** A figure followed by one of these is a date (2023年), not a count. */
const DATE_UNITS = charTable('年月日');

/** Whether a match must be discarded (docs/narrative.md, discard rules). */
function isDiscarded(clause: string, trigger: Trigger, num: NumToken): boolean {
  const between = clause.slice(trigger.end, num.start);
  const near = clause.slice(Math.max(0, num.start - 4), num.start);
  if (num.approx || COMPARATIVE.test(between) || COMPARATIVE.test(near)) return true;
  if (isIn(DATE_UNITS, clause, num.end)) return true;
  return /累计|历年|自[^。；]*以来/.test(clause);
}

/** The first figure in `kind`'s unit at most 20 characters after `at` (the figures are in text order). */
function firstFitting(nums: readonly NumToken[], at: number, kind: Kind): NumToken | undefined {
  for (const n of nums) {
    if (n.start - at > 20) return undefined;
    if (n.start >= at && unitFits(kind, n.unit)) return n;
  }
  return undefined;
}

/** Field figures of one clause: each trigger takes the first fitting number, unless a nearer trigger intervenes. */
function matchClause(clause: string, nums: readonly NumToken[], hints: number): Map<NumToken, Trigger> {
  const out = new Map<NumToken, Trigger>();
  const triggers = findTriggers(clause, hints);
  let received = false;
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i]!;
    const next = triggers[i + 1];
    const kind = t.def.kind ?? 'count';
    const num = firstFitting(nums, t.end, kind);
    if (!num || out.has(num) || (next && next.start < num.start)) continue;
    if (t.def.tight && /[，、]/.test(clause.slice(t.end, num.start))) continue;
    if (t.def.afterReceived && !received) continue;
    if (t.def.needsApplication && !APPLICATION.test(clause)) continue;
    if (isDiscarded(clause, t, num)) continue;
    t.scope = clause.slice(0, segmentEnd(clause, num.end));
    out.set(num, t);
    if (t.def.field === 'apply.new_received.total') received = true;
  }
  if (/下一?年/.test(clause) && /申请|答复/.test(clause)) matchCarryOutAfter(clause, nums, out);
  return out;
}

/** 另有103件顺延到下年度答复: the figure comes before its carry-over phrase. */
function matchCarryOutAfter(clause: string, nums: readonly NumToken[], out: Map<NumToken, Trigger>): void {
  for (const n of nums) {
    if (out.has(n) || !unitFits('count', n.unit) || n.approx) continue;
    const m = CARRY_OUT_AFTER.re.exec(clause.slice(n.end, n.end + 24));
    if (!m?.[1]) continue;
    const start = n.end + m[0].length - m[1].length;
    const t: Trigger = { def: CARRY_OUT_AFTER, start, end: n.end + m[0].length, text: m[1] };
    if (!COMPARATIVE.test(clause.slice(n.end, t.end)) && !isDiscarded(clause, t, n)) out.set(n, t);
  }
}

const WORKLOAD = /含上年结转|上年结转[^。；]*(?:共|合计)|共计[^。；]*含/;

/**
 * End of the comma-part holding a figure, its bracketed note included: in 受理申请1295件，办结1191件
 * （含上年结转189件） the carry-over belongs to 办结, not to 受理.
 */
function segmentEnd(clause: string, at: number): number {
  let i = at;
  if (clause[i] === '（' || clause[i] === '(') {
    const close = indexFrom(CLOSE_BRACKET, clause, i);
    if (close >= 0) i = close + 1;
  }
  const comma = indexFrom(COMMA, clause, i);
  return comma < 0 ? clause.length : comma;
}

const CLOSE_BRACKET = /[）)]/g;
const COMMA = /[，,]/g;

/** Where `re` (global) first matches in `text` from `from`, or -1: no copy of the rest of the text. */
function indexFrom(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

/** The field a trigger claims; a count of applications with the carry-over in it is the workload. */
function fieldOf(def: TriggerDef, scope: string): string | null {
  if (def.field === 'apply.new_received.total' && WORKLOAD.test(scope)) return 'apply.workload.total';
  return def.field;
}

const LABEL_SEPARATORS = charTable('，、：（；');
/** Words that lead into a list rather than name a figure. */
const LEAD_WORD = /(?:其中|包括|分别为|和|及|共|达)/y;
const LEAD_STARTS = charTable('其包分和及共达');

/** The words before a figure, back to the previous separator, at most 20 (cut once, no string per step). */
function labelBefore(clause: string, at: number): string {
  let from = at;
  while (from > 0 && !isIn(LABEL_SEPARATORS, clause, from - 1)) from--;
  // the regex only for a label that starts like a lead word
  if (from < at && isIn(LEAD_STARTS, clause, from)) {
    LEAD_WORD.lastIndex = from;
    if (LEAD_WORD.test(clause) && LEAD_WORD.lastIndex <= at) from = LEAD_WORD.lastIndex;
  }
  return clause.slice(Math.max(from, at - 20), at);
}

type Part = { label: string; value: number };

/** What introduces a breakdown, right after its total (sticky: tried at that place only). */
const PARTS_INTRO = /[，：]?(?:其中|包括|分别为)[：，]?/y;
const INTRO_STARTS = charTable('，：其包分');

/** Where a clause ends in the joined text (read only for breakdowns that run on over ；). */
interface RestOf {
  text: string;
  end: number;
}

/**
 * N-13: a total followed by 其中/包括/分别为 and two or more parts in the same unit. The list may
 * run on over ；-separated items of the same sentence (其中：…9条；…7条；…185条。) when every
 * later item is one `label NUM UNIT` and the sentence ends with them.
 */
function findParts(
  clause: string,
  total: NumToken,
  nums: readonly NumToken[],
  rest: RestOf,
): Part[] | undefined {
  if (total.approx || !total.unit || !isIn(INTRO_STARTS, clause, total.end)) return undefined;
  PARTS_INTRO.lastIndex = total.end;
  const intro = PARTS_INTRO.exec(clause);
  return intro ? readParts(clause, total, total.end + intro[0].length, nums, rest) : undefined;
}

/** The parts of `total` from `from` (after its 其中/包括/分别为) on, when two or more. */
function readParts(
  clause: string,
  total: NumToken,
  from: number,
  nums: readonly NumToken[],
  rest: RestOf,
): Part[] | undefined {
  const parts: Part[] = [];
  let last: NumToken | undefined;
  for (const n of nums) {
    if (n.start < from) continue;
    if (n.unit !== total.unit || n.approx) break;
    parts.push({ label: labelBefore(clause, n.start), value: n.value });
    last = n;
  }
  const more =
    last && last === nums.at(-1) && isListEnd(clause, last)
      ? listItems(restOfSentence(rest), total.unit)
      : [];
  const all = more.length > 0 ? [...parts, ...more] : parts;
  return all.length >= 2 ? all : undefined;
}

/** Nothing but punctuation after the figure. */
const isListEnd = (text: string, n: NumToken): boolean => /^[、，。）)]*$/.test(text.slice(n.end));

/** The ；-separated items after a clause, when each is one `label NUM UNIT` in `unit`; else none. */
function listItems(rest: string, unit: string): Part[] {
  const out: Part[] = [];
  for (const item of rest.split('；')) {
    if (!item) continue;
    const nums = findNumbers(item);
    const n = nums[0];
    if (nums.length !== 1 || !n || n.unit !== unit || n.approx || !isListEnd(item, n)) return [];
    out.push({ label: labelBefore(item, n.start), value: n.value });
  }
  return out;
}

/** What every zero claim (ZERO_CLAIMS) names: a negation without any of them claims nothing. */
const ZERO_CLAIM_OBJECT = /申请|行政复议|行政诉讼/;

function extractZeroClaims(clause: string, offset: number, lineOf: LineOf): NarrativeItem[] {
  if (!ZERO_CLAIM_OBJECT.test(clause) || /纠错|纠正|败诉|撤销/.test(clause)) return [];
  const items = ZERO_CLAIMS.flatMap(({ field, re }) =>
    allMatches(re, clause).map((m) => ({
      label: m[0],
      value: 0,
      unit: '件',
      field,
      text: clause,
      line: lineOf(offset + m.index),
      strength: 'strong' as const,
      zeroClaim: true,
    })),
  );
  // 没有…行政复议和行政诉讼 claims both; the suit pattern alone misses it past 12 characters.
  const both = items.filter((i) => i.field === 'legal.review.total' && i.label.endsWith('行政诉讼'));
  const hasSuit = items.some((i) => i.field === 'legal.suit.total');
  return hasSuit ? items : [...items, ...both.map((i) => ({ ...i, field: 'legal.suit.total' }))];
}

/** What a figure needs besides an Arabic digit: a Chinese numeral before a count unit (sticky: tried at a numeral). */
const CHINESE_FIGURE = new RegExp(
  `[${CHINESE_NUMERALS}]万?(?:余|多)?万?(?:${[...COUNT_UNITS].join('|')})`,
  'y',
);
/** The characters CHINESE_FIGURE allows right after its numeral: at any other the regex is not tried. */
const AFTER_NUMERAL = charTable(`万余多${[...COUNT_UNITS].map((u) => u[0]).join('')}`);
const NO_MATCHES: ReadonlyMap<NumToken, Trigger> = new Map();
const NO_ITEMS: readonly NarrativeItem[] = [];
const NO_NUMS: readonly NumToken[] = [];

/** Adds the items of one clause to `items`: its figures, then its zero claims. */
function extractClause(
  clause: string,
  offset: number,
  joined: JoinedText,
  /** Where the first digit or numeral of a clause stating a figure is (-1: no figure). */
  figuresFrom: number,
  negation: boolean,
  items: NarrativeItem[],
): void {
  const { lineOf } = joined;
  const rest: RestOf = { text: joined.text, end: offset + clause.length };
  const zero = negation ? extractZeroClaims(clause, offset, lineOf) : NO_ITEMS;
  const nums = figuresFrom >= 0 ? findNumbers(clause, figuresFrom, joined.units, offset) : NO_NUMS;
  const words = nums.length > 0 ? wordsIn(joined.units, offset, offset + clause.length) : 0;
  const matched = (words & ANY_TRIGGER) !== 0 ? matchClause(clause, nums, words) : NO_MATCHES;
  for (const n of nums) {
    const t = matched.get(n);
    const parts = findParts(clause, n, nums, rest);
    if (t) {
      const wan = n.unit.startsWith('万') && t.def.kind !== 'fee';
      const item: NarrativeItem = {
        label: t.text,
        value: wan ? n.value * 1e4 : n.value,
        unit: wan ? n.unit.slice(1) : n.unit,
        field: t.def.kind === 'fee' ? null : fieldOf(t.def, t.scope ?? clause),
        text: clause,
        line: lineOf(offset + t.start),
        strength: t.def.strength,
      };
      if (parts) item.parts = parts;
      items.push(item);
    } else if (n.unit) {
      const label = labelBefore(clause, n.start);
      const line = lineOf(offset + Math.max(0, n.start - label.length));
      const item: NarrativeItem = { label, value: n.value, unit: n.unit, field: null, text: clause, line };
      if (parts) item.parts = parts;
      items.push(item);
    }
  }
  for (const z of zero) items.push(z);
}

/** The rest of the sentence after a clause ending at `end`, when a ； continues it. */
function restOfSentence({ text, end }: RestOf): string {
  if (text[end] !== '；') return '';
  const m = /[。！？\n]/.exec(text.slice(end + 1, end + 2000));
  return text.slice(end + 1, m ? end + 1 + m.index : end + 2000);
}

/** What the clause scan looks at, by UTF-16 code unit (0: nothing). */
const STOP = 1;
const DIGIT = 2;
const NUMERAL = 3;
/** The first character of 未, 没有 or 无, the words every zero claim (ZERO_CLAIMS) needs. */
const NEGATION = 4;
const SCAN = new Uint8Array(0x10000);
for (const c of '。；！？\n') SCAN[code(c)] = STOP;
for (const c of '0123456789') SCAN[code(c)] = DIGIT;
for (const c of CHINESE_NUMERALS) SCAN[code(c)] = NUMERAL;
for (const c of '未没无') SCAN[code(c)] = NEGATION;

/**
 * Figures stated in the prose of parts 一–六 (docs/narrative.md): table-field claims with their
 * strength, zero claims, N-13 breakdowns, and the other figures a reader notices (field null).
 */
export function extractNarrative(prose: ReadonlyArray<ProseLine>): NarrativeItem[] {
  const joined = joinLines(prose);
  const { text, units } = joined;
  const items: NarrativeItem[] = [];
  // clauses end at 。；！？ or a paragraph end; most state no figure and no negation, so one scan of
  // the text's code units finds the few that do and only those are cut out
  let start = 0;
  let figure = false;
  let negation = false;
  // the clause's first digit or numeral: figures are looked for from there
  let first = -1;
  // one past the end is a stop too: the last clause needs no closing mark
  for (let i = 0; i <= units.length; i++) {
    const what = i < units.length ? SCAN[units[i]!] : STOP;
    if (what === 0) continue;
    if (first < 0 && (what === DIGIT || what === NUMERAL)) first = i;
    if (what === DIGIT) figure = true;
    else if (what === NUMERAL && !figure && isIn(AFTER_NUMERAL, text, i + 1)) {
      CHINESE_FIGURE.lastIndex = i;
      figure = CHINESE_FIGURE.test(text);
    } else if (what === NEGATION) negation = true;
    else if (what === STOP) {
      if (figure || negation) {
        const figuresFrom = figure ? first - start : -1;
        extractClause(text.slice(start, i), start, joined, figuresFrom, negation, items);
      }
      start = i + 1;
      figure = false;
      negation = false;
      first = -1;
    }
  }
  return items;
}
