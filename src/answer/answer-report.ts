import type { Severity, Warning } from '../schema/index.ts';
import type { AgencyGroup } from '../store/index.ts';
import { buildAnswer, nameOf, pickReport, placeName, type ReplyInput } from './_reply.ts';
import type { Answer } from './types.ts';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const CHECK_SHOWN = 10;
const LIST_SHOWN = 20;

/** A report's problems, errors first. */
export function answerCheck(input: ReplyInput): Answer {
  const { query, store, m } = input;
  const group = store.byAgency(query.agencies[0] ?? '');
  if (!group) return buildAnswer(input, [m.unknown]);
  const entry = pickReport(group, query);
  if (!entry)
    return buildAnswer(input, [
      m.onlyYears(
        nameOf(input, group.name),
        group.reports.map((e) => e.report.year),
      ),
    ]);
  const warnings: Warning[] = [...entry.warnings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const lines = [m.checkTitle(nameOf(input, entry.report.agency), entry.report.year, warnings.length)];
  for (const w of warnings.slice(0, CHECK_SHOWN))
    lines.push(`· [${m.severity[w.severity]}] ${w.rule} ${w.message}`);
  if (warnings.length > CHECK_SHOWN) lines.push(m.moreWarnings(warnings.length - CHECK_SHOWN));
  return buildAnswer(input, lines, [], warnings);
}

/** Which reports exist (all, or those of the agencies named). */
export function answerList(input: ReplyInput): Answer {
  const { query, store, m } = input;
  if (store.all().length === 0) return buildAnswer(input, [m.noReports]);
  const keys =
    query.agencies.length > 0
      ? query.agencies
      : query.region
        ? (input.ctx.within.get(query.region.code) ?? [])
        : null;
  const groups: AgencyGroup[] = keys
    ? keys
        .slice(0, LIST_SHOWN)
        .map((k) => store.byAgency(k))
        .filter((g): g is AgencyGroup => g !== undefined)
    : firstGroups(store.agencies().values(), LIST_SHOWN);
  const lines = [m.listTitle(keys ? keys.length : store.agencies().size)];
  if (query.region) lines.push(m.scope(placeName(input, query.region.name)));
  for (const g of groups)
    lines.push(
      `· ${m.listLine(
        nameOf(input, g.name),
        g.reports.map((e) => e.report.year),
      )}`,
    );
  if (!keys && store.agencies().size > LIST_SHOWN) lines.push(m.moreAgencies(store.agencies().size));
  return buildAnswer(input, lines);
}

/** The first `n` groups without copying the whole index. */
function firstGroups(groups: Iterable<AgencyGroup>, n: number): AgencyGroup[] {
  const out: AgencyGroup[] = [];
  for (const g of groups) {
    if (out.length === n) break;
    out.push(g);
  }
  return out;
}

export function answerHelp(input: ReplyInput): Answer {
  return buildAnswer(input, [input.m.help]);
}

/** Genuinely ambiguous: offer the choices as ready-made questions. */
export function answerClarify(input: ReplyInput): Answer {
  const { query, m } = input;
  const choices = query.choices ?? [];
  const typed = query.agencies.length === 0 && choices.length > 0 && query.metric === null;
  const head = typed ? m.clarifyAgency(choices.map((c) => c.label).join(m.joiner)) : m.clarifyWhich;
  return buildAnswer(input, [head, ...choices.map((c) => `· ${c.label}`)], [], [], { choices });
}

export function answerUnknown(input: ReplyInput): Answer {
  return buildAnswer(input, [input.m.unknown]);
}
