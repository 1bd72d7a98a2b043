export {
  type AgencyInfo,
  type AgencyLevel,
  addToNluContext,
  type ContextRow,
  createNluContext,
  type NluContext,
} from './context.ts';
export {
  DERIVED_METRICS,
  type DerivedMetric,
  getDerivedMetric,
  getRateMetric,
  RATE_METRICS,
  type RateMetric,
} from './derived-metrics.ts';
export { GREETING_WORDS } from './intent-words.ts';
export { type IntentRule, type MatchOptions, matchQuestion, type Reading } from './match-question.ts';
export { PROSE_TOPICS, type ProseTopic } from './prose-topics.ts';
export type {
  Assumption,
  ClarifyChoice,
  DerivedKind,
  Intent,
  MetaField,
  PlaceRef,
  Query,
  SectionKey,
  YearSpec,
} from './types.ts';
