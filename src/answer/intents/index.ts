import type { IntentModule } from './_intent.ts';
import { check, checkRank } from './check.ts';
import { clarifyAgency, clarifyMetric } from './clarify.ts';
import { compare } from './compare.ts';
import { count } from './count.ts';
import { derived } from './derived.ts';
import { greeting, help } from './help.ts';
import { list, listPlace } from './list.ts';
import { lookup } from './lookup.ts';
import { meta } from './meta.ts';
import { prose } from './prose.ts';
import { rank } from './rank.ts';
import { region } from './region.ts';
import { section } from './section.ts';
import { trend } from './trend.ts';
import { unheld } from './unheld.ts';
import { unknown } from './unknown.ts';

export type { IntentModule } from './_intent.ts';

/**
 * Every intent, in the order they are tried (the first that matches answers). Earlier entries
 * are the more specific readings: a check or a report fact before a figure, a figure the reports
 * do not hold before any lookup, arithmetic before comparisons, a place before a ranking.
 */
export const INTENTS: readonly IntentModule[] = [
  help,
  clarifyAgency,
  checkRank,
  section,
  check,
  count,
  list,
  meta,
  prose,
  unheld,
  derived,
  compare,
  rank,
  listPlace,
  region,
  trend,
  lookup,
  clarifyMetric,
  greeting,
  unknown,
];
