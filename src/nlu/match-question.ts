import { blankOut, normaliseQuestion } from './_normalise.ts';
import type { AliasHit } from './agency-aliases.ts';
import type { NluContext } from './context.ts';
import { DERIVED_METRICS, getDerivedMetric } from './derived-metrics.ts';
import { getDivisionIndex, type Place, pickPlace } from './divisions.ts';
import { translateEnglish } from './english.ts';
import { findNearLatin, findTypoInRuns } from './fuzzy.ts';
import { FILLER, GREETING_WORDS, UNDERSTOOD_LATIN } from './intent-words.ts';
import { matchLongest, matchPinyin, type SpanMatch } from './match-spans.ts';
import { matchYears } from './match-years.ts';
import { composeMetrics, type MetricTerm } from './metric-terms.ts';
import { PROSE_TOPICS } from './prose-topics.ts';
import {
  DERIVED_WORDS,
  FOLLOW_UP,
  FRAGMENT,
  LEVEL_WORDS,
  META_WORDS,
  SECTION_WORDS,
  WHY_WORDS,
} from './question-words.ts';
import type { Assumption, ClarifyChoice, Intent, PlaceRef, Query, YearSpec } from './types.ts';

/** Everything read from a question before its intent is decided. */
export interface Reading extends Omit<Query, 'intent'> {
  /** The normalised question. */
  norm: string;
  /** The question with names, years, metrics and report facts blanked: where intent words are looked for. */
  text: string;
  /** A name that fits several agencies equally: the typed text and the candidate keys. */
  ambiguous?: { typed: string; keys: string[] };
  /** Places named whose agencies have reports (not the agencies themselves). */
  scopes: PlaceRef[];
  /** 那乙县呢 / 2023年呢: completes an earlier question. */
  followUp: boolean;
  /** 为什么: asks why the previous answer is what it is. */
  why: boolean;
  /** The one agency held, when the store holds only one (a metric alone then means it). */
  soleAgency?: string;
}

/** One intent's matching: the answer layer registers these in one ordered list. */
export interface IntentRule {
  id: Intent;
  /** Words that mark the intent; blanked before typos and unknown words are looked for. */
  words?: RegExp;
  /** Whether the question is this intent; the first rule in the list that matches wins. */
  match(r: Reading): boolean;
  /** Choices for a clarification, built from the reading. */
  choices?(r: Reading, ctx: NluContext): ClarifyChoice[];
  /** Intent-specific parts of the query (a ranking's direction). Returns a new query. */
  refine?(q: Query, r: Reading): Query;
}

export interface MatchOptions {
  /** The intents, in the order they are tried. */
  rules: readonly IntentRule[];
  /** Today's date: 今年/去年/前年 count from it. Injected, never read inside. */
  today: Date;
  /** The previous question in this chat (within its time window), for follow-ups. */
  previous?: Query;
}

interface Resolved {
  agencies: string[];
  assumptions: Assumption[];
  ambiguous?: { typed: string; keys: string[] };
  /** Names that only name a place holding several agencies (某实验区 → its bureaus), with those agencies. */
  places: { typed: string; keys: string[] }[];
}

/**
 * Picks the agency a name means: its own name first, then a government over its departments.
 * A place name that only its departments carry answers for the one department (with a note),
 * or names the place when it holds several.
 */
function resolveAgencies(spans: SpanMatch<AliasHit[]>[], ctx: NluContext): Resolved {
  const out: Resolved = { agencies: [], assumptions: [], places: [] };
  for (const span of spans) {
    const own = span.value.filter((h) => h.own);
    if (own.length === 0 && span.value.length > 1) {
      out.places.push({ typed: span.text, keys: span.value.map((h) => h.key) });
      continue;
    }
    const pool = own.length > 0 ? own : span.value;
    const govs = pool.filter((h) => ctx.agencies.get(h.key)?.kind === 'gov');
    const chosen = pool.length === 1 ? pool[0] : govs.length === 1 ? govs[0] : undefined;
    if (!chosen) {
      out.ambiguous ??= { typed: span.text, keys: pool.map((h) => h.key) };
      continue;
    }
    const others = span.value.filter((h) => h.key !== chosen.key).map((h) => h.key);
    if (others.length > 0) out.assumptions.push({ kind: 'preferred', chosen: chosen.key, others });
    if (own.length === 0 && ctx.agencies.get(chosen.key)?.kind === 'dept')
      out.assumptions.push({ kind: 'office', typed: span.text, chosen: chosen.key });
    if (!out.agencies.includes(chosen.key)) out.agencies.push(chosen.key);
  }
  return out;
}

/** Leftover Chinese or Latin runs once every known word is gone. */
function leftovers(rest: string): string[] {
  return rest
    .replace(FILLER, ' ')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((w) => w.length >= 2);
}

/**
 * A leftover run that is one substitution away from exactly one whole term (行政许克 → 行政许可).
 * Terms shorter than `minLength` are never guessed: 落款 is not 罚款, 统计 is not 总计.
 */
function findTypo(
  runs: string[],
  index: ReadonlyMap<string, string[]>,
  minLength: number,
): { typed: string; meant: string } | undefined {
  // bounded: candidate substrings only, a cap on look-ups, no guess in a message of noise
  return findTypoInRuns(runs, index, { minLength });
}

/** A Latin leftover one edit away from a stored agency's pinyin. */
function findLatinTypo(runs: string[], ctx: NluContext): { typed: string; meant: string } | undefined {
  for (const run of runs) {
    if (!/^[a-z]+$/.test(run)) continue;
    const near = findNearLatin(ctx.fuzzyPinyin, run);
    if (near.length === 1) return { typed: run, meant: near[0]! };
  }
  return undefined;
}

/**
 * English when the words around the names are English: agency and place names in Chinese
 * characters (How many penalties did 循化县人民政府 issue?) do not make a question Chinese.
 */
function detectLanguage(norm: string, ctx: NluContext): 'zh' | 'en' {
  const latin = norm.match(/[a-z]{2,}/g) ?? [];
  if (latin.length === 0) return 'zh';
  if (!/[\u4e00-\u9fff]/.test(norm)) return isPinyinOnly(latin, ctx) ? 'zh' : 'en';
  const divisions = getDivisionIndex();
  const rest = matchLongest(
    matchLongest(norm, ctx.aliases, ctx.longestAlias).rest,
    divisions.chinese,
    divisions.longest,
  ).rest;
  const han = rest.replace(/(?<=\d)年/g, '').match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return han === 0 || (latin.length >= 3 && latin.length * 2 >= han) ? 'en' : 'zh';
}

const PINYIN_WORDS =
  /^(?:xing|zheng|chu|fa|xu|ke|shou|fei|shen|qing|qiang|zhi|fu|yi|su|song|duo|shao|nian|li|pai|ming|dui|bi|jiao|gong|kai|gui|wen|jian)$/;

/** `minhe 2023 xingzheng chufa`: names and pinyin metric words only → answered in Chinese. */
function isPinyinOnly(latin: string[], ctx: NluContext): boolean {
  const words = latin.filter((w) => !ctx.pinyin.has(w) && !getDivisionIndex().latin.has(w));
  if (words.length === 0) return false;
  return words.every(
    (w) =>
      /^(?:xingzheng|chufa|xuke|shoufei|shenqing|qiangzhi|fuyi|susong|duoshao|linian|paiming|duibi|bijiao)$/.test(
        w,
      ) || PINYIN_WORDS.test(w),
  );
}

/** Blanks every match of `re` in `text`; returns the new text and whether anything matched. */
function blankAll(text: string, re: RegExp): { text: string; hit: string | null } {
  let hit: string | null = null;
  const out = text.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), (m) => {
    hit ??= m;
    return ' '.repeat(m.length);
  });
  return { text: out, hit };
}

/** The first of `words` the text holds, each blanked out wherever it occurs. */
function takeFirst<K>(text: string, words: ReadonlyArray<readonly [K, RegExp]>): { key?: K; text: string } {
  let key: K | undefined;
  let rest = text;
  for (const [k, re] of words) {
    const r = blankAll(rest, re);
    if (r.hit && key === undefined) key = k;
    rest = r.text;
  }
  return key === undefined ? { text: rest } : { key, text: rest };
}

/** The prose topics by the words that ask for them. */
const PROSE_WORDS = PROSE_TOPICS.map((t) => [t.id, t.ask] as const);

/** Reads agencies, years, metrics, places, report facts and arithmetic from a question. Pure. */
export function readQuestion(
  question: string,
  ctx: NluContext,
  rules: readonly IntentRule[],
  today: Date,
): Reading {
  const norm = normaliseQuestion(question);
  const lang = detectLanguage(norm, ctx);
  // N-01 / pw-02: a rule id, read before its digits can pass for anything else
  const ruleAt = RULE_ID.exec(norm);
  const asked = ruleAt ? blankOut(norm, ruleAt.index, ruleAt[0].length) : norm;
  let text = /[a-z]/.test(asked) ? translateEnglish(asked) : asked;
  const assumptions: Assumption[] = [];
  // Report facts and prose topics first: 发布时间 is not 制发, 网站发布信息 not 信访.
  const topic = takeFirst(text, PROSE_WORDS);
  const fact = takeFirst(topic.text, META_WORDS);
  const heading = takeFirst(fact.text, SECTION_WORDS);
  const { key: prose } = topic;
  const { key: meta } = fact;
  const { key: section } = heading;
  text = heading.text;
  const {
    years: yearsSaid,
    rest: afterYears,
    relative,
    recent,
  } = matchYears(text, ctx.newestYear, today.getUTCFullYear());
  for (const r of relative) assumptions.push({ kind: 'relative_year', word: r.word, year: r.year });
  const named = matchLongest(afterYears, ctx.aliases, ctx.longestAlias);
  const spelled = matchPinyin(named.rest, ctx.pinyin);
  let rest = spelled.rest;
  // a rate's words first: 信息公开申请的办结率 is one rate, not 信息公开申请 and then 的办结率
  const rateMatch = matchLongest(rest, ctx.rateTerms, ctx.longestRateTerm);
  const otherMatch = matchLongest(rateMatch.rest, ctx.metricTerms, ctx.longestTerm);
  const metricMatch = {
    found: [...rateMatch.found, ...otherMatch.found].sort((a, b) => a.at - b.at),
    rest: otherMatch.rest,
  };
  rest = metricMatch.rest;
  const terms: MetricTerm[] = metricMatch.found.map((f) => f.value);
  let derived: Query['derived'];
  for (const [kind, re] of DERIVED_WORDS) {
    if (derived) break;
    if (new RegExp(re.source).test(text)) derived = kind;
  }
  const intentText = rest;
  for (const rule of rules) if (rule.words) rest = blankAll(rest, rule.words).text;
  for (const [, re] of DERIVED_WORDS) rest = blankAll(rest, re).text;
  for (const [, re] of LEVEL_WORDS) rest = blankAll(rest, re).text;
  rest = blankAll(rest, GREETING_WORDS).text;
  let runs = leftovers(rest);
  const places = findPlaces(runs);
  runs = places.rest;
  if (terms.length === 0 || !terms.some((t) => t.kind === 'row')) {
    const typo = findTypo(runs, ctx.fuzzyTerms, 3);
    if (typo) {
      terms.push(ctx.metricTerms.get(typo.meant)!);
      assumptions.push({ kind: 'typo', ...typo });
      runs = dropTyped(runs, typo.typed);
    }
  }
  const spans = dropQualifiers(
    [...named.found, ...spelled.found].sort((a, b) => a.at - b.at),
    afterYears,
  );
  if (spans.length === 0 && places.found.length === 0) {
    const typo = findTypo(runs, ctx.fuzzyAliases, 2) ?? findLatinTypo(runs, ctx);
    if (typo) {
      spans.push({
        text: typo.typed,
        at: 0,
        value: ctx.aliases.get(typo.meant) ?? ctx.pinyin.get(typo.meant)!,
      });
      assumptions.push({ kind: 'typo', ...typo });
      runs = dropTyped(runs, typo.typed);
    }
  }
  // 交建局 / 财政局: a short form of one body's own name inside the place named (平潭).
  if (spans.every((sp) => sp.value.every((h) => !h.own))) {
    const short = findShortForm(runs, spans, ctx);
    if (short) {
      spans.push({
        text: short.typed,
        at: afterYears.indexOf(short.typed),
        value: [{ key: short.key, own: true }],
      });
      assumptions.push({ kind: 'typo', typed: short.typed, meant: short.name });
      runs = dropTyped(runs, short.typed);
      spans.sort((a, b) => a.at - b.at);
    }
  }
  const resolved = resolveAgencies(spans, ctx);
  const years = recent ? (recentYears(recent, resolved.agencies, ctx) ?? yearsSaid) : yearsSaid;
  assumptions.push(...resolved.assumptions);
  const placeHits = [...places.found, ...namedPlaces(resolved.places, ctx)];
  let metrics = composeMetrics(terms);
  // 收到几件申请，其中自然人几件: the row's total and the part asked after 其中
  const part = metrics.length === 1 ? /^(apply\.[a-z_]+)\.(?!total$)[a-z_]+$/.exec(metrics[0]!) : null;
  if (part && /其中/.test(text)) metrics = [`${part[1]}.total`, metrics[0]!];
  // 复议和诉讼一共多少: several figures added up that the schema names as one sum (行政复议与行政诉讼)
  const sum = derived === 'total' ? knownSum(metrics) : undefined;
  if (sum) {
    metrics = [sum];
    derived = undefined;
  }
  const scopes = findScopes(placeHits, ctx);
  const scope = resolved.agencies.length === 0 ? scopes[scopes.length - 1] : undefined;
  const missing = describeMissing(
    placeHits.filter((p) => !scopes.some((s) => p.places.some((x) => x.code === s.code))),
    resolved.agencies,
  );
  // 办结率 / 处罚比例: a rate of a figure that is not a known rate (nor a share of table 三) is not that figure.
  const rateOf = /率|比例|比率|百分比|占比/.exec(text);
  const shareOfApply =
    derived === 'share' &&
    (metrics[0] ?? '').startsWith('apply.') &&
    !metrics[0]!.startsWith('apply.results_total');
  const severalNamed = derived !== undefined && resolved.agencies.length > 1;
  // 行政处罚占行政许可的比例: the share of one figure in another named beside it
  const shareOfNamed = derived === 'share' && metrics.length > 1;
  // the part first: 行政处罚占行政许可的比例 (as said), 办理结果中予以公开的比例 (the other way round)
  if (shareOfNamed && metrics.length === 2 && !/占/.test(text)) metrics = [metrics[1]!, metrics[0]!];
  if (
    rateOf &&
    terms.length > 0 &&
    !terms.some((t) => t.table === 'rate') &&
    !shareOfApply &&
    !severalNamed &&
    !shareOfNamed
  )
    runs.push(`${metricMatch.found.at(-1)?.text ?? ''}${rateOf[0]}`);
  const unheld = runs.filter(
    (r) => /[\u4e00-\u9fff]{2,}/.test(r) || (/^[a-z]{3,}$/.test(r) && !UNDERSTOOD_LATIN.test(r)),
  );
  const level = LEVEL_WORDS.find(([, re]) => re.test(intentText))?.[0];
  // 某市各区县: the city government named stands for its place; 某县全省排第几: the body is placed in its province
  const stoodFor = level ? placeOfGovernment(resolved.agencies, level, ctx) : undefined;
  const around =
    !stoodFor && !scope && resolved.agencies.length === 1
      ? placeAround(resolved.agencies[0]!, intentText, ctx)
      : undefined;
  const reading: Reading = {
    lang,
    norm,
    text: intentText,
    agencies: stoodFor ? [] : resolved.agencies,
    years,
    metric: metrics[0] ?? null,
    assumptions,
    scopes,
    followUp: FOLLOW_UP.test(norm) || FOLLOW_UP.test(text.trim()) || FRAGMENT.test(norm),
    why: WHY_WORDS.test(norm),
  };
  if (metrics.length > 1) reading.metrics = metrics;
  const region = stoodFor ?? around ?? scope;
  if (region) reading.region = { name: region.name, code: region.code };
  if (scope && scopes.length > 1 && resolved.agencies.length === 0) reading.regions = scopes;
  if (missing.length > 0) reading.missing = missing;
  if (unheld.length > 0) reading.unheld = unheld;
  if (meta) reading.meta = meta;
  if (section) reading.section = section;
  if (prose) reading.prose = prose;
  if (derived) reading.derived = derived;
  if (level) reading.level = level;
  if (ruleAt) reading.rule = `${ruleAt[1]!.toUpperCase()}-${ruleAt[2]}`;
  if (resolved.ambiguous) reading.ambiguous = resolved.ambiguous;
  if (ctx.agencies.size === 1) reading.soleAgency = [...ctx.agencies.keys()][0];
  return reading;
}

/** 某区近两年: the newest `n` years of the bodies asked about (undefined: none named, the store's newest count). */
function recentYears(n: number, agencies: readonly string[], ctx: NluContext): YearSpec | undefined {
  const newest = Math.max(...agencies.flatMap((key) => ctx.agencies.get(key)?.years ?? []));
  return Number.isFinite(newest) ? { kind: 'range', from: newest - n + 1, to: newest } : undefined;
}

const PLACE_END = /人民政府|综合实验区|新区|开发区|[省市县区旗]/g;

/**
 * What a body's own name may start after: each place word it contains (某某综合实验区|市场监督管理局,
 * and 某某综合实验区市|场… too, since 市场 opens with 市), at least two characters left.
 */
function ownNames(name: string): string[] {
  const out: string[] = [];
  for (const m of name.matchAll(PLACE_END)) {
    const rest = name.slice(m.index + m[0].length);
    if (rest.length >= 2) out.push(rest);
  }
  return out.length > 0 ? out : [name];
}

/** Whether every character of `short` appears in `name` in order (交建局 in 交通与建设局). */
function isSubsequence(short: string, name: string): boolean {
  let i = 0;
  for (const ch of name) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * A leftover like 交建局 or 财政局 that abbreviates exactly one body's name (same first and last
 * character, every character in order), among the bodies of the place named beside it, if any.
 */
function findShortForm(
  runs: string[],
  spans: SpanMatch<AliasHit[]>[],
  ctx: NluContext,
): { typed: string; key: string; name: string } | undefined {
  const pool = spans.length > 0 ? new Set(spans.flatMap((sp) => sp.value.map((h) => h.key))) : undefined;
  for (const run of runs) {
    if (!/^[\u4e00-\u9fff]{3,12}$/.test(run) || !/[局委办厅院所中心]$/.test(run)) continue;
    const hits = [...ctx.agencies.values()].filter(
      (a) =>
        (!pool || pool.has(a.key)) &&
        ownNames(a.name).some((body) => body[0] === run[0] && isSubsequence(run, body)),
    );
    if (hits.length === 1) return { typed: run, key: hits[0]!.key, name: hits[0]!.name };
  }
  return undefined;
}

function dropTyped(runs: string[], typed: string): string[] {
  return runs.flatMap((r) =>
    r
      .replace(typed, ' ')
      .split(' ')
      .filter((w) => w.length >= 2),
  );
}

/** Fills what a follow-up leaves out (agency, year, metric) from the previous question. */
function continueFrom(r: Reading, previous: Query): Reading {
  const carried: string[] = [];
  const out: Reading = { ...r, assumptions: [...r.assumptions] };
  const namesPlace = r.agencies.length > 0 || r.region !== undefined || r.missing !== undefined;
  if (!namesPlace) {
    out.agencies = previous.agencies;
    if (previous.region) out.region = previous.region;
    if (previous.regions) out.regions = previous.regions;
    if (previous.agencies.length > 0 || previous.region) carried.push('agency');
  }
  if (r.years.kind === 'none' && previous.years.kind !== 'none') {
    out.years = previous.years;
    carried.push('year');
  }
  if (!r.metric && !r.meta && !r.section && !r.prose && !r.unheld) {
    if (previous.metric) {
      out.metric = previous.metric;
      if (previous.metrics) out.metrics = previous.metrics;
      carried.push('metric');
    }
    if (previous.meta) out.meta = previous.meta;
    if (previous.prose) out.prose = previous.prose;
  }
  // 和去年比呢: the year before the previous question's, not last calendar year.
  if (r.derived === 'yoy' && previous.years.kind === 'year') {
    out.years = previous.years;
    out.assumptions = out.assumptions.filter((a) => a.kind !== 'relative_year');
  }
  if (!r.level && previous.level) out.level = previous.level;
  if (carried.length > 0) out.assumptions.push({ kind: 'follow_up', carried });
  return out;
}

/** Understands one question: intent, agencies, years and metric. Pure (no clock, no input mutation). */
export function matchQuestion(question: string, ctx: NluContext, opts: MatchOptions): Query {
  let reading = readQuestion(question, ctx, opts.rules, opts.today);
  const bare =
    reading.agencies.length === 0 &&
    !reading.region &&
    !reading.missing &&
    !reading.ambiguous &&
    (reading.years.kind === 'none' || !reading.metric);
  if (opts.previous && (reading.followUp || reading.why || (bare && reading.derived === 'yoy'))) {
    reading = continueFrom(reading, opts.previous);
    if (reading.why) {
      reading.assumptions.push({ kind: 'follow_up', carried: ['why'] });
      return { ...stripReading(reading), intent: opts.previous.intent };
    }
  }
  const rule = opts.rules.find((r) => r.match(reading));
  let query: Query = { ...stripReading(reading), intent: rule?.id ?? 'unknown' };
  if (query.intent !== 'derived') delete query.derived;
  if (rule?.refine) query = rule.refine(query, reading);
  if (rule?.choices) {
    const choices = rule.choices(reading, ctx);
    if (choices.length > 0) query.choices = choices;
  }
  return query;
}

/** The Query part of a reading (matching-only fields dropped). */
function stripReading(r: Reading): Omit<Query, 'intent'> {
  const {
    norm: _n,
    text: _t,
    ambiguous: _a,
    scopes: _s,
    followUp: _f,
    why: _w,
    soleAgency: _o,
    ...query
  } = r;
  return query;
}

/** 淮安 洪泽: a stored city named right before a stored county inside it only qualifies it. */
function dropQualifiers(spans: SpanMatch<AliasHit[]>[], text: string): SpanMatch<AliasHit[]>[] {
  const code = (s: SpanMatch<AliasHit[]>) => (s.value.length === 1 ? s.value[0]!.key.split('|')[0]! : '');
  return spans.filter((s, i) => {
    const next = spans[i + 1];
    if (!next || text.slice(s.at + s.text.length, next.at).trim() !== '') return true;
    const outer = code(s).replace(/0+$/, '');
    return !(outer.length >= 2 && outer.length < 6 && code(next).startsWith(outer) && code(next) !== code(s));
  });
}

interface PlaceHit {
  typed: string;
  /** Every place the name may mean. */
  places: Place[];
}

/**
 * Agency-alias spans that only name a place (某实验区): looked up as places. A name that is no
 * division (a zone, a new area) is the place its agencies share, under that name.
 */
function namedPlaces(names: readonly { typed: string; keys: string[] }[], ctx: NluContext): PlaceHit[] {
  const index = getDivisionIndex();
  return names.flatMap(({ typed, keys }) => {
    const places = index.chinese.get(typed);
    if (places) return [{ typed, places }];
    const codes = new Set(keys.map((k) => k.split('|')[0]!));
    const code = codes.size === 1 ? [...codes][0]! : '';
    const level = /^\d{6}$/.test(code) && ctx.within.has(code) ? levelOfCode(code) : undefined;
    // typed in pinyin: named as the agencies' names begin (某某综合实验区…)
    const name = /^[\u4e00-\u9fff]+$/.test(typed) ? typed : sharedPlace(keys, ctx);
    return level && name ? [{ typed, places: [{ name, code, level }] }] : [];
  });
}

/** The place the agencies' names all begin with (某某综合实验区 of its bureaus), if any. */
function sharedPlace(keys: readonly string[], ctx: NluContext): string | undefined {
  const names = keys.map((k) => ctx.agencies.get(k)?.name ?? '');
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const end = [...prefix.matchAll(SHARED_PLACE_END)].at(-1);
  return end ? prefix.slice(0, end.index + end[0].length) : undefined;
}

const SHARED_PLACE_END = /综合实验区|新区|开发区|[省市县区旗]/g;

/** A division code's level: 630000 a province, 630200 a city, 630222 a county. */
function levelOfCode(code: string): Place['level'] {
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'city' : 'county';
}

/** The city or province an agency lies in, when the store holds bodies inside it. */
function placeOf(
  key: string,
  level: 'city' | 'province',
  ctx: NluContext,
): { name: string; code: string } | undefined {
  const info = ctx.agencies.get(key);
  const code = key.split('|')[0]!.slice(0, level === 'city' ? 4 : 2);
  const name = level === 'city' ? info?.city : info?.province;
  return name && ctx.within.has(code) ? { name, code } : undefined;
}

/**
 * 某市各区县 / 某省哪个市: a city's or province's government named beside a lower level of body
 * compared stands for its place, whose bodies are compared.
 */
function placeOfGovernment(
  agencies: readonly string[],
  level: NonNullable<Query['level']>,
  ctx: NluContext,
): { name: string; code: string } | undefined {
  const key = agencies.length === 1 ? agencies[0]! : '';
  const own = ctx.agencies.get(key)?.level;
  if (own === 'city' && level === 'county') return placeOf(key, 'city', ctx);
  if (own === 'province' && level !== 'dept') return placeOf(key, 'province', ctx);
  return undefined;
}

/** 全省 / 省内 / 全市: the province or city of the body asked about (某县行政处罚全省排第几). */
const AROUND = /全省|省内|本省|全市|市内|本市|\bin (?:the|its) (?:province|city)\b/;

function placeAround(key: string, text: string, ctx: NluContext): { name: string; code: string } | undefined {
  const m = AROUND.exec(text);
  return m ? placeOf(key, /市|city/.test(m[0]) ? 'city' : 'province', ctx) : undefined;
}

/** A rule id as the warnings print it (A-03, PW-01, X-10), the dash required. */
const RULE_ID = /(?<![a-z0-9])(pw|[abcfmnpx])-(\d{2})(?![0-9])/;

/** The derived sum whose parts are exactly the parts of `metrics` together, if there is one. */
function knownSum(metrics: readonly string[]): string | undefined {
  if (metrics.length < 2) return undefined;
  const parts = new Set(metrics.flatMap((id) => getDerivedMetric(id)?.parts ?? [id]));
  return DERIVED_METRICS.find((d) => d.parts.length === parts.size && d.parts.every((p) => parts.has(p)))?.id;
}

/** What ends a body's name: 局, 委(员会), 办(公室), 厅. */
const BODY_END = /^[局委办厅]/;

/** Real places (Chinese or pinyin) among the leftovers; what is left is returned as `rest`. */
function findPlaces(runs: string[]): { found: PlaceHit[]; rest: string[] } {
  const index = getDivisionIndex();
  const found: PlaceHit[] = [];
  const rest: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (/^[a-z]+$/.test(run)) {
      const pair = runs[i + 1] && /^[a-z]+$/.test(runs[i + 1]!) ? run + runs[i + 1] : '';
      const hit = (pair && index.latin.get(pair)) || index.latin.get(run);
      if (!hit) rest.push(run);
      else {
        const typed = hit === index.latin.get(pair) ? `${run} ${runs[++i]}` : run;
        found.push({ typed: typed.replace(/\b[a-z]/g, (c) => c.toUpperCase()), places: hit });
      }
      continue;
    }
    if (!/[\u4e00-\u9fff]{2,}/.test(run)) {
      rest.push(run);
      continue;
    }
    // 自然资源局: a place word right before 局/委/办/厅 is part of a body's name (资源县), not a place
    const m = matchLongest(run, index.chinese, index.longest);
    let left = run;
    for (const f of m.found) {
      if (BODY_END.test(run.slice(f.at + f.text.length))) continue;
      found.push({ typed: f.text, places: f.value });
      left = blankOut(left, f.at, f.text.length);
    }
    rest.push(...left.split(' ').filter((w) => w.length >= 2));
  }
  return { found, rest };
}

/**
 * The places named whose agencies have reports (青海 in 青海哪个县许可最多); a place inside the
 * one before it (青海 西宁) narrows it rather than adding a second.
 */
function findScopes(found: PlaceHit[], ctx: NluContext): PlaceRef[] {
  const out: PlaceRef[] = [];
  for (const hit of found) {
    const last = out[out.length - 1];
    const inside = last ? hit.places.filter((p) => p.code.startsWith(last.code)) : [];
    const place = inside.length === 1 ? inside[0] : pickPlace(hit.places);
    if (!place || !ctx.within.has(place.code)) continue;
    const ref = { name: place.name, code: place.code, level: place.level };
    if (last && place.code.startsWith(last.code)) out[out.length - 1] = ref;
    else if (!out.some((p) => p.code === ref.code)) out.push(ref);
  }
  return out;
}

/**
 * Places asked about that no stored report belongs to, as the reply names them: 北京, or
 * Shanghai Pudong (上海市浦东新区). A place that holds an agency named beside it (青海 循化)
 * only locates it; adjacent names of one place (上海 浦东) are one place.
 */
function describeMissing(found: PlaceHit[], agencies: string[]): string[] {
  const codes = agencies.map((k) => k.split('|')[0]!);
  const out: string[] = [];
  let prev: { typed: string; place: Place | undefined } | undefined;
  for (const hit of found) {
    if (hit.places.some((p) => codes.some((c) => c.startsWith(p.code)))) continue;
    const inside = prev?.place ? hit.places.filter((p) => p.code.startsWith(prev!.place!.code)) : [];
    const latin = /^[a-z]/i.test(hit.typed);
    if (prev && inside.length === 1 && out.length > 0) {
      const typed = latin ? `${prev.typed} ${hit.typed}` : prev.typed + hit.typed;
      out[out.length - 1] = latin ? `${typed} (${inside[0]!.name})` : typed;
      prev = { typed, place: inside[0] };
      continue;
    }
    const place = pickPlace(hit.places);
    out.push(latin && place ? `${hit.typed} (${place.name})` : hit.typed);
    prev = { typed: hit.typed, place };
  }
  return out;
}

/** Replaces `len` characters at `at` with spaces (re-exported for intent modules). */
export { blankOut };
