import { findRegion } from '../parse/index.ts';
import { normaliseQuestion } from './_normalise.ts';
import type { AliasHit } from './agency-aliases.ts';
import type { NluContext } from './context.ts';
import { isEnglish, translateEnglish } from './english.ts';
import { findNear, findNearLatin } from './fuzzy.ts';
import {
  ASC_WORDS,
  CHECK_WORDS,
  COMPARE_WORDS,
  FILLER,
  HELP_WORDS,
  LIST_WORDS,
  RANK_WORDS,
  TREND_WORDS,
} from './intent-words.ts';
import { matchLongest, matchPinyin, type SpanMatch } from './match-spans.ts';
import { matchYears } from './match-years.ts';
import { composeMetric, type MetricTerm } from './metric-terms.ts';
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

/** Understands one question: intent, agencies, years and metric. Pure. */
export function matchQuestion(question: string, ctx: NluContext): Query {
  const lang = isEnglish(question) ? 'en' : 'zh';
  const norm = normaliseQuestion(question);
  const text = lang === 'en' ? translateEnglish(norm) : norm;
  const { years, rest: afterYears } = matchYears(text, ctx.newestYear);
  const named = matchLongest(afterYears, ctx.aliases, ctx.longestAlias);
  const spelled = matchPinyin(named.rest, ctx.pinyin);
  let rest = spelled.rest;
  const metricMatch = matchLongest(rest, ctx.metricTerms, ctx.longestTerm);
  rest = metricMatch.rest;
  const terms: MetricTerm[] = metricMatch.found.map((f) => f.value);
  const assumptions: Assumption[] = [];
  const intentText = rest;
  for (const re of [HELP_WORDS, LIST_WORDS, CHECK_WORDS, RANK_WORDS, COMPARE_WORDS, TREND_WORDS]) {
    rest = rest.replace(new RegExp(re.source, 'g'), (m) => ' '.repeat(m.length));
  }
  let runs = leftovers(rest);
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
  const spans = [...named.found, ...spelled.found].sort((a, b) => a.at - b.at);
  if (spans.length === 0) {
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
  const metric = composeMetric(terms);
  const query: Query = { intent: 'unknown', lang, agencies: resolved.agencies, years, metric, assumptions };
  const missing = spans.length === 0 ? findMissingPlaces(runs) : [];
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

/** For a metric asked without an agency: a few agencies to pick, each as a full question. */
function suggestAgencies(norm: string, ctx: NluContext): { label: string; question: string }[] {
  const out: { label: string; question: string }[] = [];
  for (const info of ctx.agencies.values()) {
    out.push({ label: info.name, question: `${info.name}${norm}` });
    if (out.length === 5) break;
  }
  return out;
}

/** Region names in the leftovers that no stored report belongs to (e.g. 北京). */
function findMissingPlaces(runs: string[]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    if (!/^[\u4e00-\u9fff]{2,}$/.test(run)) continue;
    const region = findRegion(run, '');
    if (region) out.push(run);
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
  if (LIST_WORDS.test(text)) return 'list';
  if (q.agencies.length > 0 && CHECK_WORDS.test(text)) return 'check';
  if (q.agencies.length >= 2) return 'compare';
  if (RANK_WORDS.test(text) && q.agencies.length === 0) return 'rank';
  if (q.agencies.length === 1) {
    const many = q.years.kind === 'all' || q.years.kind === 'range';
    return many || TREND_WORDS.test(text) ? 'trend' : 'lookup';
  }
  if (q.missing) return 'lookup';
  if (q.metric && ctx.agencies.size === 1) {
    q.agencies = [...ctx.agencies.keys()];
    return 'lookup';
  }
  if (q.metric && COMPARE_WORDS.test(text)) return 'compare';
  if (q.metric) return 'clarify';
  return 'unknown';
}
