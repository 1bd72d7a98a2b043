import { readChineseNumber } from '../domain/index.ts';
import type { NarrativeItem } from '../schema/index.ts';

/** A prose line as the parser hands it over (table regions removed). */
export interface ProseLine {
  text: string;
  /** 1-based line in the source text. */
  line: number;
}

type Strength = 'strong' | 'weak';
type Kind = 'count' | 'fee' | 'rate';

interface TriggerDef {
  field: string | null;
  /** A literal every match contains: clauses without it skip the regex. */
  hint?: string;
  strength: Strength;
  re: RegExp;
  kind?: Kind;
  /** The gap to the number may not contain ，、 (行政复议/行政诉讼). */
  tight?: boolean;
  /** Only after an N-01 match in the same clause (其中自然人…). */
  afterReceived?: boolean;
  /** Only in clauses about disclosure applications (办结/答复 also describe hotlines, mailboxes, 政务服务申请). */
  needsApplication?: boolean;
}

const NORMATIVE = '(?:行政)?规范性文件';
const REGULATION = '(?<!规范性文件)规章';
const docTriggers = (row: string, noun: string): TriggerDef[] =>
  [
    {
      field: `active.${row}.issued`,
      hint: noun.slice(-2),
      re: new RegExp(`(?:制发|制定|出台|印发)[^。；]{0,6}?${noun}`, 'g'),
    },
    {
      field: `active.${row}.repealed`,
      hint: '废止',
      re: new RegExp(`废止[^。；]{0,6}?${noun}|${noun}[^。；]{0,6}?废止`, 'g'),
    },
    {
      field: `active.${row}.in_force`,
      hint: '现行有效',
      re: new RegExp(`现行有效[^。；]{0,6}?${noun}|${noun}[^。；]{0,6}?现行有效`, 'g'),
    },
  ].map((t) => ({ ...t, strength: 'strong' as const }));

/** Phrase → field map (docs/narrative.md). */
const TRIGGERS: readonly TriggerDef[] = [
  {
    field: 'apply.new_received.total',
    strength: 'strong',
    hint: '申请',
    // 新收行政复议申请 is a review, not a disclosure application
    re: /(?:本年度?|全年)?新(?:收|受理)(?:(?!复议|诉讼|许可)[^。；]){0,12}?申请/g,
  },
  {
    field: 'apply.new_received.total',
    strength: 'weak',
    hint: '公开',
    re: /(?:收到|受理|接收|办理)[^。；]{0,12}?(?:政府信息公开|政务公开|信息公开|依申请公开)(?:申请)?/g,
    // 办理政务公开专栏信息发布120条 is not about applications
    needsApplication: true,
  },
  {
    field: 'apply.new_received.natural',
    strength: 'strong',
    hint: '其中',
    re: /其中[^。；]{0,6}?(?:自然人|个人|公民)(?:申请)?/g,
    afterReceived: true,
  },
  {
    field: 'apply.new_received.org_sum',
    strength: 'strong',
    hint: '法人',
    re: /法人或(?:者)?其他组织(?:申请)?/g,
    afterReceived: true,
  },
  { field: 'apply.carried_in.total', strength: 'strong', hint: '结转', re: /上一?年度?结转/g },
  {
    field: 'apply.results_total.total',
    strength: 'weak',
    hint: '申请',
    // 同意公开答复9件 is a granted count, 转下一年度办理答复 a carry-over: 答复 there names no total
    re: /(?:已|均已|全部)?(?:办结|(?<!公开|提供|处理|年度办理)答复|办理完毕)/g,
    needsApplication: true,
  },
  // 予以公开及部分公开208件 states the two results together: their sum, a figure of neither row
  {
    field: 'apply.disclosed.total',
    strength: 'strong',
    hint: '部分公开',
    re: /予以公开[及和与、]部分公开/g,
  },
  {
    field: 'apply.granted.total',
    strength: 'strong',
    hint: '公开',
    re: /予以公开(?![及和与、]部分公开)|同意公开|全部公开/g,
  },
  {
    field: 'apply.partial.total',
    strength: 'strong',
    hint: '部分公开',
    re: /(?<!予以公开[及和与、])部分公开/g,
  },
  { field: 'apply.denied_sum.total', strength: 'strong', hint: '不予公开', re: /不予公开/g },
  { field: 'apply.unable_sum.total', strength: 'strong', hint: '无法提供', re: /无法提供/g },
  {
    field: 'apply.unable_not_held.total',
    strength: 'weak',
    re: /(?:本机关)?不掌握(?:相关)?(?:政府)?信息|信息不存在/g,
  },
  { field: 'apply.np_sum.total', strength: 'strong', hint: '不予处理', re: /不予处理/g },
  { field: 'apply.other_sum.total', strength: 'strong', hint: '其他处理', re: /其他处理/g },
  {
    field: 'apply.carried_out.total',
    strength: 'strong',
    // 转下一年度办理答复的有1件 has no 结
    hint: '转',
    re: /(?<!上年)结?转(?:至|到)?(?:下一?年度?|\d{4}年)(?:继续)?(?:办理)?(?:答复)?/g,
  },
  {
    field: 'legal.review.total',
    strength: 'strong',
    hint: '行政复议',
    re: /行政复议(?:案件)?/g,
    tight: true,
  },
  {
    field: 'legal.suit.total',
    strength: 'strong',
    hint: '行政诉讼',
    re: /行政诉讼(?:案件)?/g,
    tight: true,
  },
  {
    field: 'legal.suit_direct.total',
    strength: 'strong',
    hint: '直接',
    re: /直接(?:提起)?(?:行政)?(?:诉讼|起诉)/g,
  },
  ...docTriggers('normative_doc', NORMATIVE),
  ...docTriggers('regulation', REGULATION),
  { field: 'active.license', strength: 'weak', hint: '行政许可', re: /行政许可(?:决定|事项|办件)?/g },
  { field: null, strength: 'strong', hint: '信息处理费', re: /信息处理费/g, kind: 'fee' },
  { field: null, strength: 'strong', hint: '率', re: /(?:按时)?(?:公开率|办结率|答复率)/g, kind: 'rate' },
];

const ZERO_CLAIMS: readonly { field: string; re: RegExp }[] = [
  {
    field: 'apply.new_received.total',
    re: /(?:未|没有)(?:收到|受理|接到)[^。；]{0,10}?(?:政府信息公开|依申请公开|信息公开)申请|无依申请公开(?:事项|申请)?/g,
  },
  // the negation and its object share a comma-part: 信息发布无差错，行政复议案件2件 claims nothing;
  // 无法/无论/无正当理由 negate something else
  {
    field: 'legal.review.total',
    re: /(?:未发生|无(?![法论正])|没有)[^。；，]{0,12}?行政复议(?:[、和及与]行政诉讼)?/g,
  },
  { field: 'legal.suit.total', re: /(?:未发生|无(?![法论正])|没有)[^。；，]{0,12}?行政诉讼/g },
];

/** A clause about disclosure applications (not 行政许可申请 or 政务服务申请). */
const APPLICATION = /公开申请|依申请|申请公开/;

const COUNT_UNITS = new Set(['件', '条', '个', '起', '宗', '项', '份', '次', '人次']);
const NUM_RE =
  /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:万[零〇一二两三四五六七八九十百千]+)?)(万)?(余|多)?(万)?(人次|场次|万人次|件|条|个|起|宗|项|份|次|篇|家|期|场|元|户|人|所|名|%)?/g;
const COMPARATIVE = /同比|较上年|比上年|增加|减少|增长|下降|上升/;
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])/;

interface NumToken {
  start: number;
  end: number;
  value: number;
  unit: string;
  approx: boolean;
}

interface Trigger {
  def: TriggerDef;
  start: number;
  end: number;
  text: string;
  /** The clause up to the end of the matched figure's comma-part (for the workload test). */
  scope?: string;
}

/** Characters NFKC leaves as they are: ASCII, CJK punctuation (not the ideographic space), CJK ideographs. */
const NFKC_STABLE = /^[\u0000-\u007f\u3001-\u303f\u4e00-\u9fff“”‘’…—]*$/;

/** The full-width forms the trigger patterns use, for ASCII punctuation (and 査 → 查). */
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
  査: '查',
};
const SPACE = '[ \\t\\n\\r\\f\\u00a0\\u3000]';
/**
 * What normaliseProse changes: a run of spaces; a digit-grouping comma (after a digit, before three
 * digits and no fourth); ASCII punctuation and 査.
 */
const PROSE_EDITS = new RegExp(`(${SPACE}+)|(?<=\\d${SPACE}*)[,，](?=\\d{3}(?!\\d))|([,;:()!?査])`, 'g');
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Normalisation (docs/narrative.md): NFKC, 査 → 查, digit grouping commas dropped (3,164 → 3164),
 * whitespace removed except between Latin words, ASCII punctuation made full-width.
 */
function normaliseProse(raw: string): string {
  const s = NFKC_STABLE.test(raw) ? raw : raw.normalize('NFKC');
  return s.replace(PROSE_EDITS, (edit: string, space?: string, mark?: string, at = 0) => {
    if (space) return isLetter(s.charCodeAt(at - 1)) && isLetter(s.charCodeAt(at + edit.length)) ? ' ' : '';
    return mark ? (FULL_WIDTH[mark] ?? mark) : '';
  });
}

const PARAGRAPH_END = new Set(['。', '；', '！', '？', '：']);

/** Maps a position in the joined text to its source line. */
type LineOf = (pos: number) => number;

/** Joins hard-wrapped lines into one text; paragraphs end in '\n'. */
function joinLines(prose: ReadonlyArray<ProseLine>): { text: string; lineOf: LineOf } {
  const parts: string[] = [];
  const starts: number[] = [];
  const lines: number[] = [];
  let length = 0;
  // whether the previous line ends a paragraph: a closing mark, or a short heading
  let prevEnds = false;
  for (const { text: raw, line } of prose) {
    const t = normaliseProse(raw);
    if (!t) continue;
    const heading = HEADING.test(t);
    if (length > 0 && (prevEnds || heading)) {
      parts.push('\n');
      starts.push(length);
      lines.push(line);
      length += 1;
    }
    parts.push(t);
    starts.push(length);
    lines.push(line);
    length += t.length;
    prevEnds = PARAGRAPH_END.has(t[t.length - 1]!) || (heading && t.length <= 30);
  }
  const lineOf: LineOf = (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!;
  };
  return { text: parts.join(''), lineOf };
}

/** 一万二千 → 12000: the shared reader stops at 千. */
function readChineseCount(num: string): number | null {
  const at = num.indexOf('万');
  if (at < 0) return readChineseNumber(num);
  const high = readChineseNumber(num.slice(0, at));
  const low = readChineseNumber(num.slice(at + 1));
  return high === null || low === null ? null : high * 1e4 + low;
}

function findNumbers(clause: string): NumToken[] {
  const out: NumToken[] = [];
  for (const m of clause.matchAll(NUM_RE)) {
    const [all, num = '', wan1, more, wan2, unitRaw] = m;
    const arabic = /\d/.test(num);
    // the few characters before the number (a /…$/ test on the whole prefix would rescan it)
    const before = clause.slice(Math.max(0, m.index - 2), m.index);
    if (!arabic && (!unitRaw || !COUNT_UNITS.has(unitRaw) || /[第每逐这那哪]$/.test(before))) continue;
    if (arabic && /[\d.]$/.test(before)) continue;
    const value = arabic ? Number(num) : readChineseCount(num);
    if (value === null) continue;
    const wan = wan1 ?? wan2 ?? '';
    const unit = unitRaw && unitRaw !== '%' && !unitRaw.startsWith('万') ? wan + unitRaw : (unitRaw ?? '');
    const after = clause.slice(m.index + all.length);
    const approx = Boolean(more) || /^(?:左右|以上)/.test(after) || /(?:约|近|超过|逾)$/.test(before);
    out.push({ start: m.index, end: m.index + all.length, value, unit, approx });
  }
  return inheritUnits(clause, out);
}

/** 部门动态 43、通知公告 126 条: a bare number in a list takes the unit of the next figure. */
function inheritUnits(clause: string, tokens: NumToken[]): NumToken[] {
  return tokens.map((t, i) => {
    const next = tokens[i + 1];
    if (t.unit || !next?.unit || clause[t.end] !== '、' || next.start - t.end > 15) return t;
    if (!/[\u4e00-\u9fa5]$/.test(clause.slice(Math.max(0, t.start - 1), t.start))) return t;
    return { ...t, unit: next.unit };
  });
}

function findTriggers(clause: string): Trigger[] {
  const found: Trigger[] = [];
  for (const def of TRIGGERS) {
    if (def.hint && !clause.includes(def.hint)) continue;
    for (const m of clause.matchAll(def.re))
      found.push({ def, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
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

/** Whether a match must be discarded (docs/narrative.md, discard rules). */
function isDiscarded(clause: string, trigger: Trigger, num: NumToken): boolean {
  const between = clause.slice(trigger.end, num.start);
  const near = clause.slice(Math.max(0, num.start - 4), num.start);
  if (num.approx || COMPARATIVE.test(between) || COMPARATIVE.test(near)) return true;
  if (/^[年月日]/.test(clause.slice(num.end))) return true;
  return /累计|历年|自[^。；]*以来/.test(clause);
}

/** Field figures of one clause: each trigger takes the first fitting number, unless a nearer trigger intervenes. */
function matchClause(clause: string, nums: NumToken[]): Map<NumToken, Trigger> {
  const out = new Map<NumToken, Trigger>();
  const triggers = findTriggers(clause);
  let received = false;
  triggers.forEach((t, i) => {
    const next = triggers[i + 1];
    const kind = t.def.kind ?? 'count';
    const num = nums.find((n) => n.start >= t.end && n.start - t.end <= 20 && unitFits(kind, n.unit));
    if (!num || out.has(num) || (next && next.start < num.start)) return;
    if (t.def.tight && /[，、]/.test(clause.slice(t.end, num.start))) return;
    if (t.def.afterReceived && !received) return;
    if (t.def.needsApplication && !APPLICATION.test(clause)) return;
    if (isDiscarded(clause, t, num)) return;
    out.set(num, { ...t, scope: clause.slice(0, segmentEnd(clause, num.end)) });
    if (t.def.field === 'apply.new_received.total') received = true;
  });
  if ((clause.includes('下年') || clause.includes('下一年')) && /申请|答复/.test(clause))
    matchCarryOutAfter(clause, nums, out);
  return out;
}

const CARRY_OUT_AFTER: TriggerDef = {
  field: 'apply.carried_out.total',
  strength: 'strong',
  re: /^(?:申请)?[^，。；]{0,12}?((?:顺延|结转|转)(?:至|到)?下一?年度)/,
};

/** 另有103件顺延到下年度答复: the figure comes before its carry-over phrase. */
function matchCarryOutAfter(clause: string, nums: NumToken[], out: Map<NumToken, Trigger>): void {
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
    const close = clause.slice(i).search(/[）)]/);
    if (close >= 0) i += close + 1;
  }
  const comma = clause.slice(i).search(/[，,]/);
  return comma < 0 ? clause.length : i + comma;
}

/** The field a trigger claims; a count of applications with the carry-over in it is the workload. */
function fieldOf(def: TriggerDef, scope: string): string | null {
  if (def.field === 'apply.new_received.total' && WORKLOAD.test(scope)) return 'apply.workload.total';
  return def.field;
}

/** The words before a figure, back to the previous separator. */
function labelBefore(clause: string, at: number): string {
  const head = clause.slice(0, at);
  const cut = Math.max(...[...'，、：（；'].map((c) => head.lastIndexOf(c)));
  return head
    .slice(cut + 1)
    .replace(/^(?:其中|包括|分别为|和|及|共|达)/, '')
    .slice(-20);
}

type Part = { label: string; value: number };

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
function findParts(clause: string, total: NumToken, nums: NumToken[], rest: RestOf): Part[] | undefined {
  if (total.approx || !total.unit) return undefined;
  const after = clause.slice(total.end);
  const intro = /^[，：]?(?:其中|包括|分别为)[：，]?/.exec(after);
  if (!intro) return undefined;
  const parts: Part[] = [];
  let last: NumToken | undefined;
  for (const n of nums.filter((x) => x.start >= total.end + intro[0].length)) {
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

function extractZeroClaims(clause: string, offset: number, lineOf: LineOf): NarrativeItem[] {
  if (/纠错|纠正|败诉|撤销/.test(clause)) return [];
  const items = ZERO_CLAIMS.flatMap(({ field, re }) =>
    [...clause.matchAll(re)].map((m) => ({
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

/** Words every trigger contains: a clause without any of them can hold no field claim. */
const ANY_TRIGGER =
  /申请|结转|转(?:至|到)?下|顺延|办结|答复|办理完毕|公开|无法提供|不掌握|信息不存在|不予处理|其他处理|复议|诉讼|起诉|规范性文件|规章|行政许可|信息处理费|率/;
const ANY_ZERO_CLAIM = /未|没有|无/;
const ANY_FIGURE = /\d|[零〇一二两三四五六七八九十百千]万?(?:余|多)?万?(?:人次|件|条|个|起|宗|项|份|次)/;

function extractClause(clause: string, offset: number, lineOf: LineOf, rest: RestOf): NarrativeItem[] {
  const zero = ANY_ZERO_CLAIM.test(clause) ? extractZeroClaims(clause, offset, lineOf) : [];
  // most clauses state no figure: an Arabic digit, or a Chinese numeral before a count unit, is needed
  if (!ANY_FIGURE.test(clause)) return zero;
  const nums = findNumbers(clause);
  if (nums.length === 0) return zero;
  const matched = ANY_TRIGGER.test(clause) ? matchClause(clause, nums) : new Map<NumToken, Trigger>();
  const items: NarrativeItem[] = [];
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
      items.push(parts ? { ...item, parts } : item);
    } else if (n.unit) {
      const label = labelBefore(clause, n.start);
      const line = lineOf(offset + Math.max(0, n.start - label.length));
      const item: NarrativeItem = { label, value: n.value, unit: n.unit, field: null, text: clause, line };
      items.push(parts ? { ...item, parts } : item);
    }
  }
  return zero.length > 0 ? [...items, ...zero] : items;
}

/** The rest of the sentence after a clause ending at `end`, when a ； continues it. */
function restOfSentence({ text, end }: RestOf): string {
  if (text[end] !== '；') return '';
  const m = /[。！？\n]/.exec(text.slice(end + 1, end + 2000));
  return text.slice(end + 1, m ? end + 1 + m.index : end + 2000);
}

/**
 * Figures stated in the prose of parts 一–六 (docs/narrative.md): table-field claims with their
 * strength, zero claims, N-13 breakdowns, and the other figures a reader notices (field null).
 */
export function extractNarrative(prose: ReadonlyArray<ProseLine>): NarrativeItem[] {
  const { text, lineOf } = joinLines(prose);
  const items: NarrativeItem[] = [];
  for (const m of text.matchAll(/[^。；！？\n]+/g)) {
    items.push(...extractClause(m[0], m.index, lineOf, { text, end: m.index + m[0].length }));
  }
  return items;
}
