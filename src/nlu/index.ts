export { type AgencyInfo, createNluContext, type NluContext } from './context.ts';
export { DERIVED_METRICS, type DerivedMetric, getDerivedMetric } from './derived-metrics.ts';
export { matchQuestion } from './match-question.ts';
export type { Assumption, Query, YearSpec } from './types.ts';
