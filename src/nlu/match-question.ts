import { normaliseQuestion } from './_normalise.ts';
import type { AliasHit } from './agency-aliases.ts';
import type { NluContext } from './context.ts';
import { getDivisionIndex, type Place, pickPlace } from './divisions.ts';
import { translateEnglish } from './english.ts';
import { findNear, findNearLatin } from './fuzzy.ts';
import {
  ASC_WORDS,
  CHECK_WORDS,
  COMPARE_WORDS,
  FILLER,
  GREETING_WORDS,
  HELP_WORDS,
  LIST_WORDS,
  POSITION_WORDS,
  RANK_WORDS,
  TREND_WORDS,
  YEARS_HELD_WORDS,
} from './intent-words.ts';
import { matchLongest, matchPinyin, type SpanMatch } from './match-spans.ts';
import { matchYears } from './match-years.ts';
import { composeMetrics, type MetricTerm } from './metric-terms.ts';
import type { Assumption, Query } from './types.ts';

interface Resolved {
  agencies: string[];
  assumptions: Assumption[];
  /** Names that fit several agencies equally: [typed, candidate keys]. */
  ambiguous?: { typed: string; keys: string[] };
}

/** Picks the agency a name means: its own name first, then a government over its departments. */
function resolveAgencies(spans: SpanMatch<AliasHit[]>[], ctx: NluContext): Resolved {
  const out: Resolved = { agencies: [], assumptions: [] };
  for (const span of spans) {
    const own = span.value.filter((h) => h.own);
    const pool = own.length > 0 ? own : span.value;
    const govs = pool.filter((h) => ctx.agencies.get(h.key)?.kind === 'gov');
    const chosen = pool.length === 1 ? pool[0] : govs.length === 1 ? govs[0] : undefined;
    if (!chosen) {
      out.ambiguous ??= { typed: span.text, keys: pool.map((h) => h.key) };
      continue;
    }
    const others = span.value.filter((h) => h.key !== chosen.key).map((h) => h.key);
    if (others.length > 0) out.assumptions.push({ kind: 'preferred', chosen: chosen.key, others });
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

/** Tries each leftover run (and its sub-runs, longest first) against a one-substitution index. */
function findTypo(
  runs: string[],
  index: ReadonlyMap<string, string[]>,
): { typed: string; meant: string } | undefined {
  for (const run of runs) {
    if (!/[\u4e00-\u9fff]/.test(run)) continue;
    for (let len = run.length; len >= 2; len--) {
      for (let i = 0; i + len <= run.length; i++) {
        const typed = run.slice(i, i + len);
        const near = findNear(index, typed);
        if (near.length === 1) return { typed, meant: near[0]! };
      }
    }
  }
  return undefined;
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
  if (!/[\u4e00-\u9fff]/.test(norm)) return 'en';
  const divisions = getDivisionIndex();
  const rest = matchLongest(
    matchLongest(norm, ctx.aliases, ctx.longestAlias).rest,
    divisions.chinese,
    divisions.longest,
  ).rest;
  const han = rest.replace(/(?<=\d)年/g, '').match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return han === 0 || (latin.length >= 3 && latin.length * 2 >= han) ? 'en' : 'zh';
}

/** Understands one question: intent, agencies, years and metric. Pure. */
export function matchQuestion(question: string, ctx: NluContext): Query {
  const norm = normaliseQuestion(question);
  const lang = detectLanguage(norm, ctx);
  const text = /[a-z]/.test(norm) ? translateEnglish(norm) : norm;
  const { years, rest: afterYears } = matchYears(text, ctx.newestYear);
  const named = matchLongest(afterYears, ctx.aliases, ctx.longestAlias);
  const spelled = matchPinyin(named.rest, ctx.pinyin);
  let rest = spelled.rest;
  const metricMatch = matchLongest(rest, ctx.metricTerms, ctx.longestTerm);
  rest = metricMatch.rest;
  const terms: MetricTerm[] = metricMatch.found.map((f) => f.value);
  const assumptions: Assumption[] = [];
  const intentText = rest;
  for (const re of [
    HELP_WORDS,
    LIST_WORDS,
    CHECK_WORDS,
    RANK_WORDS,
    POSITION_WORDS,
    COMPARE_WORDS,
    TREND_WORDS,
    GREETING_WORDS,
    YEARS_HELD_WORDS,
  ]) {
    rest = rest.replace(new RegExp(re.source, 'g'), (m) => ' '.repeat(m.length));
  }
  let runs = leftovers(rest);
  const places = findPlaces(runs);
  runs = places.rest;
  if (terms.length === 0 || !terms.some((t) => t.kind === 'row')) {
    const typo = findTypo(runs, ctx.fuzzyTerms);
    if (typo) {
      terms.push(ctx.metricTerms.get(typo.meant)!);
      assumptions.push({ kind: 'typo', ...typo });
      runs = runs
        .map((r) => r.replace(typo.typed, ' '))
        .flatMap((r) => r.split(' ').filter((w) => w.length >= 2));
    }
  }
  const spans = dropQualifiers(
    [...named.found, ...spelled.found].sort((a, b) => a.at - b.at),
    afterYears,
  );
  if (spans.length === 0 && places.found.length === 0) {
    const typo = findTypo(runs, ctx.fuzzyAliases) ?? findLatinTypo(runs, ctx);
    if (typo) {
      spans.push({
        text: typo.typed,
        at: 0,
        value: ctx.aliases.get(typo.meant) ?? ctx.pinyin.get(typo.meant)!,
      });
      assumptions.push({ kind: 'typo', ...typo });
      runs = runs.filter((r) => !r.includes(typo.typed));
    }
  }
  const resolved = resolveAgencies(spans, ctx);
  assumptions.push(...resolved.assumptions);
  const metrics = composeMetrics(terms);
  const query: Query = {
    intent: 'unknown',
    lang,
    agencies: resolved.agencies,
    years,
    metric: metrics[0] ?? null,
    assumptions,
  };
  if (metrics.length > 1) query.metrics = metrics;
  const scope = resolved.agencies.length === 0 ? findScope(places.found, ctx) : undefined;
  if (scope) query.region = { name: scope.name, code: scope.code };
  const missing = describeMissing(
    places.found.filter((p) => !scope || !p.places.includes(scope)),
    resolved.agencies,
  );
  if (missing.length > 0) query.missing = missing;
  query.intent = decideIntent(intentText, query, resolved, ctx, question);
  if (query.intent === 'rank') query.order = ASC_WORDS.test(intentText) ? 'asc' : 'desc';
  if (query.intent === 'clarify' && resolved.ambiguous) {
    const { typed, keys } = resolved.ambiguous;
    query.choices = keys.map((k) => {
      const name = ctx.agencies.get(k)?.name ?? k;
      return { label: name, question: norm.replace(typed, name) };
    });
  } else if (query.intent === 'clarify') {
    query.choices = suggestAgencies(norm, ctx);
  }
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
    const m = matchLongest(run, index.chinese, index.longest);
    for (const f of m.found) found.push({ typed: f.text, places: f.value });
    rest.push(...m.rest.split(' ').filter((w) => w.length >= 2));
  }
  return { found, rest };
}

/** The innermost place named whose agencies have reports (青海 in 青海哪个县许可最多). */
function findScope(found: PlaceHit[], ctx: NluContext): Place | undefined {
  let scope: Place | undefined;
  for (const hit of found) {
    const inside = scope ? hit.places.filter((p) => p.code.startsWith(scope!.code)) : [];
    const place = inside.length === 1 ? inside[0] : pickPlace(hit.places);
    if (place && ctx.within.has(place.code) && (!scope || place.code.startsWith(scope.code))) scope = place;
  }
  return scope;
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

/** For a metric asked without an agency: a few agencies to pick, each as a full question. */
function suggestAgencies(norm: string, ctx: NluContext): { label: string; question: string }[] {
  const out: { label: string; question: string }[] = [];
  for (const info of ctx.agencies.values()) {
    out.push({ label: info.name, question: `${info.name}${norm}` });
    if (out.length === 5) break;
  }
  return out;
}

function decideIntent(
  text: string,
  q: Query,
  resolved: Resolved,
  ctx: NluContext,
  question: string,
): Query['intent'] {
  if (HELP_WORDS.test(text) || HELP_WORDS.test(question.trim().toLowerCase())) return 'help';
  if (resolved.ambiguous && q.agencies.length === 0) return 'clarify';
  if (LIST_WORDS.test(text) || (YEARS_HELD_WORDS.test(text) && !q.metric)) return 'list';
  if (q.agencies.length > 0 && CHECK_WORDS.test(text)) return 'check';
  if (q.region && q.agencies.length === 0 && !q.missing) return q.metric ? 'rank' : 'list';
  if (q.agencies.length >= 2) return 'compare';
  if (q.agencies.length === 1 && q.missing && COMPARE_WORDS.test(text)) return 'compare';
  if (RANK_WORDS.test(text) && q.agencies.length === 0 && !q.missing) return 'rank';
  // 淮安2024年行政处罚排第几: the ranking, with the agency's place in it.
  if (q.agencies.length === 1 && q.metric && POSITION_WORDS.test(text)) return 'rank';
  if (q.agencies.length === 1) {
    const many = q.years.kind === 'all' || q.years.kind === 'range';
    // 洪泽两年比一比: one agency compared with itself is a trend across its years.
    return many || TREND_WORDS.test(text) || COMPARE_WORDS.test(text) ? 'trend' : 'lookup';
  }
  if (q.missing) return 'lookup';
  if (q.metric && ctx.agencies.size === 1) {
    q.agencies = [...ctx.agencies.keys()];
    return 'lookup';
  }
  // 比较各县的行政处罚 / compare all counties: no agency named, so every agency, ranked.
  if (q.metric && COMPARE_WORDS.test(text)) return 'rank';
  if (q.metric) return 'clarify';
  if (GREETING_WORDS.test(text)) return 'help';
  return 'unknown';
}
